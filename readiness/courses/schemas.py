"""Courses as the JSON API shows them."""

from datetime import date

from pydantic import BaseModel, ConfigDict


class CourseOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    title: str
    category: str
    standard_ref: str | None
    duration_hours: float | None
    validity_months: int | None
    assessed: bool
    version: str
    active: bool


class UpcomingSession(BaseModel):
    start_on: date
    end_on: date
    centre: str
    language: str
    seats: int
    seats_for_women: int


class CourseDetailOut(CourseOut):
    """A course with the courses it counts as, those counting for it, and its sessions to come."""

    counts_as: list[str]
    accepted_for: list[str]
    sessions: list[UpcomingSession]
