"""Pages: the units list (filters, search, sort, exports) and the unit page (readiness card, people)."""

from datetime import UTC, date, datetime

from fastapi import APIRouter, Request

from readiness.errors import Invalid, NotFound
from readiness.models import PcrsLevel, UnitStatus
from readiness.units import service
from readiness.units.schemas import (
    READINESS_CHOICES,
    SORT_KEYS,
    UnitFilter,
    UnitListQuery,
)
from readiness.web import charts
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep
from readiness.web.exports import csv_response, xlsx_response
from readiness.web.i18n import gettext as _
from readiness.web.templating import render

router = APIRouter()


@router.get("/units", name="units")
def units_page(request: Request, actor: CurrentActor, session: SessionDep, country: str = "",
               unit_type: str = "", pcrs_level: str = "", mission: str = "", status: str = "",
               readiness: str = "", q: str = "", sort: str = "code", dir: str = "asc", page: int = 1):
    listing = _listing(country, unit_type, pcrs_level, mission, status, readiness, q, sort, dir, page)
    result = service.list_page(session, actor=actor, listing=listing, on=date.today())
    context = {"result": result, "listing": listing,
               "flagged": service.flagged_codes(session, result.items, date.today()),
               "choices": service.filter_choices(session, actor=actor),
               "pcrs_levels": [level.value for level in PcrsLevel],
               "statuses": [status.value for status in UnitStatus], "readiness_choices": READINESS_CHOICES}
    return render(request, "units/index.html", context, block="results")


@router.get("/units/export/{fmt}", name="export_units")
def export_units(fmt: str, actor: CurrentActor, session: SessionDep, country: str = "", unit_type: str = "",
                 pcrs_level: str = "", mission: str = "", status: str = "", readiness: str = "", q: str = "",
                 sort: str = "code", dir: str = "asc"):
    listing = _listing(country, unit_type, pcrs_level, mission, status, readiness, q, sort, dir, 1)
    units = service.units_with_readiness(session, actor=actor, listing=listing, on=date.today())
    header = [_("Unit"), _("Name"), _("Country"), _("Unit type"), _("PCRS level"), _("Target mission"),
              _("Planned deployment"), _("Status"), _("Strength"), _("Women"), _("Target requirement"),
              _("Readiness"), _("Score")]
    rows = ([u.code, u.name, u.country, u.unit_type, u.pcrs_level, u.target_mission, u.planned_deployment,
             u.status, u.strength, u.women, u.requirement, u.readiness, u.score] for u in units)
    return _export(fmt, "units", header, rows, _("Units"))


@router.get("/units/{code}", name="unit")
def unit_page(code: str, request: Request, actor: CurrentActor, session: SessionDep,
              requirement: str = "", as_of: str = ""):
    today = date.today()
    unit = service.unit_report(session, actor=actor, code=code, requirement=requirement or None,
                               as_of=_day(as_of), today=today)
    context = {**_report_context(session, actor, unit, today), "printed_by": actor.email,
               "printed_at": datetime.now(UTC)}
    if unit.sees_people:
        context["roster"] = service.roster(session, actor=actor, code=code, on=today, page=1)
        context["history"] = service.completion_history(session, actor=actor, code=code, on=today, page=1)
    return render(request, "units/show.html", context, block="report")


@router.get("/units/{code}/gaps", name="unit_gaps")
def unit_gaps(code: str, request: Request, actor: CurrentActor, session: SessionDep, requirement: str = "",
              as_of: str = "", page: int = 1):
    gaps = service.gaps_page(session, actor=actor, code=code, requirement=_required(requirement),
                                  as_of=_day(as_of), page=page)
    context = {"gaps": gaps, "held": service.places_held(session, gaps), "code": code,
               "requirement": requirement, "as_of": as_of}
    return render(request, "units/_gaps.html", context)


@router.get("/units/{code}/roster", name="unit_roster")
def unit_roster(code: str, request: Request, actor: CurrentActor, session: SessionDep, page: int = 1):
    roster = service.roster(session, actor=actor, code=code, on=date.today(), page=page)
    return render(request, "units/_roster.html", {"roster": roster, "code": code})


