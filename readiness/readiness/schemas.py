"""Readiness results as the service returns them and the API and CLI show them."""

from datetime import date
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

ReadinessStatus = Literal["ready", "partial", "not_ready"]


class LineResult(BaseModel):
    """One requirement line on the report date; the women line has kind 'women' and no course."""

    kind: Literal["course", "women"] = "course"
    course: str | None = Field(description="Course code; null for the women line")
    role: str | None = None
    min_pct: float
    eligible: int
    trained: int
    coverage_pct: float
    met: bool
    shortfall: int = Field(description="People still to train to meet the line")
    expiring: int = Field(description="Trained people whose training lapses before the tour ends")


class UnitReadiness(BaseModel):
    """A unit against a requirement on one date, projected to the end of the tour."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "unit": "RWA-INF-01", "unit_name": "1st Infantry Battalion", "country": "RWA",
                    "requirement": "MINUSCA-INF-2026", "requirement_version": 1,
                    "as_of": "2026-03-01", "tour_end": "2027-03-01",
                    "strength": 850, "women": 110, "women_pct": 12.9,
                    "lines": [
                        {"kind": "course", "course": "CPTM-2.5", "role": None, "min_pct": 100,
                         "eligible": 850, "trained": 830, "coverage_pct": 97.6, "met": False,
                         "shortfall": 20, "expiring": 12},
                        {"kind": "women", "course": None, "role": None, "min_pct": 15,
                         "eligible": 850, "trained": 110, "coverage_pct": 12.9, "met": False,
                         "shortfall": 18, "expiring": 0},
                    ],
                    "lines_met": 0, "lines_total": 2, "score": 91.8, "status": "not_ready",
                }
            ]
        }
    )

    unit: str
    unit_name: str
    country: str
    requirement: str
    requirement_version: int
    as_of: date
    tour_end: date
    strength: int
    women: int
    women_pct: float
    lines: list[LineResult]
    lines_met: int
    lines_total: int
    score: float
    status: ReadinessStatus


class UnitSummary(BaseModel):
    """One unit's row in the mission view."""

    unit: str
    unit_name: str
    country: str
    pcrs_level: str | None
    strength: int
    women_pct: float
    lines: list[LineResult]
    lines_met: int
    lines_total: int
    score: float
    status: ReadinessStatus


class CourseDemand(BaseModel):
    """People still to train on a course, summed over the units shown."""

    course: str
    shortfall: int


class MissionView(BaseModel):
    """Every unit of the requirement's unit type, best score first, and the training demand."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "requirement": "MINUSCA-INF-2026", "requirement_version": 1,
                    "unit_type": "infantry_battalion", "as_of": "2026-03-01",
                    "tour_end": "2027-03-01",
                    "units": [
                        {"unit": "RWA-INF-01", "unit_name": "1st Infantry Battalion",
                         "country": "RWA", "pcrs_level": "L2", "strength": 850,
                         "women_pct": 12.9, "lines": [], "lines_met": 6, "lines_total": 9,
                         "score": 91.8, "status": "partial"}
                    ],
                    "demand": [{"course": "CPTM-2.5", "shortfall": 20}],
                }
            ]
        }
    )

    requirement: str
    requirement_version: int
    unit_type: str
    as_of: date
    tour_end: date
    units: list[UnitSummary]
    demand: list[CourseDemand]


class PersonGap(BaseModel):
    """A person missing a line: not trained on the date, or lapsing during the tour."""

    person_id: int
    service_number: str
    family_name: str | None
    given_name: str | None
    role: str | None
    course: str
    line_role: str | None
    reason: Literal["not_trained", "expiring"]
    lapses_on: date | None = Field(
        description="When the person's latest counting completion lapses (or lapsed); "
        "null when there is none or the course never expires"
    )


class UnitGaps(BaseModel):
    """Who needs what in a unit for a requirement."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "unit": "RWA-INF-01", "requirement": "MINUSCA-INF-2026",
                    "requirement_version": 1, "as_of": "2026-03-01", "tour_end": "2027-03-01",
                    "gaps": [
                        {"person_id": 12, "service_number": "RW-004211", "family_name": "Uwase",
                         "given_name": "Aline", "role": "rifleman", "course": "CPTM-2.5",
                         "line_role": None, "reason": "expiring", "lapses_on": "2026-09-30"}
                    ],
                }
            ]
        }
    )

    unit: str
    requirement: str
    requirement_version: int
    as_of: date
    tour_end: date
    gaps: list[PersonGap]


class EquivalenceIn(BaseModel):
    """A declaration that the course in the path counts as `counts_as`."""

    model_config = ConfigDict(
        extra="forbid",
        json_schema_extra={
            "examples": [{"counts_as": "CPTM-2.5", "note": "National POC course, reviewed 2026"}]
        },
    )

    counts_as: str = Field(min_length=1, description="Code of the course it counts as")
    note: str | None = Field(default=None, max_length=500)


class EquivalenceOut(BaseModel):
    course: str
    counts_as: str
    note: str | None
