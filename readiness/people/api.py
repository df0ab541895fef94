"""JSON API for people (/api/v1/people): personal data, national roles of the same country only."""

from typing import Annotated

from fastapi import APIRouter, Query

from readiness.people import service
from readiness.people.schemas import PersonPublic
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep
from readiness.web.pagination import Page, PageRequest

router = APIRouter(prefix="/api/v1", tags=["people"])


@router.get("/people", response_model=Page[PersonPublic])
def search_people(
    session: SessionDep,
    actor: CurrentActor,
    q: Annotated[str | None, Query(description="Service-number prefix or part of a name")] = None,
    page: Annotated[int, Query(ge=1)] = 1,
    per_page: Annotated[int, Query(ge=1, le=200)] = 50,
):
    """People you may see; planners and partners are refused (they work on unit-level figures)."""
    return service.search_people(session, actor=actor, text=q, paging=PageRequest(page, per_page))


@router.get("/people/{person_id}", response_model=PersonPublic)
def get_person(person_id: int, session: SessionDep, actor: CurrentActor):
    """One person; another country's person answers 404."""
    return service.get_person(session, actor=actor, person_id=person_id)
