"""JSON API for course sessions (/api/v1/sessions)."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Response

from readiness.course_sessions import service
from readiness.course_sessions.schemas import (
    SessionCreate,
    SessionPublic,
    SessionUpdate,
)
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep

router = APIRouter(prefix="/api/v1/sessions", tags=["sessions"])


@router.get("", response_model=list[SessionPublic])
def list_sessions(session: SessionDep, actor: CurrentActor,
                  course: Annotated[str | None, Query(description="A course code.")] = None,
                  start: Annotated[date | None, Query(alias="from", description="Sessions ending on or after.")] = None,
                  end: Annotated[date | None, Query(alias="to", description="Sessions starting on or before.")] = None):
    """The sessions the actor keeps, by start date, filtered by course and dates."""
    return service.list_sessions(session, actor=actor, course=course, start=start, end=end)


@router.get("/{session_id}", response_model=SessionPublic)
def get_session(session_id: int, session: SessionDep, actor: CurrentActor):
    return service.get_session(session, actor=actor, session_id=session_id)


@router.post("", response_model=SessionPublic, status_code=201)
def create_session(fields: SessionCreate, session: SessionDep, actor: CurrentActor):
    """A new session at the actor's centre (administrators give centre_id)."""
    return service.create_session(session, actor=actor, fields=fields)


@router.put("/{session_id}", response_model=SessionPublic)
def update_session(session_id: int, fields: SessionUpdate, session: SessionDep, actor: CurrentActor):
    return service.update_session(session, actor=actor, session_id=session_id, fields=fields)


@router.delete("/{session_id}", status_code=204)
def delete_session(session_id: int, session: SessionDep, actor: CurrentActor) -> Response:
    """Delete a session; 409 when completions are tied to it."""
    service.delete_session(session, actor=actor, session_id=session_id)
    return Response(status_code=204)
