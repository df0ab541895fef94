"""Importing completions: every refused row named, all-or-nothing, idempotent, with provenance."""

from datetime import date

import pytest
from sqlmodel import select

from readiness.imports import completions, service
from readiness.models import AuditEntry, Completion
from tests import factories
from tests.imports.conftest import IMPORT_DAY, csv_file

HEADER = ["country", "service_number", "course_code", "completed_on", "result", "score", "centre_code",
          "waiver_reason"]


@pytest.fixture
def person(country):
    return factories.PersonFactory(country_code=country.code, service_number="12345")


@pytest.fixture
def course(session):
    return factories.CourseFactory(code="CPTM")


def run(session, actor, rows, *, dry_run=False, name="centre.csv"):
    return service.run(session, actor=actor, kind="completions", file=csv_file([HEADER, *rows], name=name),
                       dry_run=dry_run, today=IMPORT_DAY)


def completions_of(session, person):
    return session.exec(select(Completion).where(Completion.person_id == person.id)).all()


def reasons(report):
    return [(error.line, error.column, error.reason) for error in report.errors]


def test_it_imports_a_completion_with_its_provenance(session, centre_actor, country, person, course, centre):
    report = run(session, centre_actor, [[country.code, "12345", "CPTM", "2026-03-01", "passed", "87", "", ""]])

    assert (report.to_create, report.written, report.errors) == (1, True, [])
    [completion] = completions_of(session, person)
    assert (completion.course_id, completion.completed_on, completion.result) == (course.id, date(2026, 3, 1), "passed")
    assert (completion.score, completion.centre_id) == (87, centre.id)
    assert (completion.source, completion.source_ref, completion.recorded_by) == ("csv", "centre.csv:2", "centre@example.org")


def test_importing_the_same_file_again_writes_nothing_and_says_so(session, centre_actor, country, person, course):
    rows = [[country.code, "12345", "CPTM", "2026-03-01", "passed", "", "", ""]]
    run(session, centre_actor, rows)

    again = run(session, centre_actor, rows, name="again.csv")

    assert (again.to_create, again.to_update, again.unchanged, again.written) == (0, 0, 1, False)
    assert "nothing new" in again.summary()
    assert [c.source_ref for c in completions_of(session, person)] == ["centre.csv:2"]


def test_a_differing_result_for_the_same_day_updates_the_completion(session, centre_actor, country, person, course):
    factories.CompletionFactory(person_id=person.id, course_id=course.id, completed_on=date(2026, 3, 1),
                                result="failed", recorded_by="someone")

    report = run(session, centre_actor, [[country.code, "12345", "CPTM", "2026-03-01", "passed", "", "", ""]])

    assert (report.to_create, report.to_update) == (0, 1)
    [completion] = completions_of(session, person)
    session.refresh(completion)
    assert (completion.result, completion.recorded_by, completion.source_ref) == ("passed", "centre@example.org", "centre.csv:2")


def test_a_bad_last_row_means_nothing_is_written(session, centre_actor, country, person, course):
    rows = [[country.code, "12345", "CPTM", "2026-03-01", "passed", "", "", ""],
            [country.code, "12345", "CPTM", "2026-03-02", "passed", "", "", ""],
            [country.code, "12345", "CPTM", "2026-13-01", "passed", "", "", ""]]

    report = run(session, centre_actor, rows)

    assert reasons(report) == [(4, "completed_on", "date `2026-13-01` is not a date (ISO YYYY-MM-DD)")]
    assert (report.written, completions_of(session, person)) == (False, [])


