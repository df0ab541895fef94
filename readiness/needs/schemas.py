"""Needs as the API and the pages take and show them: stated, derived, and matched."""

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from readiness.models import NeedStatus, SupportCategory
from readiness.web.i18n import gettext as _

NEED_EXAMPLE = {
    "id": 12, "country": "GHA", "category": "training", "course": "UAS-OPS", "course_title": "UAS operator",
    "capability": None, "quantity": 12, "needed_by": "2027-03-01", "status": "open",
    "note": "Operators for the engagement platoon's small drones", "recorded_at": "2026-11-02T09:30:00Z",
    "recorded_by": "forcegen.gha@demo.readiness",
}


def _blank_to_none(value: str | None) -> str | None:
    return value.strip() or None if isinstance(value, str) else value


class NeedFields(BaseModel):
    """What a country states; a course code or a capability text, or both."""

    category: SupportCategory
    course: str | None = Field(default=None, max_length=30, description="A course code, for a training need.")
    capability: str | None = Field(default=None, max_length=300,
                                   description="What is needed when no course names it (equipment, mentoring...).")
    quantity: int = Field(ge=1, le=100000, description="People to train, or items, or teams.")
    needed_by: date | None = None
    note: str | None = Field(default=None, max_length=1000)

    @model_validator(mode="after")
    def _course_or_capability(self) -> "NeedFields":
        self.course, self.capability, self.note = (_blank_to_none(self.course), _blank_to_none(self.capability),
                                                   _blank_to_none(self.note))
        if self.course is None and self.capability is None:
            raise ValueError(_("Give a course or describe the capability needed."))
        return self


class NeedCreate(NeedFields):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "country": "GHA", "category": "training", "course": "UAS-OPS", "quantity": 12,
        "needed_by": "2027-03-01", "note": "Operators for the engagement platoon's small drones"}]})

    country: str | None = Field(default=None, max_length=3,
                                description="ISO code; defaults to the actor's own country.")


class NeedUpdate(BaseModel):
    """A partial change: only the fields sent are changed."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"quantity": 8, "status": "met"}]})

    category: SupportCategory | None = None
    course: str | None = Field(default=None, max_length=30)
    capability: str | None = Field(default=None, max_length=300)
    quantity: int | None = Field(default=None, ge=1, le=100000)
    needed_by: date | None = None
    status: NeedStatus | None = None
    note: str | None = Field(default=None, max_length=1000)


class NeedPublic(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [NEED_EXAMPLE]})

    id: int
    country: str
    category: SupportCategory
    course: str | None
    course_title: str | None
    capability: str | None
    quantity: int
    needed_by: date | None
    status: NeedStatus
    note: str | None
    recorded_at: datetime
    recorded_by: str


class NeedUnit(BaseModel):
    """One pledged unit behind a derived need: its shortfall on the course at its deployment date."""

    unit: str
    unit_name: str
    mission: str
    requirement: str
    deploys_on: date
    shortfall: int


class DerivedNeed(BaseModel):
    """People of a country's pledged units still to train on a course before the first deployment."""

    country: str
    category: SupportCategory = SupportCategory.training
    course: str
    course_title: str
    quantity: int
    needed_by: date
    units: list[NeedUnit]


class SessionMatch(BaseModel):
    session_id: int
    course: str
    centre: str
    centre_name: str
    centre_country: str
    start_on: date
    end_on: date
    language: str
    free: int = Field(description="Free places anyone may take")
    free_held_for_women: int = Field(description="Of the free places, those held for women")
    counted: int = Field(description="Of the free places, those counted for this need: each place counts once, "
                                     "for the need due first among those matched together")


class PartnerMatch(BaseModel):
    code: str
    name: str
    offers_course: bool = Field(description="True: a partnership delivers the course; false: the category only")
    supports_country: bool = Field(description="Already supports the need's country")


