"""Pages: the requirements list, a requirement's versions, the editor (a draft saved as a new version), the diff."""

from collections import Counter

from fastapi import APIRouter, Request
from starlette.datastructures import FormData

from readiness.accounts.scope import Actor
from readiness.courses import service as courses
from readiness.errors import Invalid, NotFound, ReadinessError
from readiness.missions.service import latest_versions
from readiness.requirements import editing, service
from readiness.requirements.editing import Draft, DraftLine
from readiness.web.auth import CurrentActor, form_status, see_other
from readiness.web.deps import SessionDep
from readiness.web.exports import csv_response, xlsx_response
from readiness.web.i18n import gettext as _
from readiness.web.labels import label
from readiness.web.listing import ListQuery
from readiness.web.templating import render

router = APIRouter()


SORT_KEYS = {"code": lambda r: r.code, "mission": lambda r: (r.mission, r.code),
             "unit_type": lambda r: (r.unit_type, r.code)}


@router.get("/requirements", name="requirements")
def requirements_page(request: Request, actor: CurrentActor, session: SessionDep, mission: str = "",
                      unit_type: str = "", sort: str = "code", dir: str = "asc", page: int = 1):
    listing = ListQuery.read({"mission": mission, "unit_type": unit_type}, sort, dir, page, sort_keys=SORT_KEYS,
                             default_sort="code")
    versions = service.list_requirements(session)
    counts = Counter(requirement.code for requirement in versions)
    latest = latest_versions(versions)
    wanted = [r for r in latest if listing.filters["mission"] in ("", r.mission)
              and listing.filters["unit_type"] in ("", r.unit_type)]
    context = {"result": listing.paged(wanted, SORT_KEYS), "listing": listing, "counts": counts,
               "missions": sorted({r.mission for r in latest}), "unit_types": sorted({r.unit_type for r in latest})}
    return render(request, "requirements/index.html", context, block="results")


@router.get("/requirements.{fmt}", name="export_requirements")
def export_requirements(fmt: str, actor: CurrentActor, session: SessionDep):
    if fmt not in ("csv", "xlsx"):
        raise NotFound(_("Exports are CSV or XLSX."))
    versions = service.list_requirements(session)
    counts = Counter(requirement.code for requirement in versions)
    header = [_("Requirement"), _("Title"), _("Mission"), _("Unit type"), _("Latest version"), _("Versions"),
              _("Lines"), _("Tour (months)"), _("Women, at least")]
    rows = [[r.code, r.title, r.mission, label("unit_type", r.unit_type), r.version, counts[r.code], len(r.lines),
             r.tour_months, r.min_women_pct] for r in latest_versions(versions)]
    if fmt == "csv":
        return csv_response("requirements.csv", header, rows)
    return xlsx_response("requirements.xlsx", header, rows, sheet=_("Requirements"))


@router.get("/requirements/{code}", name="requirement")
def requirement_page(request: Request, code: str, actor: CurrentActor, session: SessionDep, version: int | None = None):
    versions = _versions(session, code)
    shown = next((v for v in versions if v.version == version), None) if version else versions[-1]
    if shown is None:
        raise NotFound(_("There is no version %(version)s of %(code)s.", version=version, code=code))
    context = {"versions": versions, "shown": shown, "may_edit": actor.can_keep_requirements()}
    return render(request, "requirements/show.html", context)


@router.get("/requirements/{code}/diff", name="requirement_diff")
def diff_page(request: Request, code: str, actor: CurrentActor, session: SessionDep,
              older: int | None = None, newer: int | None = None):
    versions = _versions(session, code)
    by_number = {v.version: v for v in versions}
    # By default: the latest version against the one before it.
    older_version = by_number.get(older or versions[max(0, len(versions) - 2)].version)
    newer_version = by_number.get(newer or versions[-1].version)
    if older_version is None or newer_version is None:
        raise NotFound(_("Choose two versions of %(code)s that exist.", code=code))
    context = {"versions": versions, "diff": editing.diff_versions(older_version, newer_version)}
    return render(request, "requirements/diff.html", context, block="diff")


@router.get("/requirements/{code}/edit", name="edit_requirement")
def editor_page(request: Request, code: str, actor: CurrentActor, session: SessionDep):
    editing.require_keeper(actor)
    latest = service.get_requirement(session, code=code)
    return _editor(request, session, editing.draft_of(latest))


@router.post("/requirements/{code}/edit", name="save_requirement")
async def edit_requirement(request: Request, code: str, actor: CurrentActor, session: SessionDep):
    editing.require_keeper(actor)
    form = await request.form()
    draft = _draft_from_form(session, code, form)
    action = str(form.get("action", "save"))
    known = {course.code for course in courses.all_courses(session)}
    if action == "add":
        new_line = DraftLine(str(form.get("new_course", "")), str(form.get("new_min_pct", "")), str(form.get("new_role", "")))
        draft, errors = editing.add_line(draft, new_line, known)
        return _editor(request, session, draft, errors, new_line=new_line if errors else None, focus_new=True)
    if action.startswith("remove:"):
        return _editor(request, session, editing.remove_line(draft, _position(action)))
    return _save(request, session, actor, draft, known)


def _save(request: Request, session, actor: Actor, draft: Draft, known: set[str]):
    try:
        saved = editing.save_draft(session, actor=actor, draft=draft, known_courses=known)
    except ReadinessError as problem:
        errors = {d["field"]: d["message"] for d in problem.details if "field" in d} or {"form": problem.message}
        return _editor(request, session, draft, errors, status_code=problem.status_code)
    return see_other(request, f"/requirements/{saved.code}?version={saved.version}")


def _editor(request: Request, session, draft: Draft, errors: dict | None = None,
            new_line: DraftLine | None = None, status_code: int = 200, focus_new: bool = False):
    context = {"draft": draft, "errors": errors or {}, "new_line": new_line or DraftLine("", "100", ""),
               "courses": courses.all_courses(session), "focus_new": focus_new}
    return render(request, "requirements/edit.html", context, block="editor",
                  status_code=form_status(request, status_code))


def _draft_from_form(session, code: str, form: FormData) -> Draft:
    """The draft as the form carries it: the base version's identity, edited fields and lines."""
    base_version = str(form.get("base_version", ""))
    if not base_version.isdigit():
        raise Invalid(_("The form is incomplete; reload the page."))
    base = service.get_requirement(session, code=code, version=int(base_version))
    lines = zip(form.getlist("line_course"), form.getlist("line_min_pct"), form.getlist("line_role"))
    return Draft(code=base.code, mission=base.mission, unit_type=base.unit_type, base_version=base.version,
                 title=str(form.get("title", "")), tour_months=str(form.get("tour_months", "")),
                 min_women_pct=str(form.get("min_women_pct", "")),
                 lines=tuple(DraftLine(str(c), str(p), str(r)) for c, p, r in lines))


def _position(action: str) -> int:
    number = action.removeprefix("remove:")
    return int(number) if number.isdigit() else -1


def _versions(session, code: str) -> list:
    """Every version of `code`, oldest first; not found when there is none."""
    versions = [r for r in service.list_requirements(session) if r.code == code]
    if not versions:
        raise NotFound(_("There is no requirement %(code)s.", code=code))
    return versions
