"""JSON API for evaluations (/api/v1/evaluations) and the country feedback report."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response

from readiness.evaluations import service
from readiness.evaluations.repository import EvaluationFilter
from readiness.evaluations.schemas import (
    CountryFeedback,
    EvaluationCreate,
    EvaluationPage,
    EvaluationPublic,
    EvaluationUpdate,
)
from readiness.models import EvaluationInstrument
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep
from readiness.web.pagination import PageRequest

router = APIRouter(prefix="/api/v1", tags=["evaluations"])


@router.get("/evaluations", response_model=EvaluationPage)
def list_evaluations(session: SessionDep, actor: CurrentActor,
                     country: Annotated[str | None, Query(description="ISO 3166-1 alpha-3", examples=["GHA"])] = None,
                     unit: Annotated[str | None, Query(description="A unit code", examples=["GHA-INF-01"])] = None,
                     mission: Annotated[str | None, Query(description="A mission acronym", examples=["UNMISS"])] = None,
                     instrument: EvaluationInstrument | None = None,
                     improvement_plan: Annotated[bool | None, Query(description="Only those requiring (true) or "
                                                                    "not requiring (false) a plan")] = None,
                     page: Annotated[int, Query(ge=1)] = 1, per_page: Annotated[int, Query(ge=1, le=200)] = 50):
    """Evaluations of the units the actor may read, most recent first, filtered and paged."""
    where = EvaluationFilter(country=country, unit=unit, mission=mission,
                             instrument=instrument.value if instrument else None, improvement_plan=improvement_plan)
    return service.evaluations_page(session, actor=actor, where=where, paging=PageRequest(page, per_page))


@router.post("/evaluations", response_model=EvaluationPublic, status_code=201)
def create_evaluation(fields: EvaluationCreate, session: SessionDep, actor: CurrentActor):
    """Record an evaluation (mission planners and administrators); 422 names the field at fault."""
    return service.create_evaluation(session, actor=actor, fields=fields)


@router.get("/evaluations/{evaluation_id}", response_model=EvaluationPublic)
def get_evaluation(evaluation_id: int, session: SessionDep, actor: CurrentActor):
    return service.get_evaluation(session, actor=actor, evaluation_id=evaluation_id)


@router.patch("/evaluations/{evaluation_id}", response_model=EvaluationPublic)
def update_evaluation(evaluation_id: int, fields: EvaluationUpdate, session: SessionDep, actor: CurrentActor):
    """Change the fields given; `ratings` and `findings`, when given, replace the stored ones."""
    return service.update_evaluation(session, actor=actor, evaluation_id=evaluation_id, fields=fields)


@router.delete("/evaluations/{evaluation_id}", status_code=204)
def delete_evaluation(evaluation_id: int, session: SessionDep, actor: CurrentActor) -> Response:
    service.delete_evaluation(session, actor=actor, evaluation_id=evaluation_id)
    return Response(status_code=204)


@router.get("/countries/{code}/feedback", response_model=CountryFeedback, tags=["evaluations"])
def country_feedback(code: str, session: SessionDep, actor: CurrentActor,
                     start: Annotated[date | None, Query(alias="from",
                                                         description="Default: 24 months before `to`")] = None,
                     end: Annotated[date | None, Query(alias="to", description="Default: today")] = None):
    """The country feedback report: evaluations, mean rating per area, recommended training with the
    people lacking it per unit, sessions and partners, and the improvement plans required."""
    return service.country_feedback(session, actor=actor, country=code.upper(), as_of=date.today(),
                                    start=start, end=end)
