"""Mission requirements as they arrive (files, API) and as they are shown."""

from pydantic import BaseModel, ConfigDict, Field, model_validator

_EXAMPLE = {
    "code": "MINUSCA-INF-2026", "mission": "MINUSCA", "unit_type": "infantry_battalion",
    "title": "Infantry battalion, MINUSCA", "version": 1, "tour_months": 12, "min_women_pct": 15,
    "lines": [
        {"course": "CPTM-2.5", "min_pct": 100, "role": None},
        {"course": "UNBFAC", "min_pct": 10, "role": None},
        {"course": "UAS-OPS", "min_pct": 100, "role": "uas_operator"},
    ],
}


class RequirementLineIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    course: str = Field(min_length=1, description="Course code, e.g. CPTM-2.5")
    min_pct: float = Field(ge=0, le=100, description="Share of eligible people who must hold it")
    role: str | None = Field(default=None, description="Applies only to people with this role")


class RequirementIn(BaseModel):
    model_config = ConfigDict(extra="forbid", json_schema_extra={"examples": [_EXAMPLE]})

    code: str = Field(min_length=1, max_length=50)
    mission: str = Field(min_length=1, description="Mission acronym")
    unit_type: str = Field(min_length=1, description="Unit type slug")
    title: str = Field(min_length=1, max_length=200)
    version: int = Field(default=1, ge=1)
    tour_months: int = Field(ge=1, le=36)
    min_women_pct: float | None = Field(default=None, ge=0, le=100)
    lines: list[RequirementLineIn] = Field(min_length=1)

    @model_validator(mode="after")
    def _one_line_per_course_and_role(self) -> "RequirementIn":
        seen = set()
        for line in self.lines:
            key = (line.course, line.role)
            if key in seen:
                role = f" for role {line.role}" if line.role else ""
                raise ValueError(f"course {line.course}{role} is listed twice")
            seen.add(key)
        return self



class RequirementOut(BaseModel):
    """A stored requirement version, in the same shape as the files."""

    model_config = ConfigDict(json_schema_extra={"examples": [_EXAMPLE]})

    code: str
    mission: str
    unit_type: str
    title: str
    version: int
    tour_months: int
    min_women_pct: float | None
    lines: list[RequirementLineIn]
