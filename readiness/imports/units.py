"""Units files: a country's units, matched on unit code."""

from dataclasses import dataclass

from readiness.imports import cells, columns, repository
from readiness.imports.plan import (
    ChunkPlan,
    FirstSeen,
    ImportContext,
    classify_record,
    write_records,
)
from readiness.models import PcrsLevel, Unit
from readiness.web.i18n import gettext as _

KIND = "units"
COLUMNS = columns.UNITS
CHUNK_SIZE = 1000
PCRS_LEVELS = [level.value for level in PcrsLevel]


@dataclass(slots=True)
class UnitRow:
    line: int
    code: str
    country: str
    name: str
    unit_type: str
    authorised_strength: int
    optional: dict  # pcrs_level, target_mission, planned_deployment: only those in the file


def parse(row: cells.RowCells) -> UnitRow | None:
    """The row's typed values, or None when a cell is refused (the errors are on `row`)."""
    optional = {}
    if row.has("pcrs_level"):
        optional["pcrs_level"] = row.take("pcrs_level", cells.optional_choice, PCRS_LEVELS, what=_("PCRS level"))
    if row.has("target_mission"):
        optional["target_mission"] = row.take("target_mission", cells.text, max_length=20)
    if row.has("planned_deployment"):
        optional["planned_deployment"] = row.take("planned_deployment", cells.iso_date)
    values = UnitRow(
        line=row.line,
        code=row.take("code", cells.required_text, max_length=30),
        country=row.take("country", cells.required_text, max_length=3),
        name=row.take("name", cells.required_text, max_length=200),
        unit_type=row.take("unit_type", cells.required_text, max_length=40),
        authorised_strength=row.take("authorised_strength", _required_strength),
        optional=optional,
    )
    return None if row.errors else values


def _required_strength(value: cells.Cell) -> int:
    strength = cells.integer(value, minimum=1)
    if strength is None:
        raise cells.CellRefused(_("a value is required"))
    return strength


class UnitsImport:
    def __init__(self, context: ImportContext, present: set[str]) -> None:
        self.context = context
        self.first_seen = FirstSeen()

    def authorise(self) -> None:
        """Rows outside the actor's country are refused one by one."""

    def plan(self, rows: list[UnitRow]) -> ChunkPlan:
        plan = ChunkPlan()
        session = self.context.session
        stored = repository.units_by_code(session, (r.code for r in rows))
        countries = repository.country_codes(session, (r.country for r in rows))
        unit_types = repository.unit_type_ids(session, (r.unit_type for r in rows))
        missions = repository.mission_ids(session, (r.optional.get("target_mission") or "" for r in rows))
        for row in rows:
            unit = stored.get(row.code)
            if self._acceptable(row, unit, countries, plan):
                values = self._values(row, unit_types, missions, plan)
                if values is not None:
                    classify_record(plan, unit, values, Unit)
        return plan

    def close(self) -> None:
        """Nothing to release: this kind keeps its few keys in memory."""

    def write(self, plan: ChunkPlan) -> None:
        write_records(self.context.session, plan)

    def _acceptable(self, row: UnitRow, unit: Unit | None, countries: set[str], plan: ChunkPlan) -> bool:
        actor = self.context.actor
        if not actor.can_write_units_of(row.country):
            plan.refuse(row.line, "country", row.country,
                        _("country `%(value)s` is not the actor's own: %(actor)s may import units only "
                          "of %(own)s", value=row.country, actor=actor.email,
                          own=actor.country_code or _("no country")))
        elif row.country not in countries:
            plan.refuse(row.line, "country", row.country, _("unknown country `%(code)s`", code=row.country))
        elif unit is not None and unit.country_code != row.country:
            plan.refuse(row.line, "code", row.code, _("unit `%(code)s` belongs to country %(country)s",
                                                      code=row.code, country=unit.country_code))
        elif (earlier := self.first_seen.earlier_line(row.code, row.line)) is not None:
            plan.refuse(row.line, "code", row.code, _("duplicate row within the file: unit `%(code)s` is "
                                                      "already on line %(line)d", code=row.code, line=earlier))
        else:
            return True
        return False

    def _values(self, row: UnitRow, unit_types: dict, missions: dict, plan: ChunkPlan) -> dict | None:
        values = {"code": row.code, "country_code": row.country, "name": row.name,
                  "unit_type_id": unit_types.get(row.unit_type), "authorised_strength": row.authorised_strength}
        if values["unit_type_id"] is None:
            plan.refuse(row.line, "unit_type", row.unit_type, _("unknown unit type `%(slug)s`", slug=row.unit_type))
            return None
        optional = dict(row.optional)
        if "target_mission" in optional:
            acronym = optional.pop("target_mission")
            if acronym and acronym not in missions:
                plan.refuse(row.line, "target_mission", acronym, _("unknown mission `%(acronym)s`", acronym=acronym))
                return None
            optional["target_mission_id"] = missions.get(acronym)
        return values | optional
