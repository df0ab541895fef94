"""Caveats as the API and the pages take and show them."""

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field, ValidationInfo, field_validator

from readiness.models import CaveatKind, CaveatRecord
from readiness.web.i18n import gettext as _

TEXT_MAX = 1000
EXAMPLE = {"declared": True, "kind": "time_night", "text": "No movement by road between 18:00 and 06:00.",
           "accepted_by_un": True, "recorded_in": "mou", "active_from": "2026-01-01", "active_to": None}


class CaveatFields(BaseModel):
    """A caveat's fields; an undeclared caveat was found by the UN, so it is neither accepted nor in the MOU."""

    model_config = ConfigDict(json_schema_extra={"examples": [EXAMPLE]})

    declared: bool
    kind: CaveatKind
    text: str = Field(description="What the caveat restricts (at most 1000 characters)",
                      json_schema_extra={"maxLength": TEXT_MAX})
    accepted_by_un: bool = False
    recorded_in: CaveatRecord = CaveatRecord.none
    active_from: date
    active_to: date | None = Field(default=None, description="Last day in force; null: still in force")

    # Field validators (not one model validator) so each message names its field.
    @field_validator("text")
    @classmethod
    def _text_written(cls, text: str) -> str:
        if not text.strip():
            raise ValueError(_("Write what the caveat restricts."))
        if len(text.strip()) > TEXT_MAX:
            raise ValueError(_("Keep the caveat's text to %(max)d characters.", max=TEXT_MAX))
        return text.strip()

    @field_validator("accepted_by_un")
    @classmethod
    def _accepted_only_if_declared(cls, accepted: bool, info: ValidationInfo) -> bool:
        if accepted and info.data.get("declared") is False:
            raise ValueError(_("An undeclared caveat cannot be accepted by the UN: only a declared caveat can be."))
        return accepted

    @field_validator("recorded_in")
    @classmethod
    def _mou_only_if_declared(cls, recorded_in: CaveatRecord, info: ValidationInfo) -> CaveatRecord:
        if recorded_in == CaveatRecord.mou and info.data.get("declared") is False:
            raise ValueError(_("An undeclared caveat cannot be recorded in the MOU: the MOU holds declared "
                               "caveats only."))
        return recorded_in

    @field_validator("active_to")
    @classmethod
    def _ends_after_start(cls, active_to: date | None, info: ValidationInfo) -> date | None:
        start = info.data.get("active_from")
        if active_to is not None and start is not None and active_to < start:
            raise ValueError(_("The caveat ends before it starts: 'active to' must be on or after 'active from'."))
        return active_to


class CaveatPatch(BaseModel):
    """Any of a caveat's fields; the result is checked as a whole."""

    model_config = ConfigDict(json_schema_extra={"examples": [{"accepted_by_un": True, "recorded_in": "mou"},
                                                              {"active_to": "2026-12-31"}]})

    declared: bool | None = None
    kind: CaveatKind | None = None
    text: str | None = Field(default=None, max_length=1000)
    accepted_by_un: bool | None = None
    recorded_in: CaveatRecord | None = None
    active_from: date | None = None
    active_to: date | None = None


class CaveatPublic(BaseModel):
    """A caveat, whether it is in force today and whether it flags its unit red today."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "id": 7, "unit": "GHA-INF-01", **EXAMPLE, "in_force": True, "raises_flag": False,
        "recorded_at": "2026-01-02T09:00:00Z", "recorded_by": "fg@gha.example"}]})

    id: int
    unit: str
    declared: bool
    kind: CaveatKind
    text: str
    accepted_by_un: bool
    recorded_in: CaveatRecord
    active_from: date
    active_to: date | None
    in_force: bool
    raises_flag: bool
    recorded_at: datetime
    recorded_by: str
