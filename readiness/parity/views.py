"""Parity: HTML pages and htmx fragments (the parity overview, the targets, a unit's section)."""

from datetime import date

from fastapi import APIRouter, Request
from pydantic import ValidationError

from readiness.errors import Invalid, ReadinessError
from readiness.models import ParityCategory
from readiness.parity import rules, service
from readiness.parity.schemas import TargetIn
from readiness.web.auth import CurrentActor, form_status, see_other
from readiness.web.deps import SessionDep
from readiness.web.exports import download
from readiness.web.forms import FormValues
from readiness.web.i18n import gettext as _
from readiness.web.labels import label
from readiness.web.listing import ListQuery
from readiness.web.templating import render, wants_fragment

router = APIRouter()
PER_PAGE = 50
SORT_KEYS = ("unit", "country", "women_pct")
COLOUR_CHOICES = (*rules.COLOURS, "none")
TARGET_FIELDS = ("year", "category", "target_pct", "source")


def _as_of(text: str) -> date:
    try:
        return date.fromisoformat(text.strip()) if text.strip() else date.today()
    except ValueError:
        message = _("Enter the as-of date as YYYY-MM-DD.")
        raise Invalid(message, details=[{"field": "as_of", "message": message}]) from None


def _listing(as_of: date, country: str, category: str, colour: str, sort: str, dir: str, page: int) -> ListQuery:
    filters = {"as_of": as_of.isoformat(), "country": country,
               "category": category if category in ParityCategory.__members__ else "",
               "colour": colour if colour in COLOUR_CHOICES else ""}
    return ListQuery.read(filters, sort, dir, page, sort_keys=SORT_KEYS, default_sort="unit")


UNIT_SORTS = {"unit": lambda u: u.unit, "country": lambda u: (u.country, u.unit),
              "women_pct": lambda u: (u.women_pct, u.unit)}


@router.get("/parity", name="parity")
def parity_page(request: Request, actor: CurrentActor, session: SessionDep, as_of: str = "", country: str = "",
                category: str = "", colour: str = "", sort: str = "unit", dir: str = "asc", page: int = 1):
    day = _as_of(as_of)
    listing = _listing(day, country, category, colour, sort, dir, page)
    report = service.parity_report(session, actor=actor, as_of=day, today=date.today())
    shown = service.filter_units(report.units, country=listing.filters["country"] or None,
                                 category=listing.filters["category"] or None, colour=listing.filters["colour"] or None)
    context = {"report": report, "listing": listing, "units": listing.paged(shown, UNIT_SORTS, PER_PAGE),
               "countries": sorted({u.country for u in report.units}), "categories": list(ParityCategory),
               "colours": COLOUR_CHOICES, "sessions_shown": service.SESSIONS_SHOWN}
    return render(request, "parity/index.html", context, block="results")


@router.get("/parity.{fmt}", name="export_parity")
def export_parity(fmt: str, actor: CurrentActor, session: SessionDep, as_of: str = ""):
    day = _as_of(as_of)
    countries = service.country_shares(service.unit_shares(session, actor=actor, as_of=day))
    header = [_("As of"), _("Country"), _("Category"), _("Units"), _("Strength"), _("Women"), _("Women %"),
              _("Target %"), _("Colour")]
    rows = ([day, c.country, label("parity_category", c.category), c.units, c.strength, c.women, c.women_pct,
             c.target_pct, _colour_text(c.colour)] for c in countries)
    return download(fmt, f"gender-parity-{day.isoformat()}", header, rows, sheet=_("Gender parity"))


def _colour_text(colour: str | None) -> str:
    return label("parity_colour", colour) if colour else _("No one on the roster")


# --- targets -------------------------------------------------------------------------------


def _targets(request: Request, session, actor, *, values: dict | None = None, errors: dict | None = None,
             saved: bool = False, removed: bool = False, block: str = "targets", status_code: int = 200):
    context = {"table": service.targets_table(session, this_year=date.today().year), "values": values or {},
               "errors": errors or {}, "saved": saved, "removed": removed,
               "can_keep": actor.can_keep_parity_targets(),
               "categories": list(ParityCategory)}
    return render(request, "parity/targets.html", context, block=block,
                  status_code=form_status(request, status_code))


@router.get("/parity/targets", name="parity_targets")
def targets_page(request: Request, actor: CurrentActor, session: SessionDep):
    return _targets(request, session, actor)


@router.get("/parity/targets/form", name="parity_target_form")
def target_form(request: Request, actor: CurrentActor, session: SessionDep, year: int | None = None,
                category: str = ""):
    """The form filled with one target (to change it): alone for htmx, in the page otherwise."""
    service.require_target_keeper(actor)
    values = {"year": str(year or date.today().year), "category": category}
    stored = next((t for t in service.list_targets(session) if t.year == year and t.category == category), None)
    if stored is not None:
        values.update(target_pct=f"{stored.target_pct:g}", source=stored.source or "")
    return _targets(request, session, actor, values=values, block="form")


@router.post("/parity/targets", name="save_parity_target")
def save_target(request: Request, actor: CurrentActor, session: SessionDep, values: FormValues):
    try:
        fields = TargetIn.model_validate({name: values[name] for name in TARGET_FIELDS if values.get(name, "").strip()})
        service.save_target(session, actor=actor, fields=fields)
    except ValidationError as problem:
        return _targets(request, session, actor, values=values, errors=_errors(problem), status_code=422)
    except ReadinessError as problem:
        if problem.status_code == 403:
            raise
        return _targets(request, session, actor, values=values, errors={"form": problem.message}, status_code=422)
    if not wants_fragment(request):
        return see_other(request, "/parity/targets")
    return _targets(request, session, actor, saved=True)


@router.post("/parity/targets/{year}/{category}/delete", name="delete_parity_target")
def delete_target(year: int, category: ParityCategory, request: Request, actor: CurrentActor,
                  session: SessionDep):
    service.delete_target(session, actor=actor, year=year, category=category)
    if not wants_fragment(request):
        return see_other(request, "/parity/targets")
    return _targets(request, session, actor, removed=True)


def _errors(problem: ValidationError) -> dict[str, str]:
    return {(".".join(map(str, error["loc"])) or "form"): error["msg"] for error in problem.errors()}


# --- a unit's section ------------------------------------------------------------------------


@router.get("/units/{code}/parity", name="unit_parity")
def unit_parity(code: str, request: Request, actor: CurrentActor, session: SessionDep, as_of: str = ""):
    parity = service.unit_parity(session, actor=actor, code=code, as_of=_as_of(as_of))
    return render(request, "parity/unit.html", {"parity": parity, "code": code}, block="section")
