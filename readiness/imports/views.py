"""Pages: choose a kind of import, upload a file, read the preview (htmx), confirm.

The file is sent again with the confirmation instead of being kept on the server between the
two requests: the browser still holds it in the form, any app worker can answer either request,
and nothing is left behind when a user walks away. The preview's SHA-256 travels with the
confirmation, so a file changed in between is checked again instead of imported unseen; and
the confirmation runs every check again anyway (all-or-nothing).
"""

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import Response

from readiness.accounts.scope import Actor
from readiness.errors import Forbidden, ReadinessError
from readiness.imports import kinds, service, uploads
from readiness.imports.kinds import ImportKind
from readiness.imports.report import ImportReport
from readiness.web.auth import CurrentActor, form_status
from readiness.web.deps import SessionDep
from readiness.web.i18n import gettext as _
from readiness.web.templating import render

router = APIRouter()
Upload = Annotated[UploadFile, File()]
FormText = Annotated[str, Form()]


@router.get("/imports", name="imports")
def imports_page(request: Request, actor: CurrentActor):
    choices = [(kind, _(kinds.KIND_NAMES[kind]), kinds.may_import(actor, kind), _(kinds.WHO_IMPORTS[kind]))
               for kind in ImportKind]
    return render(request, "imports/index.html", {"choices": choices})


@router.get("/imports/{kind}/template.csv", name="import_template")
def import_template(kind: ImportKind, actor: CurrentActor):
    """The kind's template: its header row, to fill in a spreadsheet."""
    headers = {"Content-Disposition": f'attachment; filename="{kind.value}.csv"'}
    return Response(kinds.template_csv(kind), media_type="text/csv; charset=utf-8", headers=headers)


@router.get("/imports/{kind}", name="import_kind")
def import_page(request: Request, kind: ImportKind, actor: CurrentActor):
    allowed = kinds.may_import(actor, kind)
    context = {**_about(kind), "allowed": allowed, "who": _(kinds.WHO_IMPORTS[kind])}
    return render(request, "imports/kind.html", context, status_code=200 if allowed else 403)


@router.post("/imports/{kind}/preview", name="import_preview")
def preview(request: Request, kind: ImportKind, actor: CurrentActor, session: SessionDep, file: Upload,
            sheet: FormText = ""):
    """What the file would do: counts and every bad row; nothing is written."""
    _require(actor, kind)
    try:
        upload = uploads.import_file(file)
        report = service.preview(session, actor=actor, kind=kind, file=upload, sheet=sheet or None)
    except ReadinessError as problem:
        return _problem(request, kind, problem)
    return _report(request, kind, report, uploads.fingerprint(upload))


@router.post("/imports/{kind}", name="import_confirm")
def confirm(request: Request, kind: ImportKind, actor: CurrentActor, session: SessionDep, file: Upload,
            sheet: FormText = "", fingerprint: FormText = ""):
    """Import the previewed file; a file that differs from the preview is previewed again instead."""
    _require(actor, kind)
    try:
        upload = uploads.import_file(file)
        sent = uploads.fingerprint(upload)
        if sent != fingerprint:
            report = service.preview(session, actor=actor, kind=kind, file=upload, sheet=sheet or None)
            return _report(request, kind, report, sent, changed=True)
        report = service.run(session, actor=actor, kind=kind, file=upload, sheet=sheet or None)
    except ReadinessError as problem:
        return _problem(request, kind, problem)
    return _report(request, kind, report, sent)


def _about(kind: ImportKind) -> dict:
    return {"kind": kind, "kind_name": _(kinds.KIND_NAMES[kind]), "columns": kinds.MODULES[kind].COLUMNS}


def _require(actor: Actor, kind: ImportKind) -> None:
    if not kinds.may_import(actor, kind):
        raise Forbidden(_(kinds.WHO_IMPORTS[kind]))


def _report(request: Request, kind: ImportKind, report: ImportReport, fingerprint: str, changed: bool = False):
    context = {**_about(kind), "allowed": True, "report": report, "fingerprint": fingerprint, "changed": changed}
    status = 422 if report.errors else 200
    return render(request, "imports/kind.html", context, block="report", status_code=form_status(request, status))


def _problem(request: Request, kind: ImportKind, problem: ReadinessError):
    context = {**_about(kind), "allowed": True, "problem": problem.message}
    return render(request, "imports/kind.html", context, block="report",
                  status_code=form_status(request, problem.status_code))
