"""Evaluations as the API and the pages take and show them, and the feedback built from them."""

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from readiness.models import CourseCategory, EvaluationInstrument
from readiness.web.i18n import gettext as _
from readiness.web.labels import EVALUATION_AREAS, label

_FINDING_EXAMPLE = {"text": "Casualty evacuation drills slow at night", "courses": ["UNBFAC"],
                    "categories": ["medical"]}
_EXAMPLE = {
    "unit": "GHA-INF-01", "mission": "UNMISS", "instrument": "fc_unit_eval", "evaluated_on": "2026-05-14",
    "ratings": {"command_and_control": 4, "protection_of_civilians": 2, "medical": 3},
    "summary": "Sound command; protection of civilians and night casualty evacuation need work.",
    "improvement_plan_required": True, "findings": [_FINDING_EXAMPLE],
}


class FindingFields(BaseModel):
    """What the evaluation found, and the courses and course categories that address it."""

    model_config = ConfigDict(json_schema_extra={"examples": [_FINDING_EXAMPLE]})
    text: str = Field(default="", max_length=2000)
    courses: list[str] = Field(default_factory=list, description="Course codes")
    categories: list[CourseCategory] = Field(default_factory=list)

    @model_validator(mode="after")
    def _says_something(self) -> "FindingFields":
        self.text = self.text.strip()
        self.courses = list(dict.fromkeys(code.strip() for code in self.courses if code.strip()))
        self.categories = list(dict.fromkeys(self.categories))
        if not (self.text or self.courses or self.categories):
            raise ValueError(_("a finding needs a text or at least one course or category"))
        return self


def _check_ratings(ratings: dict[str, int]) -> dict[str, int]:
    for area, rating in ratings.items():
        if area not in EVALUATION_AREAS:
            raise ValueError(_("%(area)s is not an evaluation area", area=area))
        if not 1 <= rating <= 5:
            raise ValueError(_("%(area)s: a rating goes from 1 to 5", area=label("evaluation_area", area)))
    return ratings


class EvaluationCreate(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [_EXAMPLE]})
    unit: str = Field(min_length=1, max_length=30, description="The unit's code")
    mission: str = Field(min_length=1, max_length=20, description="The mission's acronym")
    instrument: EvaluationInstrument
    evaluated_on: date
    ratings: dict[str, int] = Field(default_factory=dict, description="Area -> rating 1-5; any subset of the areas")
    summary: str | None = Field(default=None, max_length=2000)
    improvement_plan_required: bool = False
    findings: list[FindingFields] = Field(default_factory=list)

    _ratings = field_validator("ratings")(_check_ratings)


class EvaluationUpdate(BaseModel):
    """A partial update: fields left out stay; `ratings` and `findings`, when given, replace all."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"improvement_plan_required": False,
                                                              "ratings": {"protection_of_civilians": 3}}]})
    unit: str | None = Field(default=None, min_length=1, max_length=30)
    mission: str | None = Field(default=None, min_length=1, max_length=20)
    instrument: EvaluationInstrument | None = None
    evaluated_on: date | None = None
    ratings: dict[str, int] | None = None
    summary: str | None = Field(default=None, max_length=2000)
    improvement_plan_required: bool | None = None
    findings: list[FindingFields] | None = None

    @field_validator("ratings")
    @classmethod
    def _valid_ratings(cls, ratings: dict[str, int] | None) -> dict[str, int] | None:
        return None if ratings is None else _check_ratings(ratings)


class FindingPublic(BaseModel):
    id: int
    text: str
    courses: list[str]
    categories: list[str]


class EvaluationPublic(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        **_EXAMPLE, "id": 1, "unit_name": "Ghana Battalion 1", "country": "GHA", "mean_rating": 3.0,
        "findings": [{"id": 1, **_FINDING_EXAMPLE}], "recorded_by": "planner@un.example",
        "recorded_at": "2026-05-20T10:00:00Z"}]})
    id: int
    unit: str
    unit_name: str
    country: str
    mission: str
    instrument: EvaluationInstrument
    evaluated_on: date
    ratings: dict[str, int]
    mean_rating: float | None
    summary: str | None
    improvement_plan_required: bool
    findings: list[FindingPublic]
    recorded_by: str
    recorded_at: datetime


class EvaluationPage(BaseModel):
    items: list[EvaluationPublic]
    page: int
    per_page: int
    total: int
    pages: int


# --- the feedback loop ---------------------------------------------------------------------


class Recommendation(BaseModel):
    """A finding that recommends a course: directly, or through the course's category."""

    evaluation_id: int
    evaluated_on: date
    unit: str
    finding: str
    via_category: str | None = None


class SessionOffer(BaseModel):
    session_id: int
    centre: str
    centre_name: str
    start_on: date
    end_on: date
    language: str
    free: int
    free_held_for_women: int


class PersonLacking(BaseModel):
    unit: str
    service_number: str
    family_name: str | None
    given_name: str | None


class RecommendedCourse(BaseModel):
    course: str
    title: str
    category: str
    recommended_by: list[Recommendation]
    lacking: int = Field(description="People on the roster today without a valid completion")
    lacking_by_unit: dict[str, int] = Field(default_factory=dict)
    people: list[PersonLacking] | None = Field(default=None, description="Only for those who may see names")
    sessions: list[SessionOffer]
    partners: list[str] = Field(default_factory=list)


class EvaluationLine(BaseModel):
    id: int
    unit: str
    mission: str
    instrument: EvaluationInstrument
    evaluated_on: date
    mean_rating: float | None
    improvement_plan_required: bool
    summary: str | None = None


class UnitFeedback(BaseModel):
    unit: str
    unit_name: str
    country: str
    as_of: date
    evaluations: list[EvaluationLine]
    recommended: list[RecommendedCourse]
    sees_people: bool


class AreaMean(BaseModel):
    area: str
    mean: float
    ratings: int


class CountryFeedback(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        "country": "GHA", "country_name": "Ghana", "start": "2024-11-29", "end": "2026-11-29",
        "as_of": "2026-11-29", "evaluations": [], "areas": [{"area": "medical", "mean": 2.5, "ratings": 2}],
        "recommended": [], "improvement_plans": []}]})
    country: str
    country_name: str
    start: date
    end: date
    as_of: date
    evaluations: list[EvaluationLine]
    areas: list[AreaMean]
    recommended: list[RecommendedCourse]
    improvement_plans: list[EvaluationLine]
