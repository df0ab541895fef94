"""Exports never let a spreadsheet run a cell as a formula."""

import io
from datetime import date

from fastapi.testclient import TestClient
from fastapi import FastAPI
from openpyxl import load_workbook

from readiness.web.exports import csv_response, neutralise, xlsx_response

ROWS = [["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "plain", 3, date(2026, 1, 31), None]]
HEADER = ["a", "b", "c", "d", "e", "f", "g", "h"]


def _client() -> TestClient:
    app = FastAPI()
    app.add_api_route("/csv", lambda: csv_response("x.csv", HEADER, ROWS))
    app.add_api_route("/xlsx", lambda: xlsx_response("x.xlsx", HEADER, ROWS))
    return TestClient(app)


def test_cells_that_look_like_formulas_are_neutralised():
    assert [neutralise(v) for v in ["=1+1", "+1", "-1", "@a", "ok", 5]] == ["'=1+1", "'+1", "'-1", "'@a", "ok", 5]


def test_a_csv_export_has_a_bom_a_header_and_neutralised_cells():
    response = _client().get("/csv")
    assert response.headers["content-disposition"] == 'attachment; filename="x.csv"'
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeffa,b,c")
    assert "'=HYPERLINK" in text and ",'+1,'-2,'@SUM(A1),plain,3,2026-01-31," in text


def test_an_xlsx_export_keeps_dates_and_numbers_and_neutralises_text():
    response = _client().get("/xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [cell.value for cell in sheet[2]]
    assert values[0].startswith("'=") and values[3] == "'@SUM(A1)"
    assert values[5] == 3 and values[6].date() == date(2026, 1, 31)
