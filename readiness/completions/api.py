"""JSON API for reading completions (/api/v1/completions)."""

from fastapi import APIRouter

from readiness.completions import service
from readiness.completions.schemas import CompletionPublic
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep

router = APIRouter(prefix="/api/v1", tags=["completions"])


@router.get("/completions/{completion_id}", response_model=CompletionPublic)
def get_completion(completion_id: int, session: SessionDep, actor: CurrentActor):
    """One completion with its provenance; another country's answers 404."""
    return service.get_completion(session, actor=actor, completion_id=completion_id)


@router.get("/people/{person_id}/completions", response_model=list[CompletionPublic])
def completions_of_person(person_id: int, session: SessionDep, actor: CurrentActor):
    """A person's completions, newest first; another country's person answers 404."""
    return service.completions_of(session, actor=actor, person_id=person_id)