def test_it_names_every_bad_row_with_its_reason(session, centre_actor, country, person, course):
    code = country.code
    rows = [[code, "12345", "XYZ", "2026-03-01", "passed", "", "", ""],
            [code, "99999", "CPTM", "2026-03-01", "passed", "", "", ""],
            [code, "12345", "CPTM", "2026-03-01", "pass", "", "", ""],
            [code, "12345", "CPTM", "2026-03-02", "waived", "", "", ""],
            [code, "12345", "CPTM", "2026-03-03", "passed", "101", "", ""],
            [code, "12345", "CPTM", "2026-03-04", "passed", "", "NOPE", ""],
            [code, "12345", "CPTM", "2026-03-05", "passed", "", "", ""],
            [code, "12345", "CPTM", "2026-03-05", "failed", "", "", ""]]

    report = run(session, centre_actor, rows)

    assert reasons(report) == [
        (2, "course_code", "unknown course code `XYZ`"),
        (3, "service_number", f"person `{code}/99999` not on any roster (no person with that country and service number)"),
        (4, "result", "result `pass` is not one of passed, failed, completed, waived"),
        (5, "waiver_reason", "waiver without reason: a `waived` result needs a waiver_reason"),
        (6, "score", "score 101 is outside 0–100"),
        (7, "centre_code", "unknown training centre `NOPE`"),
        (9, None, "duplicate row within the file: same person, course and date as line 8"),
    ]
    assert completions_of(session, person) == []


def test_a_waiver_with_its_reason_is_accepted(session, centre_actor, country, person, course):
    report = run(session, centre_actor, [[country.code, "12345", "CPTM", "2026-03-01", "waived", "", "", "Instructor"]])

    assert report.errors == []
    assert completions_of(session, person)[0].waiver_reason == "Instructor"


def test_it_refuses_completions_of_another_countrys_people(session, centre_actor, other_country, course):
    factories.PersonFactory(country_code=other_country.code, service_number="555")

    report = run(session, centre_actor, [[other_country.code, "555", "CPTM", "2026-03-01", "passed", "", "", ""]])

    [error] = report.errors
    assert (error.line, error.column, error.value) == (2, "country", other_country.code)
    assert "is not the actor's own" in error.reason
    assert report.written is False


def test_a_dry_run_counts_without_writing(session, centre_actor, country, person, course):
    report = run(session, centre_actor, [[country.code, "12345", "CPTM", "2026-03-01", "passed", "", "", ""]],
                 dry_run=True)

    assert (report.to_create, report.written, completions_of(session, person)) == (1, False, [])


def test_an_import_is_one_audit_entry_with_its_counts(session, centre_actor, country, person, course):
    rows = [[country.code, "12345", "CPTM", f"2026-03-0{day}", "passed", "", "", ""] for day in (1, 2, 3)]

    run(session, centre_actor, rows)

    [entry] = session.exec(select(AuditEntry).where(AuditEntry.action == "import")).all()
    assert (entry.entity, entry.entity_id, entry.actor) == ("completions", "centre.csv", "centre@example.org")
    assert entry.after == {"rows_read": 3, "created": 3, "updated": 0, "unchanged": 0}


def test_it_imports_a_french_excel_csv_with_semicolons_and_a_bom(session, centre_actor, country, person, course):
    file = csv_file([HEADER, [country.code, "12345", "CPTM", "2026-03-01", "passed", "87,5", "", ""]],
                    delimiter=";", bom=True, name="export.csv")

    report = service.run(session, actor=centre_actor, kind="completions", file=file, today=IMPORT_DAY)

    assert (report.to_create, report.errors) == (1, [])
    assert completions_of(session, person)[0].score == 87.5


def test_a_duplicate_in_a_later_chunk_names_the_line_of_an_earlier_chunk(
        session, centre_actor, country, person, course, monkeypatch):
    monkeypatch.setattr(completions, "CHUNK_SIZE", 2)
    rows = [[country.code, "12345", "CPTM", f"2026-03-0{day}", "passed", "", "", ""] for day in (1, 2, 3, 1)]

    report = run(session, centre_actor, rows)

    assert reasons(report) == [(5, None, "duplicate row within the file: same person, course and date as line 2")]
