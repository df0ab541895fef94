"""Needs: HTML pages and htmx fragments (list, form, matching, mission and partner demand)."""

from fastapi import APIRouter, Request
from pydantic import ValidationError

from readiness.accounts.scope import Actor
from readiness.errors import Invalid
from readiness.models import NeedStatus, SupportCategory
from readiness.needs import service
from readiness.needs.repository import NeedFilter
from readiness.needs.schemas import NeedCreate, NeedFields, NeedUpdate
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
FIELDS = ("country", "category", "course", "capability", "quantity", "needed_by", "note")
PER_PAGE = 50


def _listing(country: str, category: str, status: str, course: str, page: int) -> ListQuery:
    filters = {"country": country.upper(), "category": category, "status": status, "course": course}
    return ListQuery.read(filters, "", "asc", page, sort_keys=(), default_sort="")


def _filter(listing: ListQuery) -> NeedFilter:
    values = {name: value or None for name, value in listing.filters.items()}
    return NeedFilter(**values)


def _choices(session, actor: Actor) -> dict:
    return {"countries": service.country_choices(session, actor=actor), "courses": service.course_choices(session),
            "categories": list(SupportCategory), "statuses": list(NeedStatus)}


@router.get("/needs", name="needs")
def needs_page(request: Request, actor: CurrentActor, session: SessionDep, country: str = "", category: str = "",
               status: str = "", course: str = "", page: int = 1):
    listing = _listing(country, category, status, course, page)
    result = service.needs_page(session, actor=actor, filters=_filter(listing),
                                paging=PageRequest(listing.page, PER_PAGE))
    context = {"result": result, "listing": listing, "actor": actor, "can_state": service.can_state_needs(actor),
               **_choices(session, actor), **service.demand_links(session, actor=actor)}
    return render(request, "needs/index.html", context, block="rows")


@router.get("/needs.{fmt}", name="export_needs")
def export_needs(fmt: str, actor: CurrentActor, session: SessionDep, country: str = "", category: str = "",
                 status: str = "", course: str = ""):
    listing = _listing(country, category, status, course, 1)
    needs = service.list_needs(session, actor=actor, filters=_filter(listing))
    header = [_("Country"), _("Category"), _("Course"), _("Capability"), _("Quantity"), _("Needed by"),
              _("Status"), _("Note"), _("Recorded by")]
    # A list, not a generator: the labels are translated now, in the request's language.
    rows = [[n.country, label("support_category", n.category), n.course, n.capability, n.quantity, n.needed_by,
             label("need_status", n.status), n.note, n.recorded_by] for n in needs]
    return download(fmt, "needs", header, rows, sheet=_("Needs"))


@router.get("/needs/new", name="new_need")
def new_need_page(request: Request, actor: CurrentActor, session: SessionDep):
    return _form(request, session, actor, {"country": actor.country_code or "", "quantity": "1",
                                           "category": SupportCategory.training.value})


def _form(request: Request, session, actor: Actor, values: dict, errors: dict | None = None,
          need_id: int | None = None, status_code: int = 200):
    context = {"values": values, "errors": errors or {}, "need_id": need_id, "actor": actor,
               **_choices(session, actor)}
    template = "needs/_form.html" if wants_fragment(request) else "needs/form.html"
    return render(request, template, context, status_code=form_status(request, status_code))


@router.post("/needs", name="create_need")
def create_need(request: Request, actor: CurrentActor, session: SessionDep, values: FormValues):
    try:
        need = service.create_need(session, actor=actor, fields=NeedCreate.model_validate(_submitted(values)))
    except (ValidationError, Invalid) as problem:
        return _form(request, session, actor, values, _errors(problem), status_code=422)
    return see_other(request, f"/needs/matching?country={need.country}#need-{need.id}")


@router.get("/needs/matching", name="needs_matching")
def matching_page(request: Request, actor: CurrentActor, session: SessionDep, country: str = ""):
    countries = service.country_choices(session, actor=actor)
    chosen = service.matching_country(actor, country, countries)
    matching = service.country_matching(session, actor=actor, country=chosen) if chosen else None
    context = {"matching": matching, "countries": countries, "chosen": chosen, "actor": actor}
    return render(request, "needs/matching.html", context, block="matches")


@router.get("/needs/missions/{acronym}", name="mission_demand")
def mission_demand_page(request: Request, acronym: str, actor: CurrentActor, session: SessionDep):
    demand = service.mission_demand(session, actor=actor, acronym=acronym)
    return render(request, "needs/mission.html", {"demand": demand, "actor": actor})


@router.get("/needs/partners/{code}", name="partner_demand")
def partner_demand_page(request: Request, code: str, actor: CurrentActor, session: SessionDep):
    demand = service.partner_demand(session, actor=actor, code=code)
    return render(request, "needs/partner.html", {"demand": demand, "actor": actor})


@router.get("/needs/{need_id}/edit", name="edit_need")
def edit_need_page(request: Request, need_id: int, actor: CurrentActor, session: SessionDep):
    stored = service.get_need(session, actor=actor, need_id=need_id)
    return _form(request, session, actor, stored.model_dump(mode="json"), need_id=need_id)


@router.post("/needs/{need_id}", name="update_need")
def update_need(request: Request, need_id: int, actor: CurrentActor, session: SessionDep, values: FormValues):
    service.get_need(session, actor=actor, need_id=need_id)
    try:
        fields = NeedFields.model_validate(_submitted(values))
        changes = NeedUpdate(**fields.model_dump(), status=values.get("status") or None)
        service.update_need(session, actor=actor, need_id=need_id, changes=changes)
    except (ValidationError, Invalid) as problem:
        return _form(request, session, actor, values, _errors(problem), need_id, status_code=422)
    return see_other(request, "/needs")


@router.post("/needs/{need_id}/withdraw", name="withdraw_need")
def withdraw_need(request: Request, need_id: int, actor: CurrentActor, session: SessionDep):
    need = service.withdraw_need(session, actor=actor, need_id=need_id)
    if wants_fragment(request):
        return render(request, "needs/_row.html", {"need": need, "actor": actor})
    return see_other(request, "/needs")


def _submitted(values: dict) -> dict:
    """The form's fields, empty ones left out (so that defaults and 'required' apply)."""
    return {name: values[name] for name in FIELDS if values.get(name, "").strip()}


def _errors(problem: Exception) -> dict[str, str]:
    """Field errors by field name; a problem of the whole form under 'form'."""
    if isinstance(problem, ValidationError):
        return {(".".join(map(str, error["loc"])) or "form"): _message(error) for error in problem.errors()}
    details = {detail["field"]: detail["message"] for detail in problem.details if "field" in detail}
    return details or {"form": problem.message}


def _message(error: dict) -> str:
    # A model rule's ValueError comes back as "Value error, <our message>": show only ours.
    context = error.get("ctx") or {}
    return str(context["error"]) if "error" in context else error["msg"]
