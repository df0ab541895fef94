"""Building import files in memory, and the actors who import them."""

import csv
import io
from datetime import date

import pytest
from openpyxl import Workbook

from readiness.accounts.scope import Actor
from readiness.imports.reading import ImportFile
from readiness.models import Role
from tests import factories

IMPORT_DAY = date(2026, 11, 29)


def csv_file(rows: list[list], *, name: str = "file.csv", delimiter: str = ",", bom: bool = False) -> ImportFile:
    """A CSV import file of `rows` (the first is the header)."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    data = buffer.getvalue().encode("utf-8-sig" if bom else "utf-8")
    return ImportFile.from_bytes(name, data)


def xlsx_file(rows: list[list], *, name: str = "file.xlsx", sheet: str = "Sheet1", first_sheet: str | None = None) -> ImportFile:
    """An XLSX import file whose sheet `sheet` holds `rows` (dates stay real date cells)."""
    workbook = Workbook()
    worksheet = workbook.active
    if first_sheet:
        worksheet.title = first_sheet
        worksheet = workbook.create_sheet(sheet)
    else:
        worksheet.title = sheet
    for row in rows:
        worksheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return ImportFile.from_bytes(name, buffer.getvalue())


@pytest.fixture
def country(session):
    return factories.CountryFactory()


@pytest.fixture
def other_country(session):
    return factories.CountryFactory()


@pytest.fixture
def centre(country):
    return factories.TrainingCentreFactory(country_code=country.code)


@pytest.fixture
def centre_actor(country, centre):
    return Actor(email="centre@example.org", role=Role.training_centre, country_code=country.code,
                 centre_id=centre.id)


@pytest.fixture
def force_generation_actor(country):
    return Actor(email="fg@example.org", role=Role.force_generation, country_code=country.code)
