"""The engine is set-based: the number of statements never grows with people, lines or units."""

from contextlib import contextmanager
from datetime import date

from sqlalchemy import event

from readiness.accounts.scope import SYSTEM
from readiness.readiness import service
from tests.factories import CourseFactory, UnitFactory, UnitTypeFactory
from tests.readiness.helpers import complete, enlist, report, requirement_for

D = date(2026, 3, 1)


@contextmanager
def counted(session):
    statements = []

    def count(*_args):
        statements.append(1)

    engine = session.get_bind().engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


def filled_unit(unit_type, courses, people):
    unit = UnitFactory(unit_type_id=unit_type.id)
    for _ in range(people):
        person = enlist(unit)
        for course in courses:
            complete(person, course, date(2025, 6, 1))
    return unit


def statements_for_unit_report(session, people, lines):
    unit_type = UnitTypeFactory()
    courses = [CourseFactory(validity_months=12) for _ in range(lines)]
    unit = filled_unit(unit_type, courses, people)
    requirement = requirement_for(unit, *[(c, 100) for c in courses], min_women_pct=10)
    session.flush()
    with counted(session) as statements:
        report(session, unit, requirement, D)
    return len(statements)


def statements_for_mission_view(session, units):
    unit_type, courses = UnitTypeFactory(), [CourseFactory(), CourseFactory()]
    made = [filled_unit(unit_type, courses, 3) for _ in range(units)]
    requirement = requirement_for(made[0], *[(c, 100) for c in courses])
    session.flush()
    with counted(session) as statements:
        service.mission_view(session, actor=SYSTEM, requirement_code=requirement.code, as_of=D)
    return len(statements)


def test_a_unit_report_takes_as_many_statements_for_forty_people_and_six_lines_as_for_one(session):
    assert statements_for_unit_report(session, 40, 6) == statements_for_unit_report(session, 1, 1) <= 6


def test_the_mission_view_takes_as_many_statements_for_eight_units_as_for_one(session):
    assert statements_for_mission_view(session, 8) == statements_for_mission_view(session, 1) <= 7
