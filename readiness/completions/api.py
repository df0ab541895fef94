"""JSON API for completions (/api/v1/completions): read, log, correct and delete one."""

from fastapi import APIRouter, Response

from readiness.completions import service
from readiness.completions.schemas import CompletionIn, CompletionPublic
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


@router.post("/completions", response_model=CompletionPublic, status_code=201)
def log_completion(completion: CompletionIn, session: SessionDep, actor: CurrentActor):
    """Log one completion (as the form does); 422 naming the field when refused."""
    created = service.create_completion(session, actor=actor, entry=completion.entry())
    return service.get_completion(session, actor=actor, completion_id=created.id)


@router.put("/completions/{completion_id}", response_model=CompletionPublic)
def correct_completion(completion_id: int, completion: CompletionIn, session: SessionDep, actor: CurrentActor):
    """Correct a completion (its person stays); audited."""
    service.update_completion(session, actor=actor, completion_id=completion_id, entry=completion.entry())
    return service.get_completion(session, actor=actor, completion_id=completion_id)


@router.delete("/completions/{completion_id}", status_code=204)
def delete_completion(completion_id: int, session: SessionDep, actor: CurrentActor) -> Response:
    """Delete a completion; audited."""
    service.delete_completion(session, actor=actor, completion_id=completion_id)
    return Response(status_code=204)
