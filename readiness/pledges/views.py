"""Pages: the pledges list, a ministerial with its pledges, a pledge with its progress notes, and the forms."""

from datetime import date

from fastapi import APIRouter, Request
from pydantic import ValidationError

from readiness.accounts.scope import Actor
from readiness.errors import Forbidden, ReadinessError
from readiness.models import PledgeCategory, PledgeStatus
from readiness.pledges import service
from readiness.pledges.schemas import NoteCreate, PledgeCreate, PledgeFilter, PledgePatch
from readiness.web.auth import CurrentActor, form_status, see_other
from readiness.web.deps import SessionDep
from readiness.web.exports import download
from readiness.web.forms import FormValues
from readiness.web.i18n import gettext as _
from readiness.web.labels import label
from readiness.web.listing import ListQuery
from readiness.web.pagination import PageRequest
from readiness.web.templating import render, wants_fragment

router = APIRouter()
SORT_KEYS = ("event", "country", "category", "status")
PER_PAGE = 25
FIELDS = ("event", "country", "category", "detail", "status", "unit")


def _listing(event: str, country: str, category: str, status: str, sort: str, dir: str, page: int) -> ListQuery:
    filters = {"event": event, "country": country,
               "category": category if category in PledgeCategory.__members__ else "",
               "status": status if status in PledgeStatus.__members__ else ""}
    return ListQuery.read(filters, sort, dir, page, sort_keys=SORT_KEYS, default_sort="event")


def _filter(listing: ListQuery) -> PledgeFilter:
    return PledgeFilter(**{name: value or None for name, value in listing.filters.items()})


@router.get("/pledges", name="pledges")
def pledges_page(request: Request, actor: CurrentActor, session: SessionDep, event: str = "", country: str = "",
                 category: str = "", status: str = "", sort: str = "event", dir: str = "desc", page: int = 1):
    listing = _listing(event, country, category, status, sort, dir, page)
    result = service.pledges_page(session, actor=actor, filters=_filter(listing),
                                  paging=PageRequest(listing.page, PER_PAGE), sort=listing.sort,
                                  descending=listing.descending)
    context = {"result": result, "listing": listing, "may_create": service.may_create(actor),
               "categories": list(PledgeCategory), "statuses": list(PledgeStatus),
               **service.filter_choices(session, actor=actor)}
    return render(request, "pledges/list.html", context, block="rows")


@router.get("/pledges.{fmt}", name="export_pledges")
def export_pledges(fmt: str, actor: CurrentActor, session: SessionDep, event: str = "", country: str = "",
                   category: str = "", status: str = "", sort: str = "event", dir: str = "desc"):
    listing = _listing(event, country, category, status, sort, dir, 1)
    found = service.list_pledges(session, actor=actor, filters=_filter(listing), sort=listing.sort,
                                 descending=listing.descending)
    header = [_("Ministerial"), _("Country"), _("Category"), _("Detail"), _("Status"), _("Unit"), _("Recorded by")]
    rows = ([p.event_name, p.country, label("pledge_category", p.category), p.detail,
             label("pledge_status", p.status), p.unit, p.recorded_by] for p in found)
    return download(fmt, "pledges", header, rows, sheet=_("Pledges"))


@router.get("/pledges/new", name="new_pledge")
def new_pledge_page(request: Request, actor: CurrentActor, session: SessionDep, event: str = ""):
    if not service.may_create(actor):
        raise Forbidden(_("Pledges are kept by force generation staff, UN planners and administrators."))
    return _form(request, session, actor, {"event": event, "status": PledgeStatus.announced.value})


@router.post("/pledges", name="create_pledge")
def create_pledge(request: Request, actor: CurrentActor, session: SessionDep, values: FormValues):
    try:
        created = service.create_pledge(session, actor=actor, fields=PledgeCreate.model_validate(_submitted(values)))
    except (ValidationError, ReadinessError) as problem:
        if isinstance(problem, Forbidden):
            raise
        return _form(request, session, actor, values, _errors(problem), status_code=422)
    return see_other(request, f"/pledges/{created.id}")


@router.get("/pledges/events/{code}", name="ministerial")
def ministerial_page(request: Request, code: str, actor: CurrentActor, session: SessionDep, page: int = 1):
    summary = service.event_summary(session, actor=actor, code=code, paging=PageRequest(page, PER_PAGE))
    context = {"summary": summary, "event": summary.event, "result": summary.pledges,
               "may_create": service.may_create(actor), "categories": list(PledgeCategory),
               "statuses": list(PledgeStatus)}
    return render(request, "pledges/event.html", context, block="event_rows")


