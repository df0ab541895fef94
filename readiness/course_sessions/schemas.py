"""Course sessions as the API and the pages take and show them."""

from datetime import date

from pydantic import BaseModel, Field, model_validator

from readiness.web.i18n import gettext as _


class SessionFields(BaseModel):
    course_id: int
    start_on: date
    end_on: date
    language: str = Field(min_length=2, max_length=8)
    seats: int = Field(ge=0, le=10000)
    seats_for_women: int = Field(default=0, ge=0)

    @model_validator(mode="after")
    def _consistent(self) -> "SessionFields":
        if self.end_on < self.start_on:
            raise ValueError(_("the session ends before it starts"))
        if self.seats_for_women > self.seats:
            raise ValueError(_("more seats for women than seats"))
        return self


class SessionCreate(SessionFields):
    centre_id: int | None = Field(default=None, description="Administrators only; a centre's user keeps its own.")


class SessionUpdate(SessionFields):
    """An update replaces every field (the centre stays)."""


class SessionPublic(BaseModel):
    id: int
    course_id: int
    course: str
    course_title: str
    centre_id: int
    centre: str
    start_on: date
    end_on: date
    language: str
    seats: int
    seats_for_women: int
