"""Pages: log one completion (htmx person look-up, inline validation, recent list), edit and delete."""

from datetime import date
from urllib.parse import urlencode

from fastapi import APIRouter, Request

from readiness.accounts.scope import Actor
from readiness.completions import service
from readiness.completions.entry import read_entry
from readiness.course_sessions import service as course_sessions
from readiness.errors import Forbidden, NotFound, ReadinessError
from readiness.web.auth import CurrentActor, form_status, see_other
from readiness.web.deps import SessionDep
from readiness.web.exports import csv_response, xlsx_response
from readiness.web.forms import FormValues
from readiness.web.i18n import gettext as _
from readiness.web.labels import label
from readiness.web.pagination import PageRequest
from readiness.web.templating import render, wants_fragment

router = APIRouter()
LOG_PER_PAGE = 50


def _require_logging(actor: Actor) -> None:
    if not service.may_log(actor):
        raise Forbidden(_("Completions are logged by training centres (and administrators). Your role "
                          "reads them."))


def _form_context(session, actor: Actor, values: dict, errors: dict | None = None, **extra) -> dict:
    return {"values": values, "errors": errors or {}, "actor": actor,
            "courses": service.course_choices(session), "sessions": course_sessions.choices(session, actor=actor),
            **extra}


@router.get("/completions/new", name="new_completion")
def new_completion_page(request: Request, actor: CurrentActor, session: SessionDep):
    _require_logging(actor)
    context = _form_context(session, actor, _blank())
    context["recent"] = service.recent_completions(session, actor=actor)
    return render(request, "completions/new.html", context)


def _blank() -> dict:
    return {"completed_on": date.today().isoformat(), "result": "passed"}


@router.get("/completions/person", name="completion_person")
def person_lookup(request: Request, actor: CurrentActor, session: SessionDep, service_number: str = "",
                  country: str = ""):
    """Who the service number is: name and unit, or not found (an htmx fragment)."""
    person = service.find_person(session, actor=actor, service_number=service_number, country=country)
    return render(request, "completions/_person.html",
                  {"person": person, "service_number": service_number.strip()})


@router.post("/completions/validate", name="validate_completion")
def validate_field(request: Request, actor: CurrentActor, values: FormValues):
    """The error of the field being typed in (named by HX-Trigger-Name), or nothing."""
    _entry, errors = read_entry(values)
    field = request.headers.get("HX-Trigger-Name", "")
    return render(request, "completions/_field_error.html", {"error": errors.get(field)})


@router.post("/completions", name="create_completion")
def create_completion(request: Request, actor: CurrentActor, session: SessionDep, values: FormValues):
    entry, errors = read_entry(values)
    if entry is not None:
        try:
            completion = service.create_completion(session, actor=actor, entry=entry)
        except ReadinessError as problem:
            errors = _field_errors(problem)
            status = problem.status_code
        else:
            return _saved(request, session, actor, completion.id)
    else:
        status = 422
    context = _form_context(session, actor, values, errors, recent=service.recent_completions(session, actor=actor))
    template = "completions/_form.html" if wants_fragment(request) else "completions/new.html"
    return render(request, template, context, status_code=form_status(request, status))


def _saved(request: Request, session, actor: Actor, completion_id: int):
    """After a save: an empty form, and (out of band) the recent list with the new completion."""
    if not wants_fragment(request):
        return see_other(request, "/completions/new")
    context = _form_context(session, actor, _blank(), saved_id=completion_id,
                            recent=service.recent_completions(session, actor=actor))
    return render(request, "completions/_saved.html", context)


def _field_errors(problem: ReadinessError) -> dict[str, str]:
    errors = {detail["field"]: detail["message"] for detail in problem.details if "field" in detail}
    return errors or {"form": problem.message}


@router.get("/completions/{completion_id}/edit", name="edit_completion")
def edit_completion_page(request: Request, completion_id: int, actor: CurrentActor, session: SessionDep):
    completion = service.editable_completion(session, actor=actor, completion_id=completion_id)
    values = service.entry_values(session, completion)
    context = _form_context(session, actor, values, completion_id=completion_id)
    return render(request, "completions/edit.html", context)


