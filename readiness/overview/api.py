"""JSON of the home page's figures."""

from dataclasses import asdict
from datetime import date

from fastapi import APIRouter

from readiness.overview.service import overview
from readiness.web.deps import SessionDep

router = APIRouter(prefix="/api/v1", tags=["overview"])


@router.get("/overview")
def get_overview(session: SessionDep) -> dict:
    """Units by PCRS level and status, people, and completions in the last 90 days."""
    figures = overview(session, today=date.today())
    return {**asdict(figures), "units_total": figures.units_total}
