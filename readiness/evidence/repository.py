"""Every query of the evidence pack: the completions behind a unit's readiness figures, set-based.

The readiness engine counts, per roster person and requirement line, whether the latest
counting completion (of the line's course or of a course declared equivalent) is still valid
on the as-of date. Here the same rule picks that completion itself: for each (person, line)
the counting completions inside the validity window are ranked latest first and the first
is kept. So the people found per line are exactly the engine's `trained`, and each query
below runs once for all lines, whatever the number of people.
"""

from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy import and_, case, func, literal, or_, select
from sqlmodel import Session

from readiness.caveats.rules import flags_on, in_force_on
from readiness.models import (
    Assignment,
    Caveat,
    Completion,
    Country,
    Course,
    CourseEquivalence,
    CourseSession,
    Mission,
    Person,
    RequirementLine,
    TrainingCentre,
    UnitType,
)
from readiness.readiness.repository import COUNTING_ALWAYS


@dataclass(frozen=True)
class PackScope:
    """What the pack looks at: one unit's roster on `as_of` against one requirement's lines.

    `earliest` maps a validity in months to the earliest completion date still valid on
    `as_of` (rules.earliest_valid_completion), as the engine's Window does.
    """

    unit_id: int
    requirement_id: int
    as_of: date
    earliest: dict[int, date]


@dataclass(frozen=True)
class HeaderFacts:
    country_name: str
    unit_type_name: str
    mission: str
    mission_name: str


@dataclass(frozen=True)
class CountingRow:
    """The completion that counts for one person on one line (personal data)."""

    line_id: int
    person_id: int
    service_number: str
    family_name: str | None
    given_name: str | None
    rank: str | None
    role: str | None
    course: str
    course_title: str
    equivalent: bool
    completed_on: date
    result: str
    score: float | None
    waiver_reason: str | None
    centre: str | None
    session_start: date | None
    session_end: date | None
    source: str
    source_ref: str | None
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True)
class ProvenanceCount:
    line_id: int
    source: str
    centre: str | None
    result: str
    people: int


@dataclass(frozen=True)
class WaiverCount:
    line_id: int
    course: str
    reason: str | None
    people: int


@dataclass(frozen=True)
class EquivalenceCount:
    line_id: int
    course: str
    course_title: str
    note: str | None
    recorded_by: str | None
    people: int


def header_facts(session: Session, unit_type_id: int, country_code: str, mission_id: int) -> HeaderFacts:
    """The names the pack's header shows: country, unit type and mission."""
    row = session.execute(
        select(Country.name, UnitType.name, Mission.acronym, Mission.name)
        .select_from(Country)
        .join(UnitType, UnitType.id == unit_type_id)
        .join(Mission, Mission.id == mission_id)
        .where(Country.code == country_code)
    ).one()
    return HeaderFacts(*row)


def course_titles(session: Session, course_ids: list[int]) -> dict[int, str]:
    if not course_ids:
        return {}
    rows = session.execute(select(Course.id, Course.title).where(Course.id.in_(course_ids))).all()
    return dict(rows)


def counting_rows(session: Session, scope: PackScope) -> list[CountingRow]:
    """Per line, each trained person with the completion that counts, by name (personal data)."""
    chosen = _chosen(scope)
    taken = Course.__table__.alias("taken")
    query = (
        select(
            chosen.c.line_id, Person.id.label("person_id"), Person.service_number, Person.family_name,
            Person.given_name, Person.rank, Person.role, taken.c.code.label("course"),
            taken.c.title.label("course_title"), chosen.c.equivalent, Completion.completed_on,
            Completion.result, Completion.score, Completion.waiver_reason, TrainingCentre.code.label("centre"),
            CourseSession.start_on.label("session_start"), CourseSession.end_on.label("session_end"),
            Completion.source, Completion.source_ref, Completion.recorded_by, Completion.recorded_at,
        )
        .join(Completion, Completion.id == chosen.c.completion_id)
        .join(Person, Person.id == chosen.c.person_id)
        .join(taken, taken.c.id == Completion.course_id)
        .outerjoin(TrainingCentre, TrainingCentre.id == Completion.centre_id)
        .outerjoin(CourseSession, CourseSession.id == Completion.session_id)
        .order_by(chosen.c.line_id, Person.family_name, Person.given_name, Person.id)
    )
    return [_counting_row(row) for row in session.execute(query).all()]


def provenance_counts(session: Session, scope: PackScope) -> list[ProvenanceCount]:
    """Per line: the counting completions by source, centre and result (no personal data)."""
    chosen = _chosen(scope)
    query = (
        select(chosen.c.line_id, Completion.source, TrainingCentre.code, Completion.result, func.count())
        .join(Completion, Completion.id == chosen.c.completion_id)
        .outerjoin(TrainingCentre, TrainingCentre.id == Completion.centre_id)
        .group_by(chosen.c.line_id, Completion.source, TrainingCentre.code, Completion.result)
        .order_by(chosen.c.line_id, func.count().desc(), Completion.source, TrainingCentre.code)
    )
    return [ProvenanceCount(line, str(source), centre, str(result), people)
            for line, source, centre, result, people in session.execute(query).all()]


def waiver_counts(session: Session, scope: PackScope) -> list[WaiverCount]:
    """Per line: the waivers that count, by course and reason, with the people they cover."""
    chosen = _chosen(scope)
    taken = Course.__table__.alias("taken")
    query = (
        select(chosen.c.line_id, taken.c.code, Completion.waiver_reason, func.count())
        .join(Completion, Completion.id == chosen.c.completion_id)
        .join(taken, taken.c.id == Completion.course_id)
        .where(Completion.result == "waived")
        .group_by(chosen.c.line_id, taken.c.code, Completion.waiver_reason)
        .order_by(chosen.c.line_id, taken.c.code, Completion.waiver_reason)
    )
    return [WaiverCount(*row) for row in session.execute(query).all()]


