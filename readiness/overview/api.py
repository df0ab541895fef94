"""JSON of the home page's figures."""

from dataclasses import asdict
from datetime import date

from fastapi import APIRouter

from readiness.overview.service import overview
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep

router = APIRouter(prefix="/api/v1", tags=["overview"])


@router.get("/overview")
def get_overview(session: SessionDep, actor: CurrentActor) -> dict:
    """Units by PCRS level and status, people, and completions in the last 90 days, over the caller's countries."""
    figures = overview(session, actor=actor, today=date.today())
    return {**asdict(figures), "units_total": figures.units_total}
