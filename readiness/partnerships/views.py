"""Pages: the partnerships list (filters, sort, exports), a partnership, and the form to record one."""

from typing import Annotated

from fastapi import APIRouter, Depends, Request
from pydantic import ValidationError

from readiness.accounts.scope import Actor
from readiness.errors import Forbidden, ReadinessError
from readiness.models import PartnershipStatus, SupportCategory
from readiness.partnerships import service
from readiness.partnerships.schemas import PartnershipCreate, PartnershipFilter, PartnershipPatch
from readiness.web.auth import CurrentActor, form_status, see_other
from readiness.web.deps import SessionDep
from readiness.web.exports import download
from readiness.web.i18n import gettext as _
from readiness.web.labels import label
from readiness.web.listing import ListQuery
from readiness.web.pagination import PageRequest
from readiness.web.templating import render

router = APIRouter()
SORT_KEYS = ("start_on", "end_on", "partner", "country", "title", "status")
PER_PAGE = 25
TEXT_FIELDS = ("partner", "country", "title", "start_on", "end_on", "status", "note")


async def posted_partnership(request: Request) -> dict:
    """The posted form, with the categories and courses chosen (several values each)."""
    form = await request.form()
    values = {name: value for name, value in form.items() if isinstance(value, str)}
    values["categories"] = [value for value in form.getlist("categories") if isinstance(value, str)]
    values["courses"] = [value for value in form.getlist("courses") if isinstance(value, str)]
    return values


PostedPartnership = Annotated[dict, Depends(posted_partnership)]


def _listing(partner: str, country: str, category: str, status: str, long_term: str, sort: str, dir: str,
             page: int) -> ListQuery:
    filters = {"partner": partner, "country": country,
               "category": category if category in SupportCategory.__members__ else "",
               "status": status if status in PartnershipStatus.__members__ else "",
               "long_term": long_term if long_term in ("yes", "no") else ""}
    return ListQuery.read(filters, sort, dir, page, sort_keys=SORT_KEYS, default_sort="start_on")


def _filter(listing: ListQuery) -> PartnershipFilter:
    values = listing.filters
    long_term = {"yes": True, "no": False}.get(values["long_term"])
    return PartnershipFilter(partner=values["partner"] or None, country=values["country"] or None,
                             category=values["category"] or None, status=values["status"] or None,
                             long_term=long_term)


@router.get("/partnerships", name="partnerships")
def partnerships_page(request: Request, actor: CurrentActor, session: SessionDep, partner: str = "",
                      country: str = "", category: str = "", status: str = "", long_term: str = "",
                      sort: str = "start_on", dir: str = "desc", page: int = 1):
    listing = _listing(partner, country, category, status, long_term, sort, dir, page)
    result = service.partnerships_page(session, actor=actor, filters=_filter(listing),
                                       paging=PageRequest(listing.page, PER_PAGE), sort=listing.sort,
                                       descending=listing.descending)
    context = {"result": result, "listing": listing, "may_create": service.may_create(actor),
               "categories": list(SupportCategory), "statuses": list(PartnershipStatus),
               **service.filter_choices(session, actor=actor)}
    return render(request, "partnerships/list.html", context, block="rows")


@router.get("/partnerships.{fmt}", name="export_partnerships")
def export_partnerships(fmt: str, actor: CurrentActor, session: SessionDep, partner: str = "", country: str = "",
                        category: str = "", status: str = "", long_term: str = "", sort: str = "start_on",
                        dir: str = "desc"):
    listing = _listing(partner, country, category, status, long_term, sort, dir, 1)
    found = service.list_partnerships(session, actor=actor, filters=_filter(listing), sort=listing.sort,
                                      descending=listing.descending)
    header = [_("Partner"), _("Recipient country"), _("Title"), _("Categories"), _("Courses"), _("Starts"),
              _("Ends"), _("Long-term"), _("Status"), _("Note")]
    rows = ([p.partner, p.country, p.title, "; ".join(label("support_category", c) for c in p.categories),
             "; ".join(p.courses), p.start_on, p.end_on, _("yes") if p.long_term else _("no"),
             label("partnership_status", p.status), p.note] for p in found)
    return download(fmt, "partnerships", header, rows, sheet=_("Partnerships"))


