"""Importing units (a country's own) and courses (the catalogue keepers')."""

import pytest
from sqlmodel import select

from readiness.errors import Forbidden
from readiness.imports import service
from readiness.models import Course, Unit
from tests import factories
from tests.imports.conftest import IMPORT_DAY, csv_file

UNIT_HEADER = ["code", "country", "name", "unit_type", "authorised_strength", "pcrs_level", "target_mission",
               "planned_deployment"]
COURSE_HEADER = ["code", "title", "category", "validity_months", "assessed", "duration_hours"]


def run(session, actor, kind, rows):
    return service.run(session, actor=actor, kind=kind, file=csv_file(rows), today=IMPORT_DAY)


def test_it_creates_then_updates_a_unit_by_code(session, force_generation_actor, country):
    factories.UnitTypeFactory(slug="infantry_battalion")
    mission = factories.MissionFactory(acronym="MINUSCA")
    row = ["BAT-1", country.code, "First battalion", "infantry_battalion", "850", "L2", "MINUSCA", "2027-02-01"]
    run(session, force_generation_actor, "units", [UNIT_HEADER, row])

    report = run(session, force_generation_actor, "units", [UNIT_HEADER, [*row[:4], "900", *row[5:]]])

    assert (report.to_update, report.errors) == (1, [])
    unit = session.exec(select(Unit).where(Unit.code == "BAT-1")).one()
    assert (unit.authorised_strength, unit.pcrs_level, unit.target_mission_id) == (900, "L2", mission.id)


def test_it_refuses_unknown_unit_types_missions_and_another_countrys_units(
        session, force_generation_actor, country, other_country):
    factories.UnitTypeFactory(slug="infantry_battalion")

    report = run(session, force_generation_actor, "units", [
        UNIT_HEADER,
        ["U1", country.code, "One", "tank_brigade", "10", "", "", ""],
        ["U2", country.code, "Two", "infantry_battalion", "10", "", "ATLANTIS", ""],
        ["U3", other_country.code, "Three", "infantry_battalion", "10", "", "", ""],
        ["U4", country.code, "Four", "infantry_battalion", "0", "L9", "", "01/02/2027"],
    ])

    assert [(e.line, e.column, e.reason.split(":")[0]) for e in report.errors] == [
        (2, "unit_type", "unknown unit type `tank_brigade`"),
        (3, "target_mission", "unknown mission `ATLANTIS`"),
        (4, "country", f"country `{other_country.code}` is not the actor's own"),
        (5, "pcrs_level", "PCRS level `L9` is not one of L1, L2, L3, RDL"),
        (5, "planned_deployment", "date `01/02/2027` is not a date (ISO YYYY-MM-DD)"),
        (5, "authorised_strength", "0 is less than 1"),
    ]


def test_it_creates_a_course_and_leaves_it_unchanged_the_second_time(session, centre_actor):
    rows = [COURSE_HEADER, ["POC-1", "Protection of civilians", "protection_of_civilians", "", "oui", "16"]]
    run(session, centre_actor, "courses", rows)

    again = run(session, centre_actor, "courses", rows)

    course = session.exec(select(Course).where(Course.code == "POC-1")).one()
    assert (course.validity_months, course.assessed, course.duration_hours) == (None, True, 16)
    assert (again.unchanged, again.written) == (1, False)


def test_it_refuses_bad_course_cells(session, centre_actor):
    report = run(session, centre_actor, "courses", [
        COURSE_HEADER, ["C1", "T", "cooking", "twelve", "maybe", "-1"], ["C1", "T", "medical", "12", "no", ""]])

    assert [(e.line, e.column) for e in report.errors] == [
        (2, "category"), (2, "validity_months"), (2, "assessed"), (2, "duration_hours")]


def test_force_generation_may_not_import_courses(session, force_generation_actor):
    with pytest.raises(Forbidden):
        run(session, force_generation_actor, "courses", [COURSE_HEADER])