@router.post("/completions/{completion_id}", name="update_completion")
def update_completion(request: Request, completion_id: int, actor: CurrentActor, session: SessionDep,
                      values: FormValues):
    completion = service.editable_completion(session, actor=actor, completion_id=completion_id)
    values = {**values, **_fixed_person(service.entry_values(session, completion))}
    entry, errors = read_entry(values)
    status = 422
    if entry is not None:
        try:
            service.update_completion(session, actor=actor, completion_id=completion_id, entry=entry)
            return see_other(request, "/completions/new")
        except ReadinessError as problem:
            errors, status = _field_errors(problem), problem.status_code
    context = _form_context(session, actor, values, errors, completion_id=completion_id)
    return render(request, "completions/edit.html", context, status_code=form_status(request, status))


def _fixed_person(stored: dict) -> dict:
    """An edit keeps the completion's person, whatever the form sends."""
    return {"service_number": stored["service_number"], "country": stored["country"]}


@router.post("/completions/{completion_id}/delete", name="delete_completion")
def delete_completion(request: Request, completion_id: int, actor: CurrentActor, session: SessionDep):
    service.delete_completion(session, actor=actor, completion_id=completion_id)
    if not wants_fragment(request):
        return see_other(request, "/completions/new")
    recent = service.recent_completions(session, actor=actor)
    return render(request, "completions/_recent.html", {"recent": recent})


# --- The completions log: filters in the URL, a results block for htmx, CSV and XLSX of the filtered list. ---

def _log_query(filters: service.CompletionFilter) -> str:
    """The filters as a query string (without the page), for page links and exports."""
    values = {"q": filters.text, "course": filters.course, "result": filters.result, "centre": filters.centre,
              "date_from": filters.date_from.isoformat() if filters.date_from else None,
              "date_to": filters.date_to.isoformat() if filters.date_to else None,
              "sort": filters.sort if filters.sort != "newest" else None}
    return urlencode({name: value for name, value in values.items() if value})


@router.get("/completions", name="completions_log")
def completions_log(request: Request, actor: CurrentActor, session: SessionDep, q: str = "", course: str = "",
                    result: str = "", centre: str = "", date_from: str = "", date_to: str = "", sort: str = "",
                    page: int = 1):
    filters = service.log_filter(course=course, result=result, centre=centre, date_from=date_from,
                                 date_to=date_to, q=q, sort=sort)
    found = service.search_completions(session, actor=actor, filters=filters,
                                       paging=PageRequest(page, LOG_PER_PAGE))
    context = {"result": found, "filters": filters, "query": _log_query(filters),
               **service.log_choices(session)}
    return render(request, "completions/log.html", context, block="results")


@router.get("/completions.{fmt}", name="export_completions")
def export_completions(fmt: str, actor: CurrentActor, session: SessionDep, q: str = "", course: str = "",
                       result: str = "", centre: str = "", date_from: str = "", date_to: str = "",
                       sort: str = ""):
    if fmt not in ("csv", "xlsx"):
        raise NotFound(_("Exports are CSV or XLSX."))
    filters = service.log_filter(course=course, result=result, centre=centre, date_from=date_from,
                                 date_to=date_to, q=q, sort=sort)
    completions = service.export_completions(session, actor=actor, filters=filters)
    header = [_("Date"), _("Country"), _("Service number"), _("Family name"), _("Given name"), _("Course"),
              _("Result"), _("Score"), _("Waiver reason"), _("Centre"), _("Source"), _("Source reference"),
              _("Recorded by"), _("Recorded at")]
    rows = ([c.completed_on, c.country, c.service_number, c.family_name, c.given_name, c.course,
             label("result", c.result), c.score, c.waiver_reason, c.centre, c.source, c.source_ref,
             c.recorded_by, c.recorded_at.replace(tzinfo=None)] for c in completions)
    if fmt == "csv":
        return csv_response("completions.csv", header, rows)
    return xlsx_response("completions.xlsx", header, rows, sheet=_("Completions"))