@router.get("/pledges/unit-options", name="pledge_unit_options")
def unit_options(request: Request, actor: CurrentActor, session: SessionDep, country: str = "", unit: str = ""):
    """The unit choices of the pledge form for the chosen country (swapped in when the country changes)."""
    units = service.unit_choices(session, actor=actor, country_code=country.strip() or None)
    return render(request, "pledges/_unit_options.html", {"units": units, "values": {"unit": unit}})


@router.get("/pledges/{pledge_id}", name="pledge")
def pledge_page(request: Request, pledge_id: int, actor: CurrentActor, session: SessionDep):
    return _pledge_page(request, session, actor, pledge_id)


def _pledge_page(request: Request, session, actor: Actor, pledge_id: int, *, note: dict | None = None,
                 errors: dict | None = None, status_code: int = 200, block: str | None = None):
    pledge = service.get_pledge(session, actor=actor, pledge_id=pledge_id)
    context = {"pledge": pledge, "editable": service.may_keep(actor, pledge.country), "note": note or {},
               "errors": errors or {}, "today": date.today().isoformat()}
    return render(request, "pledges/show.html", context, block=block, status_code=status_code)


@router.post("/pledges/{pledge_id}/notes", name="add_pledge_note")
def add_note(request: Request, pledge_id: int, actor: CurrentActor, session: SessionDep, values: FormValues):
    submitted = {name: values[name] for name in ("noted_on", "text") if values.get(name, "").strip()}
    try:
        service.add_note(session, actor=actor, pledge_id=pledge_id, note=NoteCreate.model_validate(submitted),
                         today=date.today())
    except (ValidationError, ReadinessError) as problem:
        if isinstance(problem, Forbidden):
            raise
        return _pledge_page(request, session, actor, pledge_id, note=values, errors=_errors(problem),
                            status_code=form_status(request, 422), block="notes")
    if wants_fragment(request):
        return _pledge_page(request, session, actor, pledge_id, block="notes")
    return see_other(request, f"/pledges/{pledge_id}")


@router.get("/pledges/{pledge_id}/edit", name="edit_pledge")
def edit_pledge_page(request: Request, pledge_id: int, actor: CurrentActor, session: SessionDep):
    pledge = _editable(session, actor, pledge_id)
    return _form(request, session, actor, pledge.model_dump(mode="json"), pledge_id=pledge_id)


@router.post("/pledges/{pledge_id}", name="update_pledge")
def update_pledge(request: Request, pledge_id: int, actor: CurrentActor, session: SessionDep, values: FormValues):
    _editable(session, actor, pledge_id)
    try:
        patch = PledgePatch.model_validate({"unit": None, **_submitted(values)})
        service.update_pledge(session, actor=actor, pledge_id=pledge_id, patch=patch)
    except (ValidationError, ReadinessError) as problem:
        if isinstance(problem, Forbidden):
            raise
        return _form(request, session, actor, values, _errors(problem), pledge_id, status_code=422)
    return see_other(request, f"/pledges/{pledge_id}")


@router.post("/pledges/{pledge_id}/delete", name="delete_pledge")
def delete_pledge(request: Request, pledge_id: int, actor: CurrentActor, session: SessionDep):
    service.delete_pledge(session, actor=actor, pledge_id=pledge_id)
    return see_other(request, "/pledges")


def _editable(session, actor: Actor, pledge_id: int):
    pledge = service.get_pledge(session, actor=actor, pledge_id=pledge_id)
    if not service.may_keep(actor, pledge.country):
        raise Forbidden(_("A country's pledges are kept by its force generation staff, UN planners and "
                          "administrators."))
    return pledge


def _form(request: Request, session, actor: Actor, values: dict, errors: dict | None = None,
          pledge_id: int | None = None, status_code: int = 200):
    context = {"values": values, "errors": errors or {}, "pledge_id": pledge_id,
               "categories": list(PledgeCategory), "statuses": list(PledgeStatus),
               **service.form_choices(session, actor=actor, country_code=values.get("country") or None)}
    return render(request, "pledges/form.html", context, status_code=form_status(request, status_code))


def _submitted(values: dict) -> dict:
    """The form's fields, empty ones left out (so that defaults and 'required' apply)."""
    return {name: values[name].strip() for name in FIELDS if values.get(name, "").strip()}


def _errors(problem: Exception) -> dict[str, str]:
    if isinstance(problem, ValidationError):
        return {str((error["loc"] or ("form",))[0]): error["msg"] for error in problem.errors()}
    details = {detail["field"].split(".")[0]: detail["message"] for detail in problem.details if "field" in detail}
    return details or {"form": problem.message}