class NeedMatch(BaseModel):
    """One need (stated or derived) with the sessions and partners that could fill it."""

    kind: Literal["stated", "derived"]
    need_id: int | None = Field(description="The stated need's id; null for a derived need")
    country: str
    category: SupportCategory
    course: str | None
    course_title: str | None
    capability: str | None
    quantity: int
    needed_by: date | None
    units: list[NeedUnit] = Field(default_factory=list, description="Derived needs: the units behind it")
    sessions: list[SessionMatch]
    partners: list[PartnerMatch]
    free_places: int = Field(description="Free places in the sessions listed")
    counted_places: int = Field(description="Free places counted for this need (not already counted for a need due "
                                            "earlier), at most its quantity")
    unmatched: int = Field(description="Quantity the places counted for it do not cover")
    unmatched_entirely: bool = Field(description="Neither a session nor a partner was found")


MATCH_EXAMPLE = {
    "kind": "derived", "need_id": None, "country": "GHA", "category": "training", "course": "UNBFAC",
    "course_title": "UN Buddy First Aid Course", "capability": None, "quantity": 120, "needed_by": "2027-03-01",
    "units": [{"unit": "GHA-FPU-02", "unit_name": "GHA Formed Police Unit 02", "mission": "MINUSCA",
               "requirement": "MINUSCA-FPU@1", "deploys_on": "2027-03-01", "shortfall": 120}],
    "sessions": [{"session_id": 4, "course": "UNBFAC", "centre": "KAIPTC",
                  "centre_name": "Kofi Annan International Peacekeeping Training Centre", "centre_country": "GHA",
                  "start_on": "2027-01-11", "end_on": "2027-01-22", "language": "en", "free": 30,
                  "free_held_for_women": 8, "counted": 30}],
    "partners": [{"code": "GPOI", "name": "Global Peace Operations Initiative", "offers_course": True,
                  "supports_country": True}],
    "free_places": 30, "counted_places": 30, "unmatched": 90, "unmatched_entirely": False,
}


class CountryMatching(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "country": "GHA", "as_of": "2026-11-30", "stated": [], "derived": [MATCH_EXAMPLE]}]})

    country: str
    as_of: date
    stated: list[NeedMatch]
    derived: list[NeedMatch]


class CountryDemand(BaseModel):
    country: str
    shortfall: int
    needed_by: date
    units: list[NeedUnit]


class CourseDemandRow(BaseModel):
    course: str
    course_title: str
    shortfall: int
    needed_by: date
    countries: list[CountryDemand]


class MissionDemand(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "mission": "MINUSCA", "mission_name": "United Nations Multidimensional Integrated Stabilization Mission "
        "in the Central African Republic", "as_of": "2026-11-30", "units": 3, "total": 140,
        "courses": [{"course": "UNBFAC", "course_title": "UN Buddy First Aid Course", "shortfall": 140,
                     "needed_by": "2027-03-01", "countries": [
                         {"country": "GHA", "shortfall": 120, "needed_by": "2027-03-01",
                          "units": MATCH_EXAMPLE["units"]},
                         {"country": "NPL", "shortfall": 20, "needed_by": "2027-05-10", "units": []}]}]}]})

    mission: str
    mission_name: str
    as_of: date
    units: int = Field(description="Pledged units counted")
    total: int = Field(description="People to train, all courses")
    courses: list[CourseDemandRow]


class PartnerDemand(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "partner": "GPOI", "partner_name": "Global Peace Operations Initiative", "as_of": "2026-11-30",
        "countries": ["GHA", "RWA"], "categories": ["training", "equipment"], "courses": ["UNBFAC"],
        "needs": [MATCH_EXAMPLE], "could_fill": 90}]})

    partner: str
    partner_name: str
    as_of: date
    countries: list[str] = Field(description="Countries it supports (and the viewer may see)")
    categories: list[SupportCategory] = Field(description="Categories its planned or active partnerships offer")
    courses: list[str] = Field(description="Courses its planned or active partnerships deliver")
    needs: list[NeedMatch]
    could_fill: int = Field(description="Sum of what stays unmatched by sessions in the needs it could fill")
