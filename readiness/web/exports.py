"""Lists and reports as CSV or XLSX downloads, safe to open in a spreadsheet."""

import csv
import io
from collections.abc import Iterable, Sequence
from datetime import date, datetime

from fastapi.responses import Response, StreamingResponse
from openpyxl import Workbook

from readiness.errors import NotFound
from readiness.web.i18n import gettext as _

# A cell starting with one of these is read as a formula by spreadsheets (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def neutralise(value):
    """A cell value that a spreadsheet shows as text, never runs as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _csv_cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(neutralise(value) if isinstance(value, str) else value)


def csv_response(filename: str, header: Sequence[str], rows: Iterable[Sequence]) -> StreamingResponse:
    """A CSV download (UTF-8 with BOM, so Excel reads accents), streamed row by row."""

    def lines():
        buffer = io.StringIO()
        writer = csv.writer(buffer)
        buffer.write("\ufeff")
        writer.writerow(header)
        for row in rows:
            writer.writerow([_csv_cell(value) for value in row])
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        yield buffer.getvalue()

    return StreamingResponse(lines(), media_type="text/csv; charset=utf-8", headers=_attachment(filename))


def xlsx_response(filename: str, header: Sequence[str], rows: Iterable[Sequence],
                  *, sheet: str = "Export") -> Response:
    """An XLSX download with one sheet; dates stay dates, text never becomes a formula."""
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet[:31])
    worksheet.append(list(header))
    for row in rows:
        worksheet.append([neutralise(value) for value in row])
    output = io.BytesIO()
    workbook.save(output)
    return Response(output.getvalue(), media_type=XLSX_TYPE, headers=_attachment(filename))


def download(fmt: str, stem: str, header: Sequence[str], rows: Iterable[Sequence], *,
             sheet: str = "Export") -> Response:
    """`stem`.csv or `stem`.xlsx, as `fmt` asks; any other format is not found."""
    if fmt == "csv":
        return csv_response(f"{stem}.csv", header, rows)
    if fmt == "xlsx":
        return xlsx_response(f"{stem}.xlsx", header, rows, sheet=sheet)
    raise NotFound(_("Exports are CSV or XLSX."))


def _attachment(filename: str) -> dict[str, str]:
    return {"Content-Disposition": f'attachment; filename="{filename}"'}
