"""Pages: the missions and their requirements; the comparison heatmap of candidate units, with exports."""

from dataclasses import replace

from fastapi import APIRouter, Request

from readiness.accounts.scope import Actor
from readiness.caveats.rules import flagged_unit_codes
from readiness.errors import NotFound
from readiness.missions import heatmap, service
from readiness.models import PcrsLevel
from readiness.readiness import service as readiness
from readiness.requirements import service as requirements
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep
from readiness.web.exports import csv_response, download, xlsx_response
from readiness.web.i18n import gettext as _
from readiness.web.labels import label
from readiness.web.templating import render

router = APIRouter()
EXPORTS = {"csv": csv_response, "xlsx": xlsx_response}


@router.get("/missions", name="missions")
def missions_page(request: Request, actor: CurrentActor, session: SessionDep):
    return render(request, "missions/index.html", {"missions": service.missions_with_requirements(session)})


@router.get("/missions.{fmt}", name="export_missions")
def export_missions(fmt: str, actor: CurrentActor, session: SessionDep):
    """Every mission with its requirements at their latest version, one row per requirement."""
    header = [_("Mission"), _("Name"), _("Status"), _("Requirement"), _("Title"), _("Unit type"),
              _("Latest version")]
    rows = [row for entry in service.missions_with_requirements(session) for row in _mission_rows(entry)]
    return download(fmt, "missions", header, rows, sheet=_("Missions"))


def _mission_rows(entry: service.MissionRequirements) -> list[list]:
    """One row per requirement; a mission without requirements still gets its row."""
    mission = [entry.mission.acronym, entry.mission.name, label("mission_status", entry.mission.status)]
    if not entry.requirements:
        return [mission + [None, None, None, None]]
    return [mission + [r.code, r.title, label("unit_type", r.unit_type), r.version] for r in entry.requirements]


@router.get("/missions/compare", name="compare_units")
def compare_page(request: Request, actor: CurrentActor, session: SessionDep, requirement: str = "",
                 as_of: str = "", country: str = "", pcrs_level: str = "", status: str = "",
                 sort: str = "", dir: str = "", flagged: str = ""):
    comparison = _comparison(session, actor, requirement, as_of, country, pcrs_level, status, sort, dir, flagged)
    context = {**comparison, "countries": service.country_choices(session, actor=actor),
               "pcrs_levels": [level.value for level in PcrsLevel], "statuses": heatmap.STATUSES}
    return render(request, "missions/compare.html", context, block="heatmap")


@router.get("/missions/compare/export/{fmt}", name="export_heatmap")
def export_heatmap(fmt: str, actor: CurrentActor, session: SessionDep, requirement: str = "",
                   as_of: str = "", country: str = "", pcrs_level: str = "", status: str = "",
                   sort: str = "", dir: str = "", flagged: str = ""):
    comparison = _comparison(session, actor, requirement, as_of, country, pcrs_level, status, sort, dir, flagged)
    rows = heatmap.heatmap_rows(comparison["units"], comparison["flagged"])
    return _export(fmt, f"{comparison['view'].requirement}-units", heatmap.heatmap_header(comparison["columns"]),
                   rows, _("Units"))


@router.get("/missions/compare/demand/export/{fmt}", name="export_demand")
def export_demand(fmt: str, actor: CurrentActor, session: SessionDep, requirement: str = "",
                  as_of: str = "", country: str = "", pcrs_level: str = "", status: str = "",
                  flagged: str = ""):
    comparison = _comparison(session, actor, requirement, as_of, country, pcrs_level, status, "", "", flagged)
    rows = heatmap.demand_rows(comparison["view"])
    return _export(fmt, f"{comparison['view'].requirement}-demand", heatmap.demand_header(), rows,
                   _("Training demand"))


def _comparison(session, actor: Actor, requirement, as_of, country, pcrs_level, status, sort, dir,
                flagged: str = "") -> dict:
    """The mission view for the URL's filters, with its columns and units in the chosen order."""
    if not requirement:
        raise NotFound(_("Choose a requirement to compare units against."))
    filters = heatmap.parse_filters(requirement, as_of, country, pcrs_level, status)
    base, version = requirements.parse_requirement_code(requirement)
    definition = requirements.get_requirement(session, code=base, version=version)
    columns = heatmap.columns(definition)
    filters = replace(filters, order=heatmap.parse_sort(sort, dir, columns), flagged_only=bool(flagged))
    view = readiness.mission_view(
        session, actor=actor, requirement_code=requirement, as_of=filters.as_of,
        country=filters.country, pcrs_level=filters.pcrs_level, status=filters.status,
    )
    red = flagged_unit_codes(session, [unit.unit for unit in view.units], view.as_of)
    if filters.flagged_only:
        shown = [unit for unit in view.units if unit.unit in red]
        view = view.model_copy(update={"units": shown, "demand": readiness.training_demand(shown)})
    return {"view": view, "definition": definition, "columns": columns, "filters": filters, "flagged": red,
            "units": heatmap.sorted_units(view.units, filters.order), "band": heatmap.band}


def _export(fmt: str, stem: str, header: list[str], rows: list[list], sheet: str):
    if fmt not in EXPORTS:
        raise NotFound(_("Exports are CSV or XLSX."))
    if fmt == "xlsx":
        return xlsx_response(f"{stem}.xlsx", header, rows, sheet=sheet)
    return csv_response(f"{stem}.csv", header, rows)