@router.get("/units/{code}/history", name="unit_history")
def unit_history(code: str, request: Request, actor: CurrentActor, session: SessionDep, page: int = 1):
    history = service.completion_history(session, actor=actor, code=code, on=date.today(), page=page)
    return render(request, "units/_history.html", {"history": history, "code": code})


@router.get("/units/{code}/export/report.{fmt}", name="export_unit_report")
def export_unit_report(code: str, fmt: str, actor: CurrentActor, session: SessionDep, requirement: str = "",
                       as_of: str = ""):
    unit = service.unit_report(session, actor=actor, code=code, requirement=requirement or None,
                               as_of=_day(as_of), today=date.today())
    if unit.report is None:
        raise NotFound(_("No requirement applies to this unit's type yet."))
    report = unit.report
    header = [_("Unit"), _("Requirement"), _("As of"), _("Tour end"), _("Course"), _("Role"), _("Required %"),
              _("Eligible"), _("Trained"), _("Coverage %"), _("Met"), _("Shortfall"), _("Expiring")]
    rows = ([report.unit, f"{report.requirement}@{report.requirement_version}", report.as_of, report.tour_end,
             line.course or _("Women"), line.role, line.min_pct, line.eligible, line.trained, line.coverage_pct,
             _("yes") if line.met else _("no"), line.shortfall, line.expiring] for line in report.lines)
    return _export(fmt, f"{code}-readiness", header, rows, _("Readiness"))


@router.get("/units/{code}/export/gaps.{fmt}", name="export_unit_gaps")
def export_unit_gaps(code: str, fmt: str, actor: CurrentActor, session: SessionDep, requirement: str = "",
                     as_of: str = ""):
    gaps = service.all_gaps(session, actor=actor, code=code, requirement=_required(requirement), as_of=_day(as_of))
    header = [_("Service number"), _("Family name"), _("Given name"), _("Role"), _("Course"), _("Reason"),
              _("Lapses on")]
    rows = ([g.service_number, g.family_name, g.given_name, g.role, g.course, _reason(g.reason), g.lapses_on]
            for g in gaps.gaps)
    return _export(fmt, f"{code}-who-needs-what", header, rows, _("Who needs what"))


def _report_context(session, actor, unit, today: date) -> dict:
    report = unit.report
    trend = [(point.day.isoformat(), point.score) for point in unit.trend]
    context = {"unit": unit.unit, "card": unit, "report": report, "code": unit.unit.code,
               "flagged": unit.flagged, "flag_as_of": unit.flag_as_of.isoformat(),
               "trend": charts.line_chart(trend) if trend else None, "trend_points": unit.trend,
               "bar": charts.Bar, "requirement": report and f"{report.requirement}@{report.requirement_version}",
               "as_of": report.as_of.isoformat() if report else ""}
    if report and unit.sees_people:
        context["gaps"] = service.gaps_page(session, actor=actor, code=unit.unit.code,
                                            requirement=context["requirement"], as_of=report.as_of, page=1)
        context["held"] = service.places_held(session, context["gaps"])
    return context


def _listing(country, unit_type, pcrs_level, mission, status, readiness, q, sort, dir, page) -> UnitListQuery:
    filters = UnitFilter(country=country or None, unit_type=unit_type or None, pcrs_level=pcrs_level or None,
                         mission=mission or None, status=status or None, search=q.strip() or None)
    return UnitListQuery(filters=filters, readiness=readiness if readiness in READINESS_CHOICES else None,
                         sort=sort if sort in SORT_KEYS else "code", descending=dir == "desc", page=max(1, page))


def _reason(reason: str) -> str:
    return _("Not trained") if reason == "not_trained" else _("Lapses during the tour")


def _required(requirement: str) -> str:
    if not requirement:
        raise Invalid(_("Choose a requirement."))
    return requirement


def _day(text: str) -> date | None:
    try:
        return date.fromisoformat(text) if text else None
    except ValueError:
        raise Invalid(_("Enter dates as YYYY-MM-DD.")) from None


def _export(fmt: str, stem: str, header: list[str], rows, sheet: str):
    if fmt == "csv":
        return csv_response(f"{stem}.csv", header, rows)
    if fmt == "xlsx":
        return xlsx_response(f"{stem}.xlsx", header, rows, sheet=sheet)
    raise NotFound(_("Exports are CSV or XLSX."))
