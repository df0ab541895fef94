"""Completions as the API shows them, with their provenance."""

from datetime import date, datetime

from pydantic import BaseModel


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
