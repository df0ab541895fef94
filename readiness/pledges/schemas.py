"""Ministerials, pledges and progress notes as the API and the pages take and show them."""

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator

from readiness.models import PledgeCategory, PledgeStatus
from readiness.web.pagination import Page

_PLEDGE = {"event": "accra-2023", "country": "GHA", "category": "units",
           "detail": "A level 2 hospital registered in PCRS", "status": "in_progress", "unit": "GHA-L2H-03"}


class MinisterialPublic(BaseModel):
    """A UN Peacekeeping Ministerial and the figures published about it (with their sources)."""

    model_config = ConfigDict(from_attributes=True, json_schema_extra={"examples": [{
        "code": "accra-2023", "name": "Accra 2023", "city": "Accra", "held_from": "2023-12-05",
        "held_to": "2023-12-06", "themes": "Protection of civilians; strategic communications; ...",
        "summary": "91 member states attended; 57 pledged; 110+ units from 33 member states",
        "source": "[S74] ..."}]})

    code: str
    name: str = Field(description="City and year")
    city: str
    held_from: date
    held_to: date
    themes: str | None
    summary: str | None = Field(description="Sourced summary figures, as published")
    source: str | None


class PledgeFields(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_PLEDGE]})

    event: str = Field(min_length=1, max_length=30, description="Ministerial code, e.g. berlin-2025")
    country: str = Field(default="", max_length=3, description="Pledging country; force generation: their own")
    category: PledgeCategory
    detail: str = Field(min_length=1, max_length=1000)
    status: PledgeStatus = PledgeStatus.announced
    unit: str | None = Field(default=None, max_length=40,
                             description="Code of a unit of the same country (category 'units' only)")

    @field_validator("event", "country", "detail", "unit", mode="before")
    @classmethod
    def _stripped(cls, value):
        return value.strip() if isinstance(value, str) else value

    @field_validator("unit")
    @classmethod
    def _empty_is_none(cls, value):
        return value or None


class PledgeCreate(PledgeFields):
    """A new pledge."""


class PledgePatch(BaseModel):
    """The fields to change; those left out stay as they are."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"status": "fulfilled"}]})

    event: str | None = None
    country: str | None = None
    category: PledgeCategory | None = None
    detail: str | None = None
    status: PledgeStatus | None = None
    unit: str | None = None


class NoteCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{
        "noted_on": "2024-06-30", "text": "Assessment and advisory visit passed."}]})

    noted_on: date | None = Field(default=None, description="Empty: today")
    text: str = Field(min_length=1, max_length=2000)

    @field_validator("text", mode="before")
    @classmethod
    def _stripped(cls, value):
        return value.strip() if isinstance(value, str) else value


class NotePublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    noted_on: date
    text: str
    recorded_at: datetime
    recorded_by: str


class PledgePublic(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        **_PLEDGE, "id": 7, "event_name": "Accra 2023", "country_name": "Ghana", "unit_name": "GHA Level 2 hospital 03",
        "recorded_at": "2024-01-10T09:30:00Z", "recorded_by": "forcegen@example.org", "notes": []}]})

    id: int
    event: str
    event_name: str
    country: str
    country_name: str
    category: PledgeCategory
    detail: str
    status: PledgeStatus
    unit: str | None
    unit_name: str | None
    recorded_at: datetime
    recorded_by: str
    notes: list[NotePublic] | None = Field(default=None, description="Progress notes, newest first (one pledge only)")


class PledgeFilter(BaseModel):
    event: str | None = Field(default=None, description="Ministerial code")
    country: str | None = None
    category: PledgeCategory | None = None
    status: PledgeStatus | None = None


class EventSummary(BaseModel):
    """A ministerial with the pledges recorded here against it, counted per category and status."""

    event: MinisterialPublic
    pledges: Page[PledgePublic]
    by_category: dict[str, int]
    by_status: dict[str, int]
