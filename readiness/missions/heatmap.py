"""The comparison heatmap: its columns, colour bands, sorting and export rows.

The figures come from readiness.service.mission_view; this module only arranges them.
"""

from dataclasses import dataclass
from datetime import date
from urllib.parse import urlencode

from readiness.errors import Invalid
from readiness.models import PcrsLevel
from readiness.readiness.schemas import LineResult, MissionView, UnitSummary
from readiness.requirements.schemas import RequirementOut
from readiness.web.i18n import gettext as _

STATUSES = ("ready", "partial", "not_ready")
SCORE = "score"


@dataclass(frozen=True)
class Column:
    """One requirement line as a heatmap column; `key` is 'line:<position>'."""

    key: str
    kind: str
    course: str | None
    role: str | None
    min_pct: float

    @property
    def label(self) -> str:
        if self.kind == "women":
            return _("Women")
        return f"{self.course} · {self.role}" if self.role else str(self.course)


@dataclass(frozen=True)
class SortOrder:
    key: str = SCORE
    descending: bool = True

    @property
    def direction(self) -> str:
        return "desc" if self.descending else "asc"


@dataclass(frozen=True)
class CompareFilters:
    """The comparison's filters and sort, as they travel in the URL."""

    requirement: str
    as_of: date | None = None
    country: str | None = None
    pcrs_level: str | None = None
    status: str | None = None
    order: SortOrder = SortOrder()
    flagged_only: bool = False  # only units a caveat flags red on as_of

    def query(self, **changes) -> str:
        """The URL query of these filters, with `changes` (sort=, dir=) applied."""
        values = {"requirement": self.requirement, "as_of": self.as_of, "country": self.country,
                  "pcrs_level": self.pcrs_level, "status": self.status,
                  "flagged": "1" if self.flagged_only else None, "sort": self.order.key, "dir": self.order.direction, **changes}
        return urlencode({key: value for key, value in values.items() if value})


def columns(requirement: RequirementOut) -> list[Column]:
    """The requirement's lines in the engine's order, then the women line when it has one."""
    found = [Column(f"line:{i}", "course", line.course, line.role, line.min_pct)
             for i, line in enumerate(requirement.lines)]
    if requirement.min_women_pct is not None:
        found.append(Column(f"line:{len(found)}", "women", None, None, requirement.min_women_pct))
    return found


def band(line: LineResult) -> int:
    """0 (far from the requirement) to 4 (met): the cell's colour class, cov-0 to cov-4."""
    if line.met:
        return 4
    attained = line.coverage_pct / line.min_pct if line.min_pct else 1.0
    return 3 if attained >= 0.9 else 2 if attained >= 0.6 else 1 if attained >= 0.3 else 0


def parse_sort(sort: str, direction: str, known: list[Column]) -> SortOrder:
    """The sort named in the URL: 'score' or a column key, 'asc' or 'desc' (default desc)."""
    sort = sort or SCORE
    if sort != SCORE and sort not in {column.key for column in known}:
        raise Invalid(_("Sort by the score or by one of the requirement's lines."))
    if direction not in ("", "asc", "desc"):
        raise Invalid(_("The sort direction is asc or desc."))
    return SortOrder(sort, direction != "asc")


def sorted_units(units: list[UnitSummary], order: SortOrder) -> list[UnitSummary]:
    """Units in `order`; equal values keep unit-code order."""
    by_code = sorted(units, key=lambda unit: unit.unit)
    if order.key == SCORE:
        return sorted(by_code, key=lambda unit: unit.score, reverse=order.descending)
    position = int(order.key.removeprefix("line:"))
    return sorted(by_code, key=lambda unit: unit.lines[position].coverage_pct, reverse=order.descending)


def parse_filters(requirement: str, as_of: str, country: str, pcrs_level: str, status: str) -> CompareFilters:
    """Filters from the URL's text; empty means any. The sort is added once the columns are known."""
    if pcrs_level and pcrs_level not in {level.value for level in PcrsLevel}:
        raise Invalid(_("Choose a PCRS level from the list."))
    if status and status not in STATUSES:
        raise Invalid(_("Choose a readiness status from the list."))
    try:
        day = date.fromisoformat(as_of) if as_of else None
    except ValueError:
        raise Invalid(_("Enter dates as YYYY-MM-DD.")) from None
    return CompareFilters(requirement, day, country.upper() or None, pcrs_level or None, status or None)


def heatmap_header(known: list[Column]) -> list[str]:
    """The export's header: the unit's figures, then one coverage column per line."""
    figures = [_("Unit"), _("Unit name"), _("Country"), _("PCRS level"), _("Strength"),
               _("Status"), _("Score"), _("Lines met"), _("Lines"), _("Red flag (caveat)")]
    return figures + [_("%(line)s coverage %%", line=column.label) for column in known]


def heatmap_rows(units: list[UnitSummary], flagged: set[str] = frozenset()) -> list[list]:
    """One export row per unit, in the order shown; `flagged`: the codes a caveat flags red."""
    return [
        [unit.unit, unit.unit_name, unit.country, unit.pcrs_level, unit.strength, unit.status,
         unit.score, unit.lines_met, unit.lines_total, _("yes") if unit.unit in flagged else _("no"),
         *(line.coverage_pct for line in unit.lines)]
        for unit in units
    ]


def demand_header() -> list[str]:
    return [_("Course"), _("People to train")]


def demand_rows(view: MissionView) -> list[list]:
    return [[demand.course, demand.shortfall] for demand in view.demand]
