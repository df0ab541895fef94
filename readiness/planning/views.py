"""Pages: a unit's training plan, booking its places and cancelling a booked place (htmx)."""

from datetime import date
from urllib.parse import quote

from fastapi import APIRouter, Request

from readiness.errors import Invalid, ReadinessError
from readiness.planning import bookings, service
from readiness.planning.schemas import PlaceIn
from readiness.web.auth import CurrentActor, form_status, see_other
from readiness.web.deps import SessionDep
from readiness.web.i18n import gettext as _
from readiness.web.i18n import ngettext
from readiness.web.templating import render

router = APIRouter()


def _plan_url(code: str, requirement: str) -> str:
    return f"/units/{code}/plan" + (f"?requirement={quote(requirement)}" if requirement else "")


def _show(request: Request, session, actor, code: str, requirement: str, *, notice: str | None = None,
          problem: str | None = None, status_code: int = 200):
    plan = service.unit_plan(session, actor=actor, unit_code=code, requirement_code=requirement or None,
                             today=date.today())
    context = {"plan": plan, "code": code, "requirement": f"{plan.requirement}@{plan.requirement_version}",
               "notice": notice, "problem": problem, "proposed": plan.proposed(),
               "retrain": [place for part in plan.retraining for place in part.proposed]}
    return render(request, "planning/plan.html", context, block="plan", status_code=status_code)


@router.get("/units/{code}/plan", name="unit_plan")
def plan_page(code: str, request: Request, actor: CurrentActor, session: SessionDep, requirement: str = ""):
    return _show(request, session, actor, code, requirement)


async def _places(request: Request) -> list[PlaceIn]:
    """The posted places, each 'PERSON_ID:SESSION_ID'."""
    places = []
    for value in (await request.form()).getlist("place"):
        person, _sep, session_id = str(value).partition(":")
        if not (person.isdigit() and session_id.isdigit()):
            raise Invalid(_("The plan sent is damaged; reload the plan and try again."))
        places.append(PlaceIn(person_id=int(person), session_id=int(session_id)))
    return places


@router.post("/units/{code}/plan/bookings", name="book_plan")
async def book_plan(code: str, request: Request, actor: CurrentActor, session: SessionDep):
    form = await request.form()
    requirement = str(form.get("requirement", ""))
    try:
        result = bookings.book_plan(session, actor=actor, unit_code=code, requirement_code=requirement or None,
                                    places=await _places(request), retraining=form.get("retraining") == "1",
                                    today=date.today())
    except ReadinessError as problem:
        if problem.status_code in (401, 403, 404):
            raise
        return _show(request, session, actor, code, requirement, problem=problem.message,
                     status_code=form_status(request, problem.status_code))
    if request.headers.get("HX-Request") != "true":
        return see_other(request, _plan_url(code, requirement))
    notice = ngettext("%(num)s place booked.", "%(num)s places booked.", result.created)
    if result.already_booked:
        notice += " " + ngettext("%(num)s was booked already.", "%(num)s were booked already.", result.already_booked)
    return _show(request, session, actor, code, requirement, notice=notice)


@router.post("/units/{code}/plan/places/{place_id}/cancel", name="cancel_place")
async def cancel_place(code: str, place_id: int, request: Request, actor: CurrentActor, session: SessionDep):
    requirement = str((await request.form()).get("requirement", ""))
    bookings.cancel_place(session, actor=actor, unit_code=code, place_id=place_id)
    if request.headers.get("HX-Request") != "true":
        return see_other(request, _plan_url(code, requirement))
    return _show(request, session, actor, code, requirement, notice=_("The place was cancelled."))
