"""Completions as the API shows them (with their provenance) and as the form enters them."""

from dataclasses import dataclass
from datetime import date, datetime

from pydantic import BaseModel, Field, model_validator

from readiness.completions import rules
from readiness.models import CompletionResult


class CompletionPublic(BaseModel):
    id: int
    person_id: int
    country: str
    service_number: str
    course: str
    completed_on: date
    result: str
    waiver_reason: str | None
    score: float | None
    centre: str | None
    source: str
    source_ref: str | None
    recorded_at: datetime
    recorded_by: str


@dataclass(frozen=True)
class CompletionEntry:
    """One completion as a person enters it on the form: checked, typed, not yet stored."""

    service_number: str
    course_id: int
    completed_on: date
    result: str
    score: float | None = None
    waiver_reason: str | None = None
    session_id: int | None = None
    country: str | None = None  # for an administrator, who has no country of their own


class PersonSummary(BaseModel):
    """Who a service number is, as the form shows it."""

    id: int
    country: str
    service_number: str
    family_name: str | None
    given_name: str | None
    rank: str | None
    unit: str | None


class RecentCompletion(BaseModel):
    id: int
    service_number: str
    family_name: str | None
    given_name: str | None
    course: str
    completed_on: date
    result: str
    score: float | None
    recorded_at: datetime


class CompletionIn(BaseModel):
    """One completion sent to the JSON API: the form's fields, typed."""

    service_number: str = Field(min_length=1, max_length=40)
    country: str | None = Field(default=None, max_length=3, description="Administrators only.")
    course_id: int
    completed_on: date
    result: CompletionResult
    score: float | None = Field(default=None, ge=rules.SCORE_RANGE[0], le=rules.SCORE_RANGE[1])
    waiver_reason: str | None = Field(default=None, max_length=500)
    session_id: int | None = None

    @model_validator(mode="after")
    def _waiver_has_reason(self) -> "CompletionIn":
        if problem := rules.waiver_problem(self.result, self.waiver_reason):
            raise ValueError(problem)
        return self

    def entry(self) -> CompletionEntry:
        return CompletionEntry(**{**self.model_dump(), "result": self.result.value})
