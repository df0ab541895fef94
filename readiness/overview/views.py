"""The home page: the dashboard of the actor's countries."""

from datetime import date

from fastapi import APIRouter, Request

from readiness.overview.service import LEVEL_ORDER, STATUS_ORDER, dashboard
from readiness.web import charts
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep
from readiness.web.templating import render

router = APIRouter()


@router.get("/", name="home")
def home(request: Request, session: SessionDep, actor: CurrentActor):
    today = date.today()
    board = dashboard(session, actor=actor, today=today)
    context = {"board": board, "today": today, "figures": board.figures, "levels": LEVEL_ORDER, "statuses": STATUS_ORDER,
               "bar": charts.Bar}
    return render(request, "home.html", context)