def equivalence_counts(session: Session, scope: PackScope) -> list[EquivalenceCount]:
    """Per line: the equivalent courses that count, with their declaration and the people they cover."""
    chosen = _chosen(scope)
    taken = Course.__table__.alias("taken")
    query = (
        select(chosen.c.line_id, taken.c.code, taken.c.title, CourseEquivalence.note,
               CourseEquivalence.recorded_by, func.count())
        .join(Completion, Completion.id == chosen.c.completion_id)
        .join(taken, taken.c.id == Completion.course_id)
        .outerjoin(CourseEquivalence, and_(CourseEquivalence.course_id == Completion.course_id,
                                           CourseEquivalence.counts_as_id == chosen.c.line_course_id))
        .where(chosen.c.equivalent.is_(True))
        .group_by(chosen.c.line_id, taken.c.code, taken.c.title, CourseEquivalence.note,
                  CourseEquivalence.recorded_by)
        .order_by(chosen.c.line_id, taken.c.code)
    )
    return [EquivalenceCount(*row) for row in session.execute(query).all()]


def caveats_in_force(session: Session, unit_id: int, on: date) -> list[tuple[Caveat, bool]]:
    """The unit's caveats in force on `on`, each with whether it flags the unit red that day."""
    query = (
        select(Caveat, flags_on(on))
        .where(Caveat.unit_id == unit_id, in_force_on(on))
        .order_by(Caveat.active_from, Caveat.id)
    )
    return [(caveat, bool(flags)) for caveat, flags in session.execute(query).all()]


# --- the one rule: which completion counts for a person on a line -----------------------------


def _chosen(scope: PackScope) -> sa.Subquery:
    """Per (roster person, line): the counting completion valid on the as-of date, latest first.

    A completion counts when its result is passed or waived, or completed on a course that
    is not assessed; it is valid when completed on or before the date and, for a line course
    that expires, no earlier than the earliest valid day for that validity. On one day the
    line's own course comes before an equivalent one.
    """
    roster, lines = _roster(scope), _lines(scope.requirement_id)
    counts_for = _counts_for(lines)
    taken = Course.__table__.alias("taken_course")
    own_course = Completion.course_id == lines.c.course_id
    ranked = (
        select(
            lines.c.line_id, lines.c.course_id.label("line_course_id"), roster.c.person_id,
            Completion.id.label("completion_id"),
            case((own_course, False), else_=True).label("equivalent"),
            func.row_number().over(
                partition_by=(roster.c.person_id, lines.c.line_id),
                order_by=(Completion.completed_on.desc(), case((own_course, 0), else_=1), Completion.id.desc()),
            ).label("rank"),
        )
        .select_from(roster)
        .join(lines, or_(lines.c.role.is_(None), lines.c.role == roster.c.role))
        .join(counts_for, counts_for.c.target == lines.c.course_id)
        .join(Completion, and_(Completion.person_id == roster.c.person_id,
                               Completion.course_id == counts_for.c.source))
        .join(taken, taken.c.id == Completion.course_id)
        .where(_counting(taken), Completion.completed_on <= scope.as_of,
               _inside_validity(Completion.completed_on, lines.c.validity_months, scope.earliest))
        .subquery("ranked")
    )
    return select(ranked).where(ranked.c.rank == 1).subquery("chosen")


def _roster(scope: PackScope) -> sa.CTE:
    """People assigned to the unit on the as-of date, once each."""
    return (
        select(Assignment.person_id, Person.role)
        .join(Person, Person.id == Assignment.person_id)
        .where(
            Assignment.unit_id == scope.unit_id,
            Assignment.start_on <= scope.as_of,
            or_(Assignment.end_on.is_(None), Assignment.end_on >= scope.as_of),
        )
        .distinct()
        .cte("pack_roster")
    )


def _lines(requirement_id: int) -> sa.CTE:
    return (
        select(RequirementLine.id.label("line_id"), RequirementLine.course_id, RequirementLine.role,
               Course.validity_months)
        .join(Course, Course.id == RequirementLine.course_id)
        .where(RequirementLine.requirement_id == requirement_id)
        .cte("pack_line")
    )


def _counts_for(lines: sa.CTE) -> sa.CTE:
    """(source, target): a completion of source counts for a line on target (itself or declared)."""
    itself = select(lines.c.course_id.label("source"), lines.c.course_id.label("target"))
    declared = select(
        CourseEquivalence.course_id.label("source"), CourseEquivalence.counts_as_id.label("target")
    ).where(CourseEquivalence.counts_as_id.in_(select(lines.c.course_id)))
    return sa.union(itself, declared).cte("pack_counts_for")


def _counting(taken) -> sa.ColumnElement[bool]:
    return or_(
        Completion.result.in_(COUNTING_ALWAYS),
        and_(Completion.result == "completed", taken.c.assessed.is_(False)),
    )


def _inside_validity(completed_on, validity_months, earliest: dict[int, date]) -> sa.ColumnElement[bool]:
    if not earliest:
        return sa.true()
    earliest_allowed = case({months: literal(day, sa.Date) for months, day in earliest.items()},
                            value=validity_months)
    return or_(validity_months.is_(None), completed_on >= earliest_allowed)


def _counting_row(row) -> CountingRow:
    # SQLite returns the flag as 0/1, and enum columns come back as enum members.
    values = dict(row._mapping)
    return CountingRow(**{**values, "equivalent": bool(values["equivalent"]),
                          "result": str(values["result"]), "source": str(values["source"])})
