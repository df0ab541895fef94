"""Opening an import file as a header and a stream of rows: CSV (any of , ; tab) or XLSX."""

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import BinaryIO

from readiness.errors import Invalid
from readiness.imports.cells import OVERFLOW, Cell
from readiness.web.i18n import gettext as _

DELIMITERS = ",;\t"
ZIP_MAGIC = b"PK\x03\x04"


@dataclass(frozen=True)
class ImportFile:
    """A named, seekable binary stream: an uploaded file or one opened from disk."""

    name: str
    content: BinaryIO

    @classmethod
    def from_path(cls, path: Path) -> "ImportFile":
        return cls(name=path.name, content=path.open("rb"))

    @classmethod
    def from_bytes(cls, name: str, data: bytes) -> "ImportFile":
        return cls(name=name, content=io.BytesIO(data))

    @property
    def is_xlsx(self) -> bool:
        """XLSX files are zip archives; anything else is read as CSV text."""
        self.content.seek(0)
        magic = self.content.read(4)
        self.content.seek(0)
        return magic == ZIP_MAGIC


class FileRefused(Invalid):
    """The file as a whole cannot be read (not UTF-8, no header, unknown sheet…)."""

    def __init__(self, message: str, *, line: int | None = None) -> None:
        super().__init__(message)
        self.line = line


@dataclass
class Table:
    """The header (lower-cased column names) and the data rows as (line, cells by column)."""

    header: list[str]
    rows: Iterator[tuple[int, dict[str, Cell]]]


def open_table(file: ImportFile, *, sheet: str | None = None) -> Table:
    """The file's header and a lazy stream of its non-blank rows."""
    lines = _xlsx_lines(file.content, sheet) if file.is_xlsx else _csv_lines(file.content)
    first = next(lines, None)
    if first is None or not any(first[1]):
        raise FileRefused(_("the file is empty: a header row naming the columns is required"), line=1)
    header = [str(name).strip().lower() for name in first[1]]
    return Table(header=header, rows=_rows_by_column(header, lines))


def _rows_by_column(header: list[str], lines) -> Iterator[tuple[int, dict[str, Cell]]]:
    for line, values in lines:
        if not any(values):
            continue  # blank lines: spreadsheets often leave some at the end
        if len(values) < len(header):
            values = list(values) + [""] * (len(header) - len(values))
        cells = dict(zip(header, values))
        if any(values[len(header):]):
            cells[OVERFLOW] = ", ".join(str(value) for value in values[len(header):] if value)
        yield line, cells


def _csv_lines(content: BinaryIO) -> Iterator[tuple[int, list[str]]]:
    text = io.TextIOWrapper(content, encoding="utf-8-sig", newline="")
    try:
        header_line = text.readline()
        reader = csv.reader(_chain(header_line, text), _dialect(header_line))
        for values in reader:
            yield reader.line_num, [value.strip() for value in values]
    except UnicodeDecodeError as exc:
        raise FileRefused(_("the file is not UTF-8 text; save it as “CSV UTF-8” or as XLSX")) from exc
    finally:
        text.detach()


def _chain(first: str, rest) -> Iterator[str]:
    yield first
    yield from rest


def _dialect(header_line: str) -> type[csv.Dialect]:
    """Comma, semicolon (Excel in French) or tab, decided by the header line."""
    try:
        return csv.Sniffer().sniff(header_line, delimiters=DELIMITERS)
    except csv.Error:
        return csv.excel  # one column only: any delimiter will do


def _xlsx_lines(content: BinaryIO, sheet: str | None) -> Iterator[tuple[int, list[Cell]]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(content, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged archive
        raise FileRefused(_("the file is not a readable XLSX workbook: %(error)s", error=str(exc))) from exc
    try:
        worksheet = _worksheet(workbook, sheet)
        for line, values in enumerate(worksheet.iter_rows(values_only=True), start=1):
            yield line, [_cell_value(value) for value in values]
    finally:
        workbook.close()


def _worksheet(workbook, sheet: str | None):
    if sheet is None:
        return workbook.worksheets[0]
    if sheet not in workbook.sheetnames:
        raise FileRefused(_("the workbook has no sheet `%(sheet)s`; its sheets are %(names)s",
                            sheet=sheet, names=", ".join(workbook.sheetnames)))
    return workbook[sheet]


def _cell_value(value) -> Cell:
    """Excel cells as text, except real date cells, which become dates."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # a service number typed as a number, shown as 12345.0 otherwise
    return str(value).strip()
