"""The home page."""

from datetime import date

from fastapi import APIRouter, Request

from readiness.overview.service import LEVEL_ORDER, STATUS_ORDER, overview
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep
from readiness.web.templating import render

router = APIRouter()


@router.get("/", name="home")
def home(request: Request, session: SessionDep, actor: CurrentActor):
    figures = overview(session, actor=actor, today=date.today())
    return render(
        request,
        "home.html",
        {"figures": figures, "levels": LEVEL_ORDER, "statuses": STATUS_ORDER},
    )
