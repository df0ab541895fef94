"""`readiness import requirements FILE.yaml`: all or nothing, idempotent, versioned, audited."""

from contextlib import nullcontext

import pytest
from sqlmodel import select
from typer.testing import CliRunner

from readiness.cli import app
from readiness.models import AuditEntry, Requirement
from readiness.requirements import cli as requirements_cli
from tests.factories import CourseFactory, MissionFactory, UnitTypeFactory

runner = CliRunner()


@pytest.fixture(autouse=True)
def cli_uses_the_test_session(monkeypatch, session):
    monkeypatch.setattr(requirements_cli, "unit_of_work", lambda: nullcontext(session))


@pytest.fixture
def references():
    return MissionFactory(acronym="MISSIONY"), UnitTypeFactory(slug="infantry_y"), CourseFactory(code="CPTM-Y")


def yaml_file(tmp_path, version=1, course="CPTM-Y", mission="MISSIONY"):
    path = tmp_path / f"requirements-{version}.yaml"
    path.write_text(f"""
- code: MISSIONY-INF
  mission: {mission}
  unit_type: infantry_y
  title: Infantry, mission Y
  version: {version}
  tour_months: 12
  min_women_pct: 15
  lines:
    - {{course: {course}, min_pct: 100}}
    - {{course: {course}, min_pct: 100, role: commander}}
""")
    return path


def versions(session):
    return session.exec(select(Requirement.version).where(Requirement.code == "MISSIONY-INF")
                        .order_by(Requirement.version)).all()


def test_it_imports_a_file_and_audits_it(session, references, tmp_path):
    result = runner.invoke(app, ["import", "requirements", str(yaml_file(tmp_path))])
    assert result.exit_code == 0, result.output
    assert "1 created (MISSIONY-INF v1)" in result.output
    assert versions(session) == [1]
    entry = session.exec(select(AuditEntry).where(AuditEntry.entity == "requirement")).one()
    assert entry.actor == "cli"


def test_importing_the_same_file_again_changes_nothing(session, references, tmp_path):
    path = yaml_file(tmp_path)
    runner.invoke(app, ["import", "requirements", str(path)])
    result = runner.invoke(app, ["import", "requirements", str(path)])
    assert "0 created (none), 1 unchanged" in result.output
    assert versions(session) == [1]


def test_a_new_version_keeps_the_old_one(session, references, tmp_path):
    runner.invoke(app, ["import", "requirements", str(yaml_file(tmp_path, version=1))])
    runner.invoke(app, ["import", "requirements", str(yaml_file(tmp_path, version=2))])
    assert versions(session) == [1, 2]


def test_it_names_unknown_references_and_writes_nothing(session, references, tmp_path):
    path = yaml_file(tmp_path, course="NO-SUCH", mission="NOWHERE")
    result = runner.invoke(app, ["import", "requirements", str(path)])
    assert result.exit_code == 1
    assert "unknown course NO-SUCH" in result.output and "unknown mission NOWHERE" in result.output
    assert versions(session) == []


def test_the_seed_requirements_file_parses(references):
    from readiness.config import get_settings
    from readiness.requirements.files import read_requirements_file

    assert len(read_requirements_file(get_settings().seed_dir / "requirements.yaml")) >= 2
