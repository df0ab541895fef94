"""PCRS levels and dates as the API and the pages take and show them."""

from datetime import date

from pydantic import BaseModel, ConfigDict, Field

from readiness.models import PcrsLevel
from readiness.pcrs.rules import Severity

DATES_EXAMPLE = {"pcrs_level": "L3", "pledge_registered_on": "2019-02-01", "last_aav_on": "2020-05-12",
                 "l3_since": "2021-03-01", "last_self_cert_on": "2024-03-01", "rdl_verified_on": None}
DATE_FIELDS = ("pledge_registered_on", "last_aav_on", "l3_since", "last_self_cert_on", "rdl_verified_on")


class PcrsFields(BaseModel):
    """A unit's PCRS level and the dates that move it; a PUT replaces all of them."""

    model_config = ConfigDict(json_schema_extra={"examples": [DATES_EXAMPLE]})

    pcrs_level: PcrsLevel | None = None
    pledge_registered_on: date | None = Field(default=None, description="L1: pledge registered in PCRS")
    last_aav_on: date | None = Field(default=None, description="Last successful assessment and advisory visit")
    l3_since: date | None = Field(default=None, description="Elevated to L3")
    last_self_cert_on: date | None = Field(default=None, description="Last yearly self-certification")
    rdl_verified_on: date | None = Field(default=None, description="RDL verification visit")


class PcrsWarningOut(BaseModel):
    code: str
    severity: Severity
    message: str


class UnitPcrs(PcrsFields):
    """A unit's level and dates, with the warnings the timing rules raise on `as_of`."""

    model_config = ConfigDict(json_schema_extra={"examples": [{
        "unit": "GHA-INF-01", "unit_name": "1st Infantry Battalion", "country": "GHA", **DATES_EXAMPLE,
        "as_of": "2026-11-29", "aav_expires_on": "2025-05-12", "self_cert_due_on": "2025-03-01",
        "selectable": True,
        "warnings": [{"code": "aav_expired", "severity": "high",
                      "message": "The last assessment and advisory visit was on 2020-05-12, more than 5 years "
                                 "ago: a new visit is needed before this unit can stay at L3."}]}]})

    unit: str
    unit_name: str
    country: str
    as_of: date
    aav_expires_on: date | None = Field(description="Last day the last AAV supports L2/L3 (5 years on)")
    self_cert_due_on: date | None = Field(description="L3 units that have not deployed: next self-certification due")
    selectable: bool = Field(description="L2 or above: selectable for a new deployment")
    warnings: list[PcrsWarningOut]
