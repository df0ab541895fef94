"""Importing a roster: people by country and service number, and the unit each serves in."""

from datetime import date, timedelta

import pytest
from sqlmodel import select

from readiness.imports import service
from readiness.models import Assignment, Person
from tests import factories
from tests.imports.conftest import IMPORT_DAY, csv_file

HEADER = ["country", "service_number", "family_name", "given_name", "gender", "rank", "role", "unit_code"]


@pytest.fixture
def first_unit(country):
    return factories.UnitFactory(code="BAT-1", country_code=country.code)


@pytest.fixture
def second_unit(country):
    return factories.UnitFactory(code="BAT-2", country_code=country.code)


def run(session, actor, rows, *, today=IMPORT_DAY):
    return service.run(session, actor=actor, kind="roster", file=csv_file([HEADER, *rows], name="roster.csv"),
                       today=today)


def assignments_of(session, person_id):
    query = select(Assignment).where(Assignment.person_id == person_id).order_by(Assignment.id)
    return [(a.unit_id, a.start_on, a.end_on) for a in session.exec(query).all()]


def person(session, country, number):
    return session.exec(select(Person).where(Person.country_code == country.code,
                                             Person.service_number == number)).one()


def test_it_creates_a_person_assigned_to_the_unit_from_the_import_date(session, force_generation_actor, country, first_unit):
    report = run(session, force_generation_actor, [[country.code, "77", "Uwase", "Aline", "F", "Captain", "medic", "BAT-1"]])

    assert (report.to_create, report.errors) == (1, [])
    created = person(session, country, "77")
    assert (created.family_name, created.gender, created.role) == ("Uwase", "F", "medic")
    assert assignments_of(session, created.id) == [(first_unit.id, IMPORT_DAY, None)]


def test_moving_a_person_ends_the_old_assignment_the_day_before_and_opens_one_today(
        session, force_generation_actor, country, first_unit, second_unit):
    moved = factories.PersonFactory(country_code=country.code, service_number="77", family_name="Uwase",
                                    given_name="Aline", gender="F", rank="Captain", role="medic")
    factories.AssignmentFactory(person_id=moved.id, unit_id=first_unit.id, start_on=date(2025, 1, 1))

    report = run(session, force_generation_actor, [[country.code, "77", "Uwase", "Aline", "F", "Captain", "medic", "BAT-2"]])

    assert (report.to_update, report.errors) == (1, [])
    assert assignments_of(session, moved.id) == [
        (first_unit.id, date(2025, 1, 1), IMPORT_DAY - timedelta(days=1)),
        (second_unit.id, IMPORT_DAY, None),
    ]


def test_a_person_who_joined_today_is_moved_by_correcting_the_assignment(
        session, force_generation_actor, country, first_unit, second_unit):
    joined = factories.PersonFactory(country_code=country.code, service_number="77", gender="F")
    factories.AssignmentFactory(person_id=joined.id, unit_id=first_unit.id, start_on=IMPORT_DAY)

    run(session, force_generation_actor, [[country.code, "77", "Uwase", "Aline", "F", "Captain", "medic", "BAT-2"]])

    assert assignments_of(session, joined.id) == [(second_unit.id, IMPORT_DAY, None)]


def test_an_empty_unit_code_releases_the_person(session, force_generation_actor, country, first_unit):
    released = factories.PersonFactory(country_code=country.code, service_number="77")
    factories.AssignmentFactory(person_id=released.id, unit_id=first_unit.id, start_on=date(2025, 1, 1))

    run(session, force_generation_actor, [[country.code, "77", "Family", "Alex", "M", "Private", "rifleman", ""]])

    assert assignments_of(session, released.id) == [(first_unit.id, date(2025, 1, 1), IMPORT_DAY - timedelta(days=1))]


def test_the_same_roster_again_is_unchanged(session, force_generation_actor, country, first_unit):
    rows = [[country.code, "77", "Uwase", "Aline", "F", "Captain", "medic", "BAT-1"]]
    run(session, force_generation_actor, rows)

    again = run(session, force_generation_actor, rows)

    assert (again.unchanged, again.changes, again.written) == (1, 0, False)


def test_it_refuses_another_countrys_roster_and_another_countrys_unit(
        session, force_generation_actor, country, other_country):
    factories.UnitFactory(code="FOREIGN", country_code=other_country.code)

    report = run(session, force_generation_actor, [
        [other_country.code, "1", "A", "B", "M", "", "", ""],
        [country.code, "2", "A", "B", "M", "", "", "FOREIGN"],
        [country.code, "3", "A", "B", "X", "", "", "NOWHERE"],
    ])

    assert [(e.line, e.column) for e in report.errors] == [(2, "country"), (3, "unit_code"), (4, "gender")]
    assert "belongs to country " + other_country.code in report.errors[1].reason
    assert session.exec(select(Person).where(Person.country_code == country.code)).all() == []


def test_a_person_twice_in_the_file_is_refused_naming_the_first_line(session, force_generation_actor, country):
    row = [country.code, "77", "A", "B", "M", "", "", ""]

    report = run(session, force_generation_actor, [row, row])

    assert [(e.line, e.reason) for e in report.errors] == [
        (3, f"duplicate row within the file: person `{country.code}/77` is already on line 2")]


def test_releasing_a_person_who_joined_today_ends_the_assignment_the_same_day(
        session, force_generation_actor, country, first_unit):
    joined = factories.PersonFactory(country_code=country.code, service_number="77")
    factories.AssignmentFactory(person_id=joined.id, unit_id=first_unit.id, start_on=IMPORT_DAY)

    run(session, force_generation_actor, [[country.code, "77", "Family", "Alex", "M", "Private", "rifleman", ""]])

    assert assignments_of(session, joined.id) == [(first_unit.id, IMPORT_DAY, IMPORT_DAY)]


def test_a_large_roster_moves_many_people_at_once(session, force_generation_actor, country, first_unit, second_unit):
    rows = [[country.code, f"N{n}", "F", "G", "M", "", "", "BAT-1"] for n in range(300)]
    run(session, force_generation_actor, rows, today=date(2026, 1, 5))

    report = run(session, force_generation_actor, [[*row[:7], "BAT-2"] for row in rows])

    assert (report.to_update, report.errors) == (300, [])
    moved = person(session, country, "N299")
    assert assignments_of(session, moved.id) == [
        (first_unit.id, date(2026, 1, 5), IMPORT_DAY - timedelta(days=1)), (second_unit.id, IMPORT_DAY, None)]
