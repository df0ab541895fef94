"""Pages: the course catalogue (category chips, live search, pages, exports) and a course's page."""

from datetime import date
from urllib.parse import urlencode

from fastapi import APIRouter, Request

from readiness.accounts.scope import Actor
from readiness.courses import service
from readiness.courses.service import CatalogueFilter
from readiness.errors import NotFound, ReadinessError
from readiness.readiness import equivalences
from readiness.web.auth import CurrentActor, form_status, see_other
from readiness.web.deps import SessionDep
from readiness.web.exports import csv_response, xlsx_response
from readiness.web.i18n import gettext as _
from readiness.web.labels import label
from readiness.web.pagination import PageRequest
from readiness.web.templating import render

router = APIRouter()
PER_PAGE = 20


@router.get("/courses", name="courses")
def catalogue_page(request: Request, actor: CurrentActor, session: SessionDep,
                   category: str = "", q: str = "", page: int = 1):
    filters = service.catalogue_filter(category, q)
    result = service.catalogue_page(session, filters=filters, request=PageRequest(page, PER_PAGE))
    context = {"result": result, "filters": filters, "categories": service.CATEGORIES, "query": _query(filters)}
    return render(request, "courses/index.html", context, block="results")


@router.get("/courses/export/{fmt}", name="export_courses")
def export_catalogue(fmt: str, actor: CurrentActor, session: SessionDep, category: str = "", q: str = ""):
    courses = service.catalogue(session, filters=service.catalogue_filter(category, q))
    header = [_("Code"), _("Title"), _("Category"), _("Standard"), _("Hours"), _("Valid for (months)"),
              _("Assessed"), _("Version"), _("Active")]
    rows = [[c.code, c.title, label("course_category", c.category), c.standard_ref, c.duration_hours,
             c.validity_months, c.assessed, c.version, c.active] for c in courses]
    if fmt == "csv":
        return csv_response("courses.csv", header, rows)
    if fmt == "xlsx":
        return xlsx_response("courses.xlsx", header, rows, sheet=_("Courses"))
    raise NotFound(_("Exports are CSV or XLSX."))


@router.get("/courses/{code}", name="course")
def course_page(request: Request, code: str, actor: CurrentActor, session: SessionDep):
    return _course(request, session, actor, code)


@router.post("/courses/{code}/equivalences", name="declare_equivalence")
async def declare_equivalence(request: Request, code: str, actor: CurrentActor, session: SessionDep):
    form = await request.form()
    counts_as, note = str(form.get("counts_as", "")), str(form.get("note", "")).strip() or None
    service.course_detail(session, code=code, today=date.today())  # an unknown course is a 404
    try:
        equivalences.declare_equivalence(session, actor=actor, course_code=code, counts_as_code=counts_as, note=note)
    except ReadinessError as problem:
        if problem.status_code == 403:
            raise
        return _course(request, session, actor, code, problem=problem.message, status_code=problem.status_code)
    return see_other(request, f"/courses/{code}")


@router.post("/courses/{code}/equivalences/{counts_as}/delete", name="remove_equivalence")
def remove_equivalence(request: Request, code: str, counts_as: str, actor: CurrentActor, session: SessionDep):
    equivalences.remove_equivalence(session, actor=actor, course_code=code, counts_as_code=counts_as)
    return see_other(request, f"/courses/{code}")


def _course(request: Request, session, actor: Actor, code: str, problem: str | None = None,
            status_code: int = 200):
    detail = service.course_detail(session, code=code, today=date.today())
    context = {"detail": detail, "may_declare": actor.can_keep_requirements(), "problem": problem,
               "courses": service.all_courses(session)}
    return render(request, "courses/show.html", context, block="equivalences",
                  status_code=form_status(request, status_code))


def _query(filters: CatalogueFilter) -> str:
    """The filters as a query string, for page links and exports."""
    values = {"category": filters.category, "q": filters.text}
    return urlencode({key: value for key, value in values.items() if value})