@router.get("/partnerships/new", name="new_partnership")
def new_partnership_page(request: Request, actor: CurrentActor, session: SessionDep):
    if not service.may_create(actor):
        raise Forbidden(_("Partnerships are recorded by partners, force generation staff and administrators."))
    values = {"status": PartnershipStatus.planned.value, "categories": [], "courses": []}
    return _form(request, session, actor, values)


@router.post("/partnerships", name="create_partnership")
def create_partnership(request: Request, actor: CurrentActor, session: SessionDep, values: PostedPartnership):
    try:
        fields = PartnershipCreate.model_validate(_submitted(values))
        created = service.create_partnership(session, actor=actor, fields=fields)
    except (ValidationError, ReadinessError) as problem:
        if isinstance(problem, Forbidden):
            raise
        return _form(request, session, actor, values, _errors(problem), status_code=422)
    return see_other(request, f"/partnerships/{created.id}")


@router.get("/partnerships/{partnership_id}", name="partnership")
def partnership_page(request: Request, partnership_id: int, actor: CurrentActor, session: SessionDep):
    partnership = service.get_partnership(session, actor=actor, partnership_id=partnership_id)
    context = {"partnership": partnership,
               "editable": service.may_edit(session, actor=actor, partnership_id=partnership_id)}
    return render(request, "partnerships/show.html", context)


@router.get("/partnerships/{partnership_id}/edit", name="edit_partnership")
def edit_partnership_page(request: Request, partnership_id: int, actor: CurrentActor, session: SessionDep):
    stored = _editable(session, actor, partnership_id)
    values = stored.model_dump(mode="json")
    return _form(request, session, actor, values, partnership_id=partnership_id)


@router.post("/partnerships/{partnership_id}", name="update_partnership")
def update_partnership(request: Request, partnership_id: int, actor: CurrentActor, session: SessionDep,
                       values: PostedPartnership):
    _editable(session, actor, partnership_id)
    try:
        patch = PartnershipPatch.model_validate(_submitted(values, patch=True))
        service.update_partnership(session, actor=actor, partnership_id=partnership_id, patch=patch)
    except (ValidationError, ReadinessError) as problem:
        if isinstance(problem, Forbidden):
            raise
        return _form(request, session, actor, values, _errors(problem), partnership_id, status_code=422)
    return see_other(request, f"/partnerships/{partnership_id}")


@router.post("/partnerships/{partnership_id}/delete", name="delete_partnership")
def delete_partnership(request: Request, partnership_id: int, actor: CurrentActor, session: SessionDep):
    service.delete_partnership(session, actor=actor, partnership_id=partnership_id)
    return see_other(request, "/partnerships")


def _editable(session, actor: Actor, partnership_id: int):
    stored = service.get_partnership(session, actor=actor, partnership_id=partnership_id)
    if not service.may_edit(session, actor=actor, partnership_id=partnership_id):
        raise Forbidden(_("Only the partner, the recipient country's force generation staff and "
                          "administrators may change this partnership."))
    return stored


def _form(request: Request, session, actor: Actor, values: dict, errors: dict | None = None,
          partnership_id: int | None = None, status_code: int = 200):
    context = {"values": values, "errors": errors or {}, "partnership_id": partnership_id,
               "categories": list(SupportCategory), "statuses": list(PartnershipStatus),
               **service.form_choices(session, actor=actor)}
    return render(request, "partnerships/form.html", context, status_code=form_status(request, status_code))


def _submitted(values: dict, *, patch: bool = False) -> dict:
    """The form's fields: empty ones left out (so defaults apply), the check box as a boolean."""
    fields = {name: values[name].strip() for name in TEXT_FIELDS if values.get(name, "").strip()}
    if patch:
        fields.setdefault("end_on", None)
        fields.setdefault("note", None)
    fields["categories"] = values.get("categories", [])
    fields["courses"] = values.get("courses", [])
    fields["long_term"] = values.get("long_term") in ("on", "true", "1")
    return fields


def _errors(problem: Exception) -> dict[str, str]:
    """Field errors by field name; a problem of the whole form under 'form'."""
    if isinstance(problem, ValidationError):
        # The one check across fields is the order of the dates: its message belongs by the end date.
        return {str((error["loc"] or ("end_on",))[0]): error["msg"] for error in problem.errors()}
    details = {detail["field"].split(".")[0]: detail["message"] for detail in problem.details if "field" in detail}
    return details or {"form": problem.message}
