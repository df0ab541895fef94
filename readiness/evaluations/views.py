"""Pages: the evaluations list, the form with its "add another finding" rows, one evaluation, the
unit page's evaluations section, and the country feedback report (page, CSV/XLSX, print)."""

import re
from datetime import UTC, date, datetime

from fastapi import APIRouter, Request, Response
from pydantic import ValidationError

from readiness.errors import Invalid
from readiness.evaluations import service
from readiness.evaluations.repository import EvaluationFilter
from readiness.evaluations.schemas import CountryFeedback, EvaluationCreate, EvaluationUpdate
from readiness.models import CourseCategory, EvaluationInstrument
from readiness.web.auth import CurrentActor, form_status, see_other
from readiness.web.deps import SessionDep
from readiness.web.exports import download
from readiness.web.i18n import gettext as _
from readiness.web.labels import EVALUATION_AREAS, label
from readiness.web.listing import ListQuery
from readiness.web.pagination import PageRequest
from readiness.web.templating import render

router = APIRouter()
PER_PAGE = 25
FINDING_FIELD = re.compile(r"^finding-(\d+)-(text|courses|categories)$")
PLAN_CHOICES = {"yes": True, "no": False}


# --- the list -------------------------------------------------------------------------------


@router.get("/evaluations", name="evaluations")
def evaluations_page(request: Request, actor: CurrentActor, session: SessionDep, country: str = "",
                     unit: str = "", mission: str = "", instrument: str = "", plan: str = "", page: int = 1):
    listing = ListQuery.read({"country": country, "unit": unit, "mission": mission, "instrument": instrument,
                              "plan": plan if plan in PLAN_CHOICES else ""}, "", "", page, sort_keys=(),
                             default_sort="")
    filters = listing.filters
    where = EvaluationFilter(country=filters["country"] or None, unit=filters["unit"] or None,
                             mission=filters["mission"] or None,
                             instrument=filters["instrument"] if filters["instrument"] in _instruments() else None,
                             improvement_plan=PLAN_CHOICES.get(filters["plan"]))
    result = service.evaluations_page(session, actor=actor, where=where, paging=PageRequest(listing.page, PER_PAGE))
    context = {"result": result, "listing": listing, "choices": service.filter_choices(session, actor=actor),
               "instruments": _instruments(), "can_write": actor.can_keep_evaluations()}
    return render(request, "evaluations/list.html", context, block="rows")


def _instruments() -> list[str]:
    return [instrument.value for instrument in EvaluationInstrument]


# --- the form -------------------------------------------------------------------------------


@router.get("/evaluations/new", name="new_evaluation")
def new_evaluation_page(request: Request, actor: CurrentActor, session: SessionDep, unit: str = ""):
    values = service.new_evaluation_values(session, actor=actor, unit=unit.strip(), today=date.today())
    return _form(request, session, actor, values)


@router.get("/evaluations/finding-row", name="evaluation_finding_row")
def finding_row(request: Request, actor: CurrentActor, session: SessionDep, index: int = 0):
    """One more empty finding row, and the "add" button moved on to the next index (out of band)."""
    context = {"index": max(0, index), "finding": {"text": "", "courses": [], "categories": []}, "errors": {},
               **_choices(session, actor), "oob": True}
    return render(request, "evaluations/_finding_row.html", context)


@router.get("/evaluations/finding-row/removed", name="evaluation_finding_removed")
def finding_removed(actor: CurrentActor):
    """Nothing: the "remove this finding" button swaps its row out with htmx's delete swap."""
    return Response(status_code=200)


def _choices(session, actor) -> dict:
    return {**service.form_choices(session, actor=actor), "categories": [c.value for c in CourseCategory]}


def _form(request: Request, session, actor, values: dict, errors: dict | None = None,
          evaluation_id: int | None = None, status_code: int = 200):
    context = {"values": values, "errors": errors or {}, "evaluation_id": evaluation_id, **_choices(session, actor),
               "instruments": _instruments(), "areas": EVALUATION_AREAS}
    return render(request, "evaluations/form.html", context, status_code=form_status(request, status_code))


@router.post("/evaluations", name="create_evaluation")
async def create_evaluation(request: Request, actor: CurrentActor, session: SessionDep):
    values = await _submitted(request)
    try:
        created = service.create_evaluation(session, actor=actor, fields=EvaluationCreate.model_validate(values))
    except (ValidationError, Invalid) as problem:
        return _form(request, session, actor, values, _errors(problem), status_code=422)
    return see_other(request, f"/evaluations/{created.id}")


@router.get("/evaluations/{evaluation_id:int}", name="evaluation")
def evaluation_page(request: Request, evaluation_id: int, actor: CurrentActor, session: SessionDep):
    evaluation = service.get_evaluation(session, actor=actor, evaluation_id=evaluation_id)
    context = {"evaluation": evaluation, "can_write": actor.can_keep_evaluations()}
    return render(request, "evaluations/show.html", context)


@router.get("/evaluations/{evaluation_id:int}/edit", name="edit_evaluation")
def edit_evaluation_page(request: Request, evaluation_id: int, actor: CurrentActor, session: SessionDep):
    stored = service.get_evaluation(session, actor=actor, evaluation_id=evaluation_id)
    values = stored.model_dump(mode="json")
    return _form(request, session, actor, values, evaluation_id=evaluation_id)


