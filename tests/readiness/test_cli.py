"""`readiness report unit` and `readiness report mission`."""

import csv
import io
import json
from contextlib import nullcontext
from datetime import date

import pytest
from typer.testing import CliRunner

from readiness.cli import app
from readiness.readiness import cli as report_cli
from tests.factories import CourseFactory, UnitFactory
from tests.readiness.helpers import complete, enlist, requirement_for

runner = CliRunner()


@pytest.fixture(autouse=True)
def cli_uses_the_test_session(monkeypatch, session):
    monkeypatch.setattr(report_cli, "unit_of_work", lambda: nullcontext(session))


@pytest.fixture
def scenario():
    unit, course = UnitFactory(code="GHA-INF-9"), CourseFactory(code="CPTM-X")
    complete(enlist(unit), course, date(2025, 6, 1))
    enlist(unit)
    return unit, requirement_for(unit, (course, 50), code="MISSION-CLI")


def test_it_prints_a_unit_report_as_json_in_the_documented_shape(scenario):
    result = runner.invoke(app, ["report", "unit", "GHA-INF-9", "--requirement", "MISSION-CLI",
                                 "--as-of", "2026-03-01", "--format", "json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert {"unit", "requirement", "as_of", "tour_end", "strength", "women", "women_pct", "lines",
            "lines_met", "lines_total", "score", "status"} <= report.keys()
    assert report["lines"][0]["trained"] == 1 and report["status"] == "ready"


def test_it_prints_a_unit_report_as_a_table(scenario):
    result = runner.invoke(app, ["report", "unit", "GHA-INF-9", "--requirement", "MISSION-CLI",
                                 "--as-of", "2026-03-01"])
    assert result.exit_code == 0, result.output
    assert "status ready" in result.output and "CPTM-X" in result.output


def test_it_prints_the_mission_view_as_csv(scenario):
    result = runner.invoke(app, ["report", "mission", "--requirement", "MISSION-CLI",
                                 "--as-of", "2026-03-01", "--format", "csv"])
    assert result.exit_code == 0, result.output
    (row,) = list(csv.DictReader(io.StringIO(result.output)))
    assert (row["unit"], row["line"], row["trained"], row["coverage_pct"]) == ("GHA-INF-9", "CPTM-X", "1", "50.0")


def test_it_prints_the_mission_view_as_a_table_with_the_demand(scenario):
    result = runner.invoke(app, ["report", "mission", "--requirement", "MISSION-CLI"])
    assert result.exit_code == 0, result.output
    assert "GHA-INF-9" in result.output and "training demand" in result.output


def test_it_names_an_unknown_unit_in_one_line(scenario):
    result = runner.invoke(app, ["report", "unit", "NOPE", "--requirement", "MISSION-CLI"])
    assert result.exit_code == 1
    assert "no unit NOPE" in result.output


def test_it_refuses_a_malformed_date(scenario):
    result = runner.invoke(app, ["report", "unit", "GHA-INF-9", "--requirement", "MISSION-CLI",
                                 "--as-of", "01/03/2026"])
    assert result.exit_code == 2
