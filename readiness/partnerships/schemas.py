"""Partnerships as the API and the pages take and show them."""

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from readiness.models import PartnershipStatus, SupportCategory
from readiness.web.i18n import gettext as _

_EXAMPLE = {
    "partner": "GPOI", "country": "GHA", "title": "Pre-deployment training support to KAIPTC",
    "categories": ["training", "equipment"], "courses": ["UN-CPDT", "FPU-PDT"],
    "start_on": "2024-01-15", "end_on": "2027-12-31", "long_term": True, "status": "active",
    "note": "Three training cycles a year.",
}


class PartnershipFields(BaseModel):
    """Every field of a partnership; partner and country by code, courses by course code."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_EXAMPLE]})

    partner: str = Field(min_length=1, max_length=20, description="Partner code (seed/partners.csv)")
    country: str = Field(min_length=3, max_length=3, description="Recipient country, ISO 3166-1 alpha-3")
    title: str = Field(min_length=1, max_length=200)
    categories: list[SupportCategory] = Field(
        min_length=1, description="Light Coordination Mechanism categories; at least one")
    courses: list[str] = Field(default_factory=list, description="Codes of the courses delivered")
    start_on: date
    end_on: date | None = Field(default=None, description="Empty: open-ended")
    long_term: bool = False
    status: PartnershipStatus = PartnershipStatus.planned
    note: str | None = Field(default=None, max_length=2000)

    @field_validator("partner", "country", "title", "note", mode="before")
    @classmethod
    def _stripped(cls, value):
        return value.strip() if isinstance(value, str) else value

    @field_validator("categories", "courses")
    @classmethod
    def _distinct(cls, values: list) -> list:
        return list(dict.fromkeys(values))

    @model_validator(mode="after")
    def _dates_in_order(self) -> "PartnershipFields":
        if self.end_on is not None and self.end_on < self.start_on:
            raise ValueError(_("the partnership ends before it starts"))
        return self


class PartnershipCreate(PartnershipFields):
    """A new partnership. A partner's user may leave out `partner` (its own is used)."""

    partner: str = Field(default="", max_length=20, description="Partner code; a partner's user keeps its own")
    country: str = Field(default="", max_length=3, description="Recipient country; force generation: their own")


class PartnershipPatch(BaseModel):
    """The fields to change; those left out stay as they are."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [{"status": "completed",
                                                                                 "end_on": "2026-06-30"}]})

    partner: str | None = None
    country: str | None = None
    title: str | None = None
    categories: list[SupportCategory] | None = None
    courses: list[str] | None = None
    start_on: date | None = None
    end_on: date | None = None
    long_term: bool | None = None
    status: PartnershipStatus | None = None
    note: str | None = None


class PartnershipPublic(BaseModel):
    model_config = ConfigDict(json_schema_extra={"examples": [{
        **_EXAMPLE, "id": 1, "partner_name": "United States Global Peace Operations Initiative",
        "country_name": "Ghana", "recorded_at": "2026-01-10T09:30:00Z", "recorded_by": "partner@example.org"}]})

    id: int
    partner: str
    partner_name: str
    country: str
    country_name: str
    title: str
    categories: list[SupportCategory]
    courses: list[str]
    start_on: date
    end_on: date | None
    long_term: bool
    status: PartnershipStatus
    note: str | None
    recorded_at: datetime
    recorded_by: str


class PartnershipFilter(BaseModel):
    partner: str | None = Field(default=None, description="Partner code")
    country: str | None = Field(default=None, description="Recipient country code")
    category: SupportCategory | None = None
    status: PartnershipStatus | None = None
    long_term: bool | None = None


class PartnerOffer(BaseModel):
    """A planned or active partnership that offers a course or a category someone needs."""

    partner: str
    partner_name: str
    partnership_id: int
    title: str
    country: str
    course_id: int | None = Field(description="The course matched, or null when a category matched")
    category: SupportCategory | None = Field(description="The category matched, or null when a course matched")
