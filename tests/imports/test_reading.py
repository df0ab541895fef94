"""Reading import files: CSV with any of three delimiters, with or without a BOM, and XLSX."""

from datetime import date

import pytest
from sqlmodel import select

from readiness.accounts.scope import SYSTEM
from readiness.imports import service
from readiness.imports.kinds import template_csv, template_header
from readiness.imports.reading import ImportFile, open_table
from readiness.models import Completion
from tests import factories
from tests.imports.conftest import IMPORT_DAY, csv_file, xlsx_file

HEADER = ["service_number", "country", "completed_on", "course_code", "result"]  # any column order


def rows_of(file, **options):
    table = open_table(file, **options)
    return table.header, list(table.rows)


@pytest.mark.parametrize(("delimiter", "bom"), [(",", False), (";", True), ("\t", False), (";", False)])
def test_it_reads_csv_with_a_comma_semicolon_or_tab_with_or_without_bom(delimiter, bom):
    file = csv_file([HEADER, ["12345", "RWA", "2026-03-01", "CPTM", "passed"]], delimiter=delimiter, bom=bom)

    header, rows = rows_of(file)

    assert header == HEADER
    assert rows == [(2, {"service_number": "12345", "country": "RWA", "completed_on": "2026-03-01",
                         "course_code": "CPTM", "result": "passed"})]


def test_it_keeps_commas_inside_semicolon_separated_cells():
    file = csv_file([["code", "title"], ["C1", "Protection, of civilians"]], delimiter=";")

    assert rows_of(file)[1] == [(2, {"code": "C1", "title": "Protection, of civilians"})]


def test_it_reads_xlsx_date_cells_as_dates_and_numbers_as_text():
    file = xlsx_file([HEADER, [12345, "RWA", date(2026, 3, 1), "CPTM", "passed"]])

    _header, [(line, cells)] = rows_of(file)

    assert (line, cells["completed_on"], cells["service_number"]) == (2, date(2026, 3, 1), "12345")


def test_it_reads_a_named_sheet_of_a_workbook():
    file = xlsx_file([["code"], ["C1"]], sheet="Courses", first_sheet="Notes")

    assert rows_of(file, sheet="Courses")[1] == [(2, {"code": "C1"})]


def test_it_skips_blank_lines():
    file = csv_file([["code"], [""], ["C1"]])

    assert rows_of(file)[1] == [(3, {"code": "C1"})]


def test_it_refuses_an_unknown_sheet_naming_the_sheets_there_are(session):
    file = xlsx_file([["code"]], sheet="Data")

    report = service.preview(session, actor=_admin(), kind="courses", file=file, sheet="Courses")

    assert [e.reason for e in report.errors] == ["the workbook has no sheet `Courses`; its sheets are Data"]


def test_it_refuses_a_file_that_is_not_utf8(session):
    file = ImportFile.from_bytes("latin.csv", "code;title\nC1;Sécurité\n".encode("latin-1"))

    report = service.preview(session, actor=_admin(), kind="courses", file=file)

    assert report.errors[0].reason.startswith("the file is not UTF-8 text")


def test_it_refuses_an_empty_file(session):
    report = service.preview(session, actor=_admin(), kind="courses", file=ImportFile.from_bytes("e.csv", b""))

    assert [(e.line, e.reason) for e in report.errors] == [
        (1, "the file is empty: a header row naming the columns is required")]


def test_it_names_unknown_and_missing_columns(session):
    header = ["country", "service_number", "course", "completed_on", "result", "remarks"]

    report = service.preview(session, actor=_admin(), kind="completions", file=csv_file([header]))

    assert [(e.line, e.column, e.reason.split(";")[0]) for e in report.errors] == [
        (1, "course", "unknown column `course`"),
        (1, "remarks", "unknown column `remarks`"),
        (1, "course_code", "required column `course_code` is missing"),
    ]


def test_it_imports_completions_from_an_xlsx_with_date_cells(session, centre_actor, country):
    person = factories.PersonFactory(country_code=country.code, service_number="12345")
    factories.CourseFactory(code="CPTM")
    file = xlsx_file([HEADER, [12345, country.code, date(2026, 3, 1), "CPTM", "passed"]], name="moodle.xlsx")

    report = service.run(session, actor=centre_actor, kind="completions", file=file, today=IMPORT_DAY)

    assert (report.to_create, report.errors) == (1, [])
    [completion] = session.exec(select(Completion).where(Completion.person_id == person.id)).all()
    assert (completion.completed_on, completion.source, completion.source_ref) == (date(2026, 3, 1), "xlsx", "moodle.xlsx:2")


def test_the_templates_hold_the_required_then_optional_columns():
    assert template_header("completions") == ["country", "service_number", "course_code", "completed_on",
                                              "result", "score", "centre_code", "waiver_reason"]
    assert template_csv("roster") == "country,service_number,family_name,given_name,gender,rank,role,unit_code\r\n"


def _admin():
    return SYSTEM


def test_a_row_with_more_cells_than_the_header_is_refused(session):
    file = csv_file([["code", "title", "category", "validity_months", "assessed"],
                     ["C1", "T", "medical", "12", "yes", "surplus"]])

    report = service.preview(session, actor=_admin(), kind="courses", file=file)

    assert [(e.line, e.value, e.reason) for e in report.errors] == [
        (2, "surplus", "the row has more cells than the header has columns")]
