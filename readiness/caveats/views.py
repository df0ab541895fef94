"""Caveats: the unit page's caveats section (an htmx fragment, or a page of its own), its forms, the flag."""

from datetime import date

from fastapi import APIRouter, Request
from pydantic import ValidationError

from readiness.caveats import rules, service
from readiness.caveats.schemas import CaveatFields
from readiness.errors import Invalid, ReadinessError
from readiness.models import CaveatKind, CaveatRecord
from readiness.web.auth import CurrentActor, form_status, see_other
from readiness.web.deps import SessionDep
from readiness.web.forms import FormValues
from readiness.web.i18n import gettext as _
from readiness.web.templating import render, wants_fragment

router = APIRouter()
# The element ids a flag may refresh itself into (the unit page's header and readiness card).
FLAG_SLOTS = ("unit-flag", "card-flag")
CHANGED = {"HX-Trigger": "caveats-changed"}


@router.get("/units/{code}/caveats", name="unit_caveats")
def unit_caveats(code: str, request: Request, actor: CurrentActor, session: SessionDep, edit: int = 0):
    view = service.unit_caveats(session, actor=actor, code=code, on=date.today())
    return _section(request, view, editing=edit)


def _section(request: Request, view, *, values: dict | None = None, errors: dict | None = None,
             editing: int = 0, status_code: int = 200, changed: bool = False):
    context = {"view": view, "code": view.unit.code, "values": values or _blank(), "errors": errors or {},
               "editing": editing, "kinds": [k.value for k in CaveatKind],
               "records": [r.value for r in CaveatRecord]}
    response = render(request, "caveats/section.html", context, block="section",
                      status_code=form_status(request, status_code))
    if changed:
        response.headers.update(CHANGED)
    return response


def _blank() -> dict:
    return {"declared": "true", "kind": "", "text": "", "recorded_in": "none",
            "active_from": date.today().isoformat(), "active_to": ""}


@router.post("/units/{code}/caveats", name="create_caveat")
def create_caveat(code: str, request: Request, actor: CurrentActor, session: SessionDep, values: FormValues):
    today = date.today()
    try:
        service.create_caveat(session, actor=actor, code=code, fields=_fields(values), on=today)
    except (ValidationError, Invalid) as problem:
        view = service.unit_caveats(session, actor=actor, code=code, on=today)
        return _section(request, view, values=values, errors=_errors(problem), status_code=422)
    return _after_change(request, session, actor, code)


@router.post("/caveats/{caveat_id}", name="update_caveat")
def update_caveat(caveat_id: int, request: Request, actor: CurrentActor, session: SessionDep, values: FormValues):
    today = date.today()
    stored = service.get_caveat(session, actor=actor, caveat_id=caveat_id, on=today)
    try:
        service.update_caveat(session, actor=actor, caveat_id=caveat_id, fields=_fields(values), on=today)
    except (ValidationError, Invalid) as problem:
        view = service.unit_caveats(session, actor=actor, code=stored.unit, on=today)
        return _section(request, view, values=values, errors=_errors(problem), editing=caveat_id, status_code=422)
    return _after_change(request, session, actor, stored.unit)


@router.post("/caveats/{caveat_id}/delete", name="delete_caveat")
def delete_caveat(caveat_id: int, request: Request, actor: CurrentActor, session: SessionDep):
    code = service.delete_caveat(session, actor=actor, caveat_id=caveat_id)
    return _after_change(request, session, actor, code)


def _after_change(request: Request, session, actor, code: str):
    if not wants_fragment(request):
        return see_other(request, f"/units/{code}/caveats")
    view = service.unit_caveats(session, actor=actor, code=code, on=date.today())
    return _section(request, view, changed=True)


@router.get("/units/{code}/caveat-flag", name="unit_caveat_flag")
def unit_caveat_flag(code: str, request: Request, actor: CurrentActor, session: SessionDep, as_of: str = "",
                     slot: str = "unit-flag"):
    """The red flag alone, refreshed in the unit page after a caveat changes."""
    unit = service.readable_unit(session, actor=actor, code=code)
    on = _day(as_of) or date.today()
    flagged = bool(rules.flagged_unit_ids(session, [unit.id], on))
    context = {"code": code, "flagged": flagged, "as_of": on.isoformat(),
               "slot": slot if slot in FLAG_SLOTS else FLAG_SLOTS[0]}
    return render(request, "caveats/_flag_slot.html", context)


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        raise Invalid(_("Enter dates as YYYY-MM-DD.")) from None


def _fields(values: dict) -> CaveatFields:
    """The form's fields; unticked boxes are false and empty dates are missing."""
    submitted = {name: values[name] for name in ("kind", "text", "recorded_in", "active_from", "active_to")
                 if values.get(name, "").strip()}
    submitted["declared"] = values.get("declared") == "true"
    submitted["accepted_by_un"] = values.get("accepted_by_un") == "true"
    submitted.setdefault("text", "")
    return CaveatFields.model_validate(submitted)


def _errors(problem: Exception) -> dict[str, str]:
    """Field errors by field name; a problem of the whole form under 'form'."""
    if isinstance(problem, ValidationError):
        return {_field(e): _message(e) for e in problem.errors()}
    details = {d["field"]: d["message"] for d in getattr(problem, "details", []) if "field" in d}
    return details or {"form": str(problem)}


def _field(error: dict) -> str:
    return ".".join(map(str, error["loc"])) or "form"


def _message(error: dict) -> str:
    """Our own sentence for a rule; for a missing or malformed value, one naming the field."""
    if error["type"] == "value_error":
        return error["msg"].removeprefix("Value error, ")
    unreadable = {"kind": _("Choose the kind of caveat."), "recorded_in": _("Choose where the caveat is recorded."),
                  "active_from": _("Enter the day the caveat starts (YYYY-MM-DD)."),
                  "active_to": _("Enter the last day of the caveat (YYYY-MM-DD), or leave it empty.")}
    return unreadable.get(_field(error), error["msg"])
