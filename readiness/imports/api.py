"""JSON API: POST /api/v1/imports/{kind} with a CSV or XLSX file; the report comes back."""

from typing import Annotated

from fastapi import APIRouter, File, Query, UploadFile
from fastapi.responses import JSONResponse

from readiness.imports import service
from readiness.imports.kinds import ImportKind
from readiness.imports.uploads import import_file as upload_of
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep

router = APIRouter(prefix="/api/v1/imports", tags=["imports"])


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
    upload = upload_of(file)
    report = service.run(session, actor=actor, kind=kind, file=upload, dry_run=dry_run, sheet=sheet)
    return JSONResponse(report.as_dict(), status_code=422 if report.errors else 200)

