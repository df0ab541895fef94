"""JSON API: POST /api/v1/imports/{kind} with a CSV or XLSX file; the report comes back."""

from typing import Annotated

from fastapi import APIRouter, File, Query, UploadFile
from fastapi.responses import JSONResponse

from readiness.config import get_settings
from readiness.errors import ReadinessError
from readiness.imports import service
from readiness.imports.kinds import ImportKind
from readiness.imports.reading import ImportFile
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep
from readiness.web.i18n import gettext as _

router = APIRouter(prefix="/api/v1/imports", tags=["imports"])
MEGABYTE = 1024 * 1024


class FileTooLarge(ReadinessError):
    status_code = 413
    title = "File too large"


@router.post("/{kind}")
def import_file(
    kind: ImportKind,
    file: Annotated[UploadFile, File(description="CSV (, ; or tab delimited, UTF-8) or XLSX")],
    session: SessionDep,
    actor: CurrentActor,
    dry_run: Annotated[bool, Query(description="Check and count only; write nothing.")] = False,
    sheet: Annotated[str | None, Query(description="XLSX: the sheet to read (default: the first).")] = None,
) -> JSONResponse:
    """Import the file all-or-nothing; 422 with every bad row when any row is refused."""
    _refuse_large(file)
    upload = ImportFile(name=file.filename or "upload", content=file.file)
    report = service.run(session, actor=actor, kind=kind, file=upload, dry_run=dry_run, sheet=sheet)
    return JSONResponse(report.as_dict(), status_code=422 if report.errors else 200)


def _refuse_large(file: UploadFile) -> None:
    limit = get_settings().import_max_megabytes
    if file.size is not None and file.size > limit * MEGABYTE:
        raise FileTooLarge(_("The file is %(size).1f MB; imports are limited to %(limit)d MB. "
                             "Split it into smaller files.", size=file.size / MEGABYTE, limit=limit))
