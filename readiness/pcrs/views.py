"""PCRS: the unit page's level-and-visits section with its edit form, and the page of every unit's level."""

from datetime import date

from fastapi import APIRouter, Request
from pydantic import ValidationError

from readiness.errors import Invalid, ReadinessError
from readiness.models import PcrsLevel
from readiness.pcrs import service
from readiness.pcrs.schemas import DATE_FIELDS, PcrsFields
from readiness.web.auth import CurrentActor, form_status
from readiness.web.deps import SessionDep
from readiness.web.forms import FormValues
from readiness.web.i18n import gettext as _
from readiness.web.listing import ListQuery
from readiness.web.pagination import PageRequest
from readiness.web.templating import render, wants_fragment

router = APIRouter()
PER_PAGE = 50
LEVEL_CHOICES = (*[level.value for level in PcrsLevel], "none")


@router.get("/pcrs", name="pcrs")
def pcrs_page(request: Request, actor: CurrentActor, session: SessionDep, country: str = "", level: str = "",
              warnings: str = "", page: int = 1):
    listing = ListQuery.read({"country": country.upper(), "level": level if level in LEVEL_CHOICES else "",
                              "warnings": "1" if warnings else ""}, "", "", page, sort_keys=(), default_sort="")
    filters = service.PcrsFilter(country=listing.filters["country"] or None, level=listing.filters["level"] or None,
                                 with_warnings=bool(listing.filters["warnings"]))
    result = service.pcrs_page(session, actor=actor, filters=filters, paging=PageRequest(listing.page, PER_PAGE),
                               on=date.today())
    context = {"result": result, "listing": listing, "levels": LEVEL_CHOICES,
               "countries": service.country_choices(session, actor=actor)}
    return render(request, "pcrs/list.html", context, block="rows")


@router.get("/units/{code}/pcrs", name="unit_pcrs")
def unit_pcrs(code: str, request: Request, actor: CurrentActor, session: SessionDep, edit: int = 0):
    pcrs = service.unit_pcrs(session, actor=actor, code=code, on=date.today())
    return _section(request, actor, pcrs, editing=bool(edit))


def _section(request: Request, actor, pcrs, *, values: dict | None = None, errors: dict | None = None,
             editing: bool = False, saved: bool = False, status_code: int = 200):
    context = {"pcrs": pcrs, "code": pcrs.unit, "can_keep": service.can_keep(actor, pcrs.country),
               "editing": editing or bool(errors), "errors": errors or {}, "saved": saved,
               "values": values or pcrs.model_dump(mode="json"), "levels": [level.value for level in PcrsLevel],
               "date_fields": DATE_FIELDS, "in_page": wants_fragment(request)}
    return render(request, "pcrs/section.html", context, block="section",
                  status_code=form_status(request, status_code))


@router.post("/units/{code}/pcrs", name="update_unit_pcrs")
def update_unit_pcrs(code: str, request: Request, actor: CurrentActor, session: SessionDep, values: FormValues):
    today = date.today()
    current = service.unit_pcrs(session, actor=actor, code=code, on=today)
    try:
        fields = PcrsFields.model_validate({name: value for name, value in values.items()
                                            if name in PcrsFields.model_fields and value.strip()})
        updated = service.update_pcrs(session, actor=actor, code=code, fields=fields, on=today)
    except (ValidationError, Invalid) as problem:
        return _section(request, actor, current, values=values, errors=_errors(problem), status_code=422)
    return _section(request, actor, updated, saved=True)


def _errors(problem: ReadinessError | ValidationError) -> dict[str, str]:
    if isinstance(problem, ValidationError):
        return {".".join(map(str, e["loc"])) or "form": _("Enter a date as YYYY-MM-DD.")
                if "date" in e["type"] else _("Choose a level from the list.") for e in problem.errors()}
    return {"form": problem.message}
