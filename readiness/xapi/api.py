"""JSON API: POST /api/v1/xapi/statements (one statement or a list, xAPI 1.0.3)."""

from typing import Any

from fastapi import APIRouter, Body

from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep
from readiness.xapi import service
from readiness.xapi.schemas import StatementsAccepted

router = APIRouter(prefix="/api/v1/xapi", tags=["xapi"])


@router.post("/statements", response_model=StatementsAccepted)
def post_statements(session: SessionDep, actor: CurrentActor,
                    body: Any = Body(description="One xAPI statement, or a list of them.")):
    """Store the statements as completions; 422 (403 for another country) naming every refused one."""
    statements = body if isinstance(body, list) else [body]
    return service.record_statements(session, actor=actor, statements=statements)
