"""Units as the API shows them."""

from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlencode

from pydantic import BaseModel, ConfigDict


class UnitFilter(BaseModel):
    country: str | None = None
    unit_type: str | None = None
    pcrs_level: str | None = None
    mission: str | None = None
    status: str | None = None
    search: str | None = None


class UnitPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    name: str
    country: str
    unit_type: str
    authorised_strength: int
    strength: int
    women: int
    pcrs_level: str | None
    target_mission: str | None
    planned_deployment: date | None
    status: str


SORT_KEYS = ("code", "name", "country", "unit_type", "pcrs_level", "strength", "planned_deployment",
             "score", "readiness")
READINESS_CHOICES = ("ready", "partial", "not_ready", "no_target")


@dataclass(frozen=True)
class UnitListQuery:
    """The units list as the URL states it: filters, search, sort and page, so a view can be shared."""

    filters: UnitFilter = field(default_factory=UnitFilter)
    readiness: str | None = None
    sort: str = "code"
    descending: bool = False
    page: int = 1

    def query(self, **changes) -> str:
        """This view's query string, with `changes` (sort=, dir=, page=) applied."""
        filters = self.filters.model_dump(exclude={"search"})
        values = {"q": self.filters.search, **filters, "readiness": self.readiness, "sort": self.sort,
                  "dir": "desc" if self.descending else "asc", "page": self.page}
        values.update(changes)
        kept = {key: value for key, value in values.items() if value not in (None, "", 1) or key == "sort"}
        return urlencode(kept)


class UnitRow(UnitPublic):
    """A unit on the units list: its figures and its readiness against its target requirement."""

    id: int
    unit_type_id: int
    requirement: str | None
    requirement_version: int | None
    readiness_as_of: date | None
    score: float | None
    readiness: str
