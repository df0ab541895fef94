"""Gender parity as the API and the pages take and show it."""

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from readiness.models import ParityCategory


class TargetIn(BaseModel):
    """An illustrative target an administrator sets (sourced UGPS figures are locked)."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={"examples": [{"year": 2026, "category": "formed_police_unit", "target_pct": 17,
                                         "source": "Illustrative: national plan"}]},
    )

    year: int = Field(ge=2018, le=2100)
    category: ParityCategory
    target_pct: float = Field(ge=0, le=100)
    source: str | None = Field(default=None, max_length=300)


class TargetPublic(BaseModel):
    model_config = ConfigDict(
        from_attributes=True,
        json_schema_extra={"examples": [{"year": 2028, "category": "formed_police_unit", "target_pct": 20,
                                         "sourced": True, "source": "UGPS 2018-2028 [S40]"}]},
    )

    year: int
    category: ParityCategory
    target_pct: float
    sourced: bool
    source: str | None


class AppliedTargetPublic(BaseModel):
    """The target applying to a year: the year's own, or (fallback) the nearest earlier year's."""

    model_config = ConfigDict(from_attributes=True)

    category: ParityCategory
    year: int
    target_year: int
    target_pct: float
    sourced: bool
    source: str | None
    fallback: bool


class CategoryTarget(BaseModel):
    category: ParityCategory
    target: AppliedTargetPublic | None = Field(description="null: no target set for the year or before")


class CountryShare(BaseModel):
    country: str
    category: ParityCategory
    units: int
    strength: int
    women: int
    women_pct: float
    target_pct: float | None
    colour: str | None = Field(description="green, yellow, red; null when no one is on the rosters")


class UnitShare(BaseModel):
    unit: str
    unit_name: str
    country: str
    unit_type: str
    category: ParityCategory
    strength: int
    women: int
    women_pct: float
    target_pct: float | None
    colour: str | None


class TrainedShare(BaseModel):
    """People holding a valid completion on the day, and the women among them."""

    course: str | None = None
    title: str | None = None
    course_category: str
    people: int
    women: int
    women_pct: float


class ReadyShare(BaseModel):
    """People on the rosters of units ready (against their target requirement) on their deployment date."""

    country: str
    category: ParityCategory
    units: int
    people: int
    women: int
    women_pct: float


class UpcomingSessionPlaces(BaseModel):
    session_id: int
    course: str
    centre: str
    start_on: date
    end_on: date
    seats: int
    seats_for_women: int
    booked: int
    booked_women: int


class PastSessionWomen(BaseModel):
    session_id: int
    course: str
    centre: str
    start_on: date
    end_on: date
    people: int
    women: int
    women_pct: float


class ParityReport(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{
            "as_of": "2026-03-01",
            "targets": [{"category": "military_contingent", "target": {
                "category": "military_contingent", "year": 2026, "target_year": 2021, "target_pct": 8,
                "sourced": True, "source": "UGPS 2018-2028 [S41]", "fallback": True}}],
            "countries": [{"country": "GHA", "category": "military_contingent", "units": 3, "strength": 320,
                           "women": 41, "women_pct": 12.8, "target_pct": 8, "colour": "green"}],
            "units": [{"unit": "GHA-INF-01", "unit_name": "1st Infantry Battalion", "country": "GHA",
                       "unit_type": "infantry_battalion", "category": "military_contingent", "strength": 140,
                       "women": 12, "women_pct": 8.6, "target_pct": 8, "colour": "green"}],
            "trained_by_course": [{"course": "UNBFAC", "title": "UN Buddy First Aid Course",
                                   "course_category": "medical", "people": 410, "women": 52, "women_pct": 12.7}],
            "trained_by_category": [{"course_category": "medical", "people": 430, "women": 55, "women_pct": 12.8}],
            "ready": [{"country": "RWA", "category": "formed_police_unit", "units": 1, "people": 140,
                       "women": 30, "women_pct": 21.4}],
            "upcoming_sessions": [], "past_sessions": [],
        }]},
    )

    as_of: date
    targets: list[CategoryTarget]
    countries: list[CountryShare]
    units: list[UnitShare]
    trained_by_course: list[TrainedShare]
    trained_by_category: list[TrainedShare]
    ready: list[ReadyShare]
    upcoming_sessions: list[UpcomingSessionPlaces]
    past_sessions: list[PastSessionWomen]


class UnitParity(BaseModel):
    model_config = ConfigDict(
        json_schema_extra={"examples": [{
            "unit": "GHA-FPU-02", "country": "GHA", "as_of": "2026-03-01", "category": "formed_police_unit",
            "strength": 140,
            "women": 21, "women_pct": 15.0, "target": None, "colour": "yellow", "requirement": "MINUSCA-FPU-2026",
            "requirement_version": 1,
            "trained": [{"course": "CPTM-2.5", "title": "Protection of civilians", "course_category":
                         "core_predeployment", "people": 120, "women": 18, "women_pct": 15.0}],
        }]},
    )

    unit: str
    country: str
    as_of: date
    category: ParityCategory
    strength: int
    women: int
    women_pct: float
    target: AppliedTargetPublic | None
    colour: str | None
    requirement: str | None = Field(description="The unit's target requirement, whose courses are listed")
    requirement_version: int | None
    trained: list[TrainedShare] = Field(description="Per required course: roster members trained, and women")
