"""Roster files: people matched on (country, service number), and the unit each serves in.

When a row's unit differs from the person's open assignment, that assignment ends and a new
one starts on the import date. Assignment dates are inclusive (the readiness engine counts a
person in a unit while `end_on >= day`), so the old one ends the day before: the person is
counted in one unit only on any day. An assignment that starts on the import date (the person
joined today) is corrected in place instead: its unit is changed, or, on release, it ends on
the same day (the earliest end the database allows). An empty unit_code releases the person.
"""

from dataclasses import dataclass
from datetime import timedelta

from readiness.imports import cells, columns, repository
from readiness.imports.plan import ChunkPlan, FirstSeen, ImportContext
from readiness.models import Assignment, Gender, Person
from readiness.web.i18n import gettext as _

KIND = "roster"
COLUMNS = columns.ROSTER
CHUNK_SIZE = 2000
GENDERS = [gender.value for gender in Gender]


@dataclass(slots=True)
class RosterRow:
    line: int
    country: str
    service_number: str
    unit_code: str | None
    details: dict  # family_name, given_name, gender, rank, role


@dataclass
class PersonChange:
    """What one row does: a new or changed person, and the unit they should serve in (or None)."""

    country: str
    service_number: str
    person: Person | None
    details: dict
    unit_id: int | None
    assignment: Assignment | None
    move: bool = False


def parse(row: cells.RowCells) -> RosterRow | None:
    """The row's typed values, or None when a cell is refused (the errors are on `row`)."""
    values = RosterRow(
        line=row.line,
        country=row.take("country", cells.required_text, max_length=3),
        service_number=row.take("service_number", cells.required_text, max_length=40),
        unit_code=row.take("unit_code", cells.text, max_length=30),
        details={
            "family_name": row.take("family_name", cells.text, max_length=100),
            "given_name": row.take("given_name", cells.text, max_length=100),
            "gender": row.take("gender", cells.choice, GENDERS, what=_("gender")),
            "rank": row.take("rank", cells.text, max_length=40),
            "role": row.take("role", cells.text, max_length=40),
        },
    )
    return None if row.errors else values


class RosterImport:
    def __init__(self, context: ImportContext, present: set[str]) -> None:
        self.context = context
        self.first_seen = FirstSeen()

    def authorise(self) -> None:
        """Rows outside the actor's country are refused one by one."""

    def plan(self, rows: list[RosterRow]) -> ChunkPlan:
        plan = ChunkPlan()
        session = self.context.session
        rows = [row for row in rows if self._acceptable(row, plan)]
        people = repository.people_by_number(session, {(r.country, r.service_number) for r in rows})
        countries = repository.country_codes(session, (r.country for r in rows))
        units = repository.units_by_code(session, (r.unit_code for r in rows if r.unit_code))
        assignments = repository.open_assignments(session, (p.id for p in people.values()))
        for row in rows:
            person = people.get((row.country, row.service_number))
            assignment = assignments.get(person.id) if person else None
            unit_id = self._unit_id(row, units, countries, plan)
            if unit_id is not False:
                change = PersonChange(row.country, row.service_number, person, row.details, unit_id, assignment)
                self._classify(plan, change)
        return plan

    def close(self) -> None:
        """Nothing to release: this kind keeps its few keys in memory."""

    def write(self, plan: ChunkPlan) -> None:
        session = self.context.session
        changes = plan.creates + plan.updates
        people = [self._person(change) for change in changes]
        session.add_all(people)
        session.flush()  # new people get their ids
        moves = [(person, change) for person, change in zip(people, changes) if change.move]
        for person, change in moves:
            self._end_or_correct(change)
        session.flush()  # open assignments end before new ones open (one open row per person)
        session.add_all([Assignment(person_id=person.id, unit_id=change.unit_id, start_on=self.context.today)
                         for person, change in moves if self._opens_assignment(change)])
        session.flush()

    @staticmethod
    def _person(change: PersonChange) -> Person:
        person = change.person or Person(country_code=change.country, service_number=change.service_number)
        for name, value in change.details.items():
            setattr(person, name, value)
        return person

    def _acceptable(self, row: RosterRow, plan: ChunkPlan) -> bool:
        actor = self.context.actor
        if not actor.can_write_units_of(row.country):
            plan.refuse(row.line, "country", row.country,
                        _("country `%(value)s` is not the actor's own: %(actor)s may import rosters only "
                          "of %(own)s", value=row.country, actor=actor.email,
                          own=actor.country_code or _("no country")))
            return False
        earlier = self.first_seen.earlier_line((row.country, row.service_number), row.line)
        if earlier is not None:
            plan.refuse(row.line, "service_number", row.service_number,
                        _("duplicate row within the file: person `%(person)s` is already on line %(line)d",
                          person=f"{row.country}/{row.service_number}", line=earlier))
        return earlier is None

    def _unit_id(self, row: RosterRow, units: dict, countries: set[str], plan: ChunkPlan):
        """The unit's id, None for a release, or False when the row is refused."""
        if row.country not in countries:
            plan.refuse(row.line, "country", row.country, _("unknown country `%(code)s`", code=row.country))
            return False
        if not row.unit_code:
            return None
        unit = units.get(row.unit_code)
        if unit is None:
            plan.refuse(row.line, "unit_code", row.unit_code, _("unknown unit `%(code)s`", code=row.unit_code))
            return False
        if unit.country_code != row.country:
            plan.refuse(row.line, "unit_code", row.unit_code,
                        _("unit `%(code)s` belongs to country %(country)s, not %(person_country)s",
                          code=row.unit_code, country=unit.country_code, person_country=row.country))
            return False
        return unit.id

    def _classify(self, plan: ChunkPlan, change: PersonChange) -> None:
        current_unit = change.assignment.unit_id if change.assignment else None
        change.move = current_unit != change.unit_id
        if change.person is None:
            plan.created += 1
            plan.creates.append(change)
        elif change.move or any(getattr(change.person, k) != v for k, v in change.details.items()):
            plan.updated += 1
            plan.updates.append(change)
        else:
            plan.unchanged += 1

    def _starts_today(self, change: PersonChange) -> bool:
        return change.assignment is not None and change.assignment.start_on >= self.context.today

    def _end_or_correct(self, change: PersonChange) -> None:
        """End the open assignment the day before, or correct one that starts on the import date."""
        current = change.assignment
        if current is None:
            return
        if not self._starts_today(change):
            current.end_on = self.context.today - timedelta(days=1)
        elif change.unit_id is None:
            current.end_on = current.start_on
        else:
            current.unit_id = change.unit_id

    def _opens_assignment(self, change: PersonChange) -> bool:
        return change.unit_id is not None and not self._starts_today(change)