@router.post("/evaluations/{evaluation_id:int}", name="update_evaluation")
async def update_evaluation(request: Request, evaluation_id: int, actor: CurrentActor, session: SessionDep):
    service.get_evaluation(session, actor=actor, evaluation_id=evaluation_id)
    values = await _submitted(request)
    try:
        fields = EvaluationUpdate.model_validate(EvaluationCreate.model_validate(values).model_dump())
        service.update_evaluation(session, actor=actor, evaluation_id=evaluation_id, fields=fields)
    except (ValidationError, Invalid) as problem:
        return _form(request, session, actor, values, _errors(problem), evaluation_id, status_code=422)
    return see_other(request, f"/evaluations/{evaluation_id}")


@router.post("/evaluations/{evaluation_id:int}/delete", name="delete_evaluation")
def delete_evaluation(request: Request, evaluation_id: int, actor: CurrentActor, session: SessionDep):
    service.delete_evaluation(session, actor=actor, evaluation_id=evaluation_id)
    return see_other(request, "/evaluations")


async def _submitted(request: Request) -> dict:
    """The posted form in the shape EvaluationCreate takes: ratings by area, findings in row order."""
    form = await request.form()
    text = {name: value.strip() for name, value in form.items() if isinstance(value, str)}
    rows: dict[int, dict] = {}
    for name in form.keys():
        match = FINDING_FIELD.match(name)
        if match:
            row = rows.setdefault(int(match[1]), {"text": "", "courses": [], "categories": []})
            row[match[2]] = text.get(name, "") if match[2] == "text" else [
                value for value in form.getlist(name) if isinstance(value, str) and value]
    values = {name: text[name] for name in ("unit", "mission", "instrument", "evaluated_on", "summary")
              if text.get(name)}
    values["ratings"] = {area: text[f"rating-{area}"] for area in EVALUATION_AREAS if text.get(f"rating-{area}")}
    values["improvement_plan_required"] = text.get("improvement_plan_required") == "1"
    values["findings"] = [rows[index] for index in sorted(rows)]
    return values


def _errors(problem: Exception) -> dict[str, str]:
    """Field errors keyed by the form's field names (finding-1-courses, rating-medical); 'form' otherwise."""
    if isinstance(problem, ValidationError):
        pairs = [(".".join(str(part) for part in error["loc"]), error["msg"].removeprefix("Value error, "))
                 for error in problem.errors()]
    else:
        pairs = [(detail["field"], detail["message"]) for detail in problem.details if "field" in detail]
        pairs = pairs or [("form", problem.message)]
    errors: dict[str, str] = {}
    for field, message in pairs:
        errors.setdefault(_form_field(field), message)
    return errors


def _form_field(field: str) -> str:
    parts = field.split(".")
    if parts[0] == "findings" and len(parts) > 1:
        return "-".join(["finding", *parts[1:3]])
    if parts[0] == "ratings" and len(parts) > 1:
        return f"rating-{parts[1]}"
    return field or "form"


# --- the feedback loop ----------------------------------------------------------------------


@router.get("/units/{code}/evaluations", name="unit_evaluations")
def unit_evaluations(code: str, request: Request, actor: CurrentActor, session: SessionDep):
    feedback = service.unit_feedback(session, actor=actor, code=code, as_of=date.today())
    context = {"feedback": feedback, "can_write": actor.can_keep_evaluations()}
    return render(request, "evaluations/unit_section.html", context, block="section")


@router.get("/countries/{code}/feedback", name="country_feedback")
def country_feedback_page(code: str, request: Request, actor: CurrentActor, session: SessionDep,
                          date_from: str = "", date_to: str = ""):
    report = _report(session, actor, code, date_from, date_to)
    query = f"date_from={report.start.isoformat()}&date_to={report.end.isoformat()}"
    context = {"report": report, "query": query, "printed_by": actor.email, "printed_at": datetime.now(UTC)}
    return render(request, "evaluations/feedback.html", context)


@router.get("/countries/{code}/feedback.{fmt}", name="export_country_feedback")
def export_country_feedback(code: str, fmt: str, actor: CurrentActor, session: SessionDep, date_from: str = "",
                            date_to: str = ""):
    report = _report(session, actor, code, date_from, date_to)
    header = [_("Course"), _("Title"), _("Recommended by"), _("Unit"), _("People lacking a valid completion"),
              _("Upcoming sessions with free places"), _("Partners")]
    return download(fmt, f"{report.country}-feedback", header, _feedback_rows(report), sheet=_("Feedback"))


def _report(session, actor, code: str, date_from: str, date_to: str) -> CountryFeedback:
    return service.country_feedback(session, actor=actor, country=code.upper(), as_of=date.today(),
                                     start=_day(date_from, "from"), end=_day(date_to, "to"))


def _feedback_rows(report: CountryFeedback):
    """One row per recommended course and unit that lacks it (one row without a unit when none does)."""
    for course in report.recommended:
        findings = "; ".join(f"{reason.unit} {reason.evaluated_on.isoformat()}: "
                             f"{reason.finding or label('course_category', reason.via_category)}"
                             for reason in course.recommended_by)
        sessions = "; ".join(_("%(centre)s %(start)s to %(end)s, %(free)s free", centre=s.centre,
                               start=s.start_on.isoformat(), end=s.end_on.isoformat(), free=s.free)
                             for s in course.sessions)
        partners = ", ".join(course.partners)
        units = course.lacking_by_unit.items() or [("", 0)]
        for unit, lacking in units:
            yield [course.course, course.title, findings, unit, lacking, sessions, partners]


def _day(text: str, field: str) -> date | None:
    try:
        return date.fromisoformat(text.strip()) if text.strip() else None
    except ValueError:
        message = _("Enter dates as YYYY-MM-DD.")
        raise Invalid(message, details=[{"field": field, "message": message}]) from None
