"""The evidence pack as the service returns it and the page, the XLSX file and the API show it."""

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from readiness.readiness.schemas import ReadinessStatus


class CountingCompletion(BaseModel):
    """The completion that counts for one trained person on a line, with its provenance."""

    service_number: str
    family_name: str | None
    given_name: str | None
    rank: str | None
    role: str | None
    course: str = Field(description="The course taken: the line's course or an equivalent one")
    course_title: str
    equivalent: bool = Field(description="True when the course taken is declared equivalent to the line's")
    completed_on: date
    result: str
    score: float | None
    waiver_reason: str | None
    valid_until: date | None = Field(description="The last day it is valid; null when it never expires")
    centre: str | None
    session_start: date | None
    session_end: date | None
    source: str = Field(description="How it was recorded: form, csv, xlsx, xapi, api or seed")
    source_ref: str | None = Field(description="The record's reference in its source (file row, statement id)")
    recorded_by: str
    recorded_at: datetime


class ProvenanceCount(BaseModel):
    """People on a line whose counting completion came from one source, centre and result."""

    source: str
    centre: str | None
    result: str
    people: int


class EvidenceLine(BaseModel):
    """One requirement line: the engine's figures and the completions behind them."""

    kind: Literal["course", "women"]
    course: str | None
    course_title: str | None
    role: str | None
    min_pct: float
    eligible: int
    trained: int
    coverage_pct: float
    met: bool
    shortfall: int
    expiring: int = Field(description="Trained people whose training lapses before the tour ends")
    provenance: list[ProvenanceCount]
    completions: list[CountingCompletion] = Field(
        description="Empty unless the reader may see the unit's people"
    )


class WaiverUsed(BaseModel):
    """Waivers that count on a line, by course and reason."""

    line_course: str
    course: str
    reason: str | None
    people: int


class EquivalenceUsed(BaseModel):
    """An equivalent course that counts on a line, with its declaration."""

    line_course: str
    course: str
    course_title: str
    note: str | None
    declared_by: str | None
    people: int


class CaveatInForce(BaseModel):
    kind: str
    declared: bool
    accepted_by_un: bool
    recorded_in: str
    text: str
    active_from: date
    active_to: date | None
    flags_unit: bool = Field(description="Undeclared, or declared but not accepted: the unit's red flag")


class EvidencePack(BaseModel):
    """The training part of an assessment and advisory visit or a pre-deployment visit."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "reference": "EP-20260301-091500-3FA9C1",
                    "generated_by": "forcegen@example.org", "generated_at": "2026-03-01T09:15:00Z",
                    "unit": "RWA-INF-01", "unit_name": "1st Infantry Battalion", "country": "RWA",
                    "country_name": "Rwanda", "unit_type": "infantry_battalion",
                    "unit_type_name": "Infantry battalion", "pcrs_level": "L2",
                    "requirement": "MINUSCA-INF-2026", "requirement_version": 1,
                    "requirement_title": "Infantry battalion, MINUSCA", "mission": "MINUSCA",
                    "mission_name": "United Nations Multidimensional Integrated Stabilization Mission "
                                    "in the Central African Republic",
                    "as_of": "2026-03-01", "tour_end": "2027-03-01",
                    "status": "partial", "score": 91.8, "lines_met": 1, "lines_total": 2,
                    "shows_people": True, "flagged": False,
                    "lines": [
                        {"kind": "course", "course": "CPTM-2.5", "course_title": "Protection of Civilians",
                         "role": None, "min_pct": 100, "eligible": 850, "trained": 830,
                         "coverage_pct": 97.6, "met": False, "shortfall": 20, "expiring": 12,
                         "provenance": [{"source": "csv", "centre": "RPA", "result": "passed", "people": 830}],
                         "completions": [
                             {"service_number": "RW-004211", "family_name": "Uwase", "given_name": "Aline",
                              "rank": "Sergeant", "role": "rifleman", "course": "RW-POC",
                              "course_title": "National POC course", "equivalent": True,
                              "completed_on": "2025-06-12", "result": "passed", "score": 84.0,
                              "waiver_reason": None, "valid_until": "2028-06-11", "centre": "RPA",
                              "session_start": "2025-06-09", "session_end": "2025-06-12",
                              "source": "csv", "source_ref": "poc-2025.csv:14",
                              "recorded_by": "centre@example.org",
                              "recorded_at": "2025-06-13T08:02:11Z"}
                         ]},
                    ],
                    "waivers": [{"line_course": "UNBFAC", "course": "UNBFAC",
                                 "reason": "Qualified combat medic", "people": 4}],
                    "equivalences": [{"line_course": "CPTM-2.5", "course": "RW-POC",
                                      "course_title": "National POC course",
                                      "note": "Reviewed by ITS, 2025", "declared_by": "planner@example.org",
                                      "people": 120}],
                    "caveats": [],
                }
            ]
        }
    )

    reference: str = Field(description="Identifies this generation of the pack in the audit trail")
    generated_by: str
    generated_at: datetime
    unit: str
    unit_name: str
    country: str
    country_name: str
    unit_type: str
    unit_type_name: str
    pcrs_level: str | None
    requirement: str
    requirement_version: int
    requirement_title: str
    mission: str
    mission_name: str
    as_of: date
    tour_end: date
    status: ReadinessStatus
    score: float
    lines_met: int
    lines_total: int
    shows_people: bool = Field(description="False: the reader sees counts by provenance, not names")
    flagged: bool = Field(description="A caveat in force on the as-of date flags the unit red")
    lines: list[EvidenceLine]
    waivers: list[WaiverUsed]
    equivalences: list[EquivalenceUsed]
    caveats: list[CaveatInForce]
