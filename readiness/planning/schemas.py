"""Plans as the API and the pages show them, and the booking request."""

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class PlanPlace(BaseModel):
    """One person in one session: already booked, or proposed by the plan."""

    person_id: int
    service_number: str
    family_name: str | None
    given_name: str | None
    gender: str
    role: str | None
    session_id: int
    course: str
    centre: str
    centre_name: str
    start_on: date
    end_on: date
    status: Literal["booked", "proposed"]
    place_id: int | None = Field(default=None, description="The booked place; null while only proposed")
    lapses_on: date | None = Field(default=None, description="When the person's training lapses, if it does")


class LapsingPerson(BaseModel):
    """Someone whose training lapses during the tour, with no session in time."""

    person_id: int
    service_number: str
    family_name: str | None
    given_name: str | None
    lapses_on: date | None


class PlanLine(BaseModel):
    """A course line on the deployment date, and how the plan closes its shortfall."""

    course: str
    role: str | None
    min_pct: float
    eligible: int
    trained: int
    shortfall: int = Field(description="People still to train on the deployment date, before any booking")
    met_already: bool
    booked: list[PlanPlace] = Field(description="People already booked into a session that ends in time")
    proposed: list[PlanPlace] = Field(description="People the plan sends, earliest session first")
    reached: bool = Field(description="Whether booked and proposed people together reach the line's minimum")
    free_places: int = Field(description="Free places, before this plan, in the sessions that end in time")
    note: str | None = Field(default=None, description="Why the line is not reached, in plain words")


class WomenLine(BaseModel):
    """The requirement's share of women: changed by the roster, never by training."""

    min_pct: float
    women_pct: float
    met: bool
    note: str | None = None


class Retraining(BaseModel):
    """People whose training lapses during the tour, and sessions that could renew it in time."""

    course: str
    role: str | None
    lapsing: int
    booked: list[PlanPlace]
    proposed: list[PlanPlace]
    unplaced: int = Field(description="Lapsing people for whom no session with a free place ends in time")
    without_session: list[LapsingPerson] = Field(default_factory=list)


class UnitPlan(BaseModel):
    """Which people to send to which upcoming session so the unit is ready on its deployment date."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "unit": "GHA-EP-04", "unit_name": "Engagement platoon", "country": "GHA",
        "requirement": "UNISFA-EP-2026", "requirement_version": 1, "today": "2026-11-29",
        "deploy_on": "2027-02-27", "tour_end": "2028-02-27", "ready": False,
        "verdict": "No plan can make the unit ready by 2027-02-27: The roster has 20.0% women against "
                   "50.0% required: training cannot close this; the roster must change.",
        "lines": [{
            "course": "ROE-MISSION", "role": None, "min_pct": 100, "eligible": 30, "trained": 5,
            "shortfall": 25, "met_already": False, "booked": [],
            "proposed": [{"person_id": 812, "service_number": "GHA-000812", "family_name": "Mensah",
                          "given_name": "Ama", "gender": "F", "role": "rifleman", "session_id": 7,
                          "course": "ROE-MISSION", "centre": "KAIPTC",
                          "centre_name": "Kofi Annan International Peacekeeping Training Centre",
                          "start_on": "2027-01-28", "end_on": "2027-01-30", "status": "proposed",
                          "place_id": None}],
            "reached": True, "free_places": 30, "note": None}],
        "women": {"min_pct": 50, "women_pct": 20.0, "met": False,
                  "note": "The roster has 20.0% women against 50.0% required: training cannot close this; "
                          "the roster must change."},
        "retraining": [{"course": "PSEA-ONL", "role": None, "lapsing": 1, "booked": [], "proposed": [],
                        "unplaced": 1, "without_session": [
                            {"person_id": 815, "service_number": "GHA-000815", "family_name": "Owusu",
                             "given_name": "Kofi", "lapses_on": "2027-06-30"}]}],
        "can_book": True,
    }]})

    unit: str
    unit_name: str
    country: str
    requirement: str
    requirement_version: int
    today: date
    deploy_on: date
    tour_end: date
    ready: bool = Field(description="Whether this plan makes the unit ready on its deployment date")
    verdict: str
    lines: list[PlanLine]
    women: WomenLine | None
    retraining: list[Retraining]
    can_book: bool = Field(description="Whether the caller may book these places")

    def proposed(self, *, retraining: bool = False) -> list[PlanPlace]:
        """Every place the plan proposes (with the retraining part when asked)."""
        places = [place for line in self.lines for place in line.proposed]
        if retraining:
            places += [place for part in self.retraining for place in part.proposed]
        return places


class PlaceIn(BaseModel):
    person_id: int
    session_id: int


class BookingIn(BaseModel):
    """Book a plan's places, all or nothing. Without `places`, the plan as it stands now is booked."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [
        {"requirement": "UNISFA-EP-2026@1"},
        {"requirement": "UNISFA-EP-2026@1", "places": [{"person_id": 812, "session_id": 7}]},
    ]})

    requirement: str | None = Field(default=None, description="CODE@VERSION; default: the unit's target")
    places: list[PlaceIn] | None = Field(default=None, description="The places shown in the plan")
    retraining: bool = Field(default=False, description="Also book the plan's retraining places")


class BookingOut(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [
        {"created": 25, "already_booked": 0, "place_ids": [101, 102]}]})

    created: int = Field(description="Places written now")
    already_booked: int = Field(description="Places that existed already (booking twice adds nothing)")
    place_ids: list[int]
