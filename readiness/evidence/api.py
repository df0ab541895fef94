"""Evidence packs: JSON API under /api/v1."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from readiness.evidence import service
from readiness.evidence.schemas import EvidencePack
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep

router = APIRouter(prefix="/api/v1", tags=["evidence"])


@router.get("/units/{code}/evidence", response_model=EvidencePack)
def evidence_pack(
    code: str,
    session: SessionDep,
    actor: CurrentActor,
    requirement: Annotated[str | None, Query(
        description="CODE@VERSION, or CODE for its latest version (default: the unit's target requirement)",
        examples=["MINUSCA-INF-2026@1"])] = None,
    as_of: Annotated[date | None, Query(
        description="The pack's date (default: the unit's planned deployment, else today)")] = None,
) -> EvidencePack:
    """The evidence pack of a unit against a requirement on a date (audited). Names and service
    numbers are included only for readers who may see the unit's people."""
    return service.evidence_pack(session, actor=actor, unit_code=code, requirement_code=requirement,
                                 as_of=as_of, output="json")
