"""Pages: a centre's course sessions, and the form to add, change or delete one."""

from datetime import date

from fastapi import APIRouter, Request
from pydantic import ValidationError

from readiness.accounts.scope import Actor
from readiness.completions import service as completions
from readiness.course_sessions import service
from readiness.course_sessions.schemas import SessionCreate, SessionUpdate
from readiness.errors import NotFound, ReadinessError
from readiness.web.auth import CurrentActor, form_status, see_other
from readiness.web.deps import SessionDep
from readiness.web.exports import csv_response, xlsx_response
from readiness.web.forms import FormValues
from readiness.web.i18n import gettext as _
from readiness.web.listing import ListQuery
from readiness.web.pagination import PageRequest
from readiness.web.templating import render

router = APIRouter()
FIELDS = ("course_id", "start_on", "end_on", "language", "seats", "seats_for_women", "centre_id")


SORT_KEYS = ("start_on", "course", "centre")
PER_PAGE = 50


def _listing(course: str, date_from: str, date_to: str, sort: str, dir: str, page: int) -> ListQuery:
    filters = {"course": course, "date_from": _iso(date_from), "date_to": _iso(date_to)}
    return ListQuery.read(filters, sort, dir, page, sort_keys=SORT_KEYS, default_sort="start_on")


def _iso(text: str) -> str:
    """A YYYY-MM-DD date as typed, or nothing (a malformed date filters nothing)."""
    try:
        return date.fromisoformat(text.strip()).isoformat() if text.strip() else ""
    except ValueError:
        return ""


def _day(text: str) -> date | None:
    return date.fromisoformat(text) if text else None


@router.get("/sessions", name="sessions")
def sessions_page(request: Request, actor: CurrentActor, session: SessionDep, course: str = "",
                  date_from: str = "", date_to: str = "", sort: str = "start_on", dir: str = "asc",
                  page: int = 1):
    listing = _listing(course, date_from, date_to, sort, dir, page)
    filters = listing.filters
    result = service.sessions_page(session, actor=actor, paging=PageRequest(listing.page, PER_PAGE),
                                   course=filters["course"] or None, start=_day(filters["date_from"]),
                                   end=_day(filters["date_to"]), sort=listing.sort, descending=listing.descending)
    return render(request, "sessions/list.html", {"result": result, "listing": listing}, block="rows")


@router.get("/sessions.{fmt}", name="export_sessions")
def export_sessions(fmt: str, actor: CurrentActor, session: SessionDep, course: str = "", date_from: str = "",
                    date_to: str = ""):
    if fmt not in ("csv", "xlsx"):
        raise NotFound(_("Exports are CSV or XLSX."))
    sessions = service.list_sessions(session, actor=actor, course=course.strip() or None,
                                     start=_day(_iso(date_from)), end=_day(_iso(date_to)))
    header = [_("Code"), _("Course"), _("Centre"), _("Starts"), _("Ends"), _("Language"), _("Seats"),
              _("For women")]
    rows = [[s.course, s.course_title, s.centre, s.start_on, s.end_on, s.language, s.seats, s.seats_for_women]
            for s in sessions]
    if fmt == "csv":
        return csv_response("sessions.csv", header, rows)
    return xlsx_response("sessions.xlsx", header, rows, sheet=_("Course sessions"))


@router.get("/sessions/new", name="new_session")
def new_session_page(request: Request, actor: CurrentActor, session: SessionDep):
    service.list_sessions(session, actor=actor)  # refuses the roles that keep no sessions
    return _form(request, session, actor, {"language": "en", "seats_for_women": "0"})


def _form(request: Request, session, actor: Actor, values: dict, errors: dict | None = None,
          session_id: int | None = None, status_code: int = 200):
    context = {"values": values, "errors": errors or {}, "session_id": session_id,
               "courses": completions.course_choices(session),
               "centres": service.centre_choices(session, actor=actor)}
    return render(request, "sessions/form.html", context, status_code=form_status(request, status_code))


@router.post("/sessions", name="create_session")
def create_session(request: Request, actor: CurrentActor, session: SessionDep, values: FormValues):
    try:
        fields = SessionCreate.model_validate(_submitted(values))
        service.create_session(session, actor=actor, fields=fields)
    except (ValidationError, ReadinessError) as problem:
        return _form(request, session, actor, values, _errors(problem), status_code=422)
    return see_other(request, "/sessions")


@router.get("/sessions/{session_id}/edit", name="edit_session")
def edit_session_page(request: Request, session_id: int, actor: CurrentActor, session: SessionDep):
    stored = service.get_session(session, actor=actor, session_id=session_id)
    return _form(request, session, actor, stored.model_dump(mode="json"), session_id=session_id)


@router.post("/sessions/{session_id}", name="update_session")
def update_session(request: Request, session_id: int, actor: CurrentActor, session: SessionDep,
                   values: FormValues):
    service.get_session(session, actor=actor, session_id=session_id)
    try:
        fields = SessionUpdate.model_validate(_submitted(values))
        service.update_session(session, actor=actor, session_id=session_id, fields=fields)
    except (ValidationError, ReadinessError) as problem:
        return _form(request, session, actor, values, _errors(problem), session_id, status_code=422)
    return see_other(request, "/sessions")


@router.post("/sessions/{session_id}/delete", name="delete_session")
def delete_session(request: Request, session_id: int, actor: CurrentActor, session: SessionDep):
    service.delete_session(session, actor=actor, session_id=session_id)
    return see_other(request, "/sessions")


def _submitted(values: dict) -> dict:
    """The form's fields, empty ones left out (so that defaults and 'required' apply)."""
    return {name: values[name] for name in FIELDS if values.get(name, "").strip()}


def _errors(problem: Exception) -> dict[str, str]:
    """Field errors by field name; a problem of the whole form under 'form'."""
    if isinstance(problem, ValidationError):
        return {(".".join(map(str, error["loc"])) or "form"): error["msg"] for error in problem.errors()}
    details = {detail["field"]: detail["message"] for detail in problem.details if "field" in detail}
    return details or {"form": problem.message}
