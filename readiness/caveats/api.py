"""JSON API for caveats: /api/v1/units/{code}/caveats and /api/v1/caveats/{id}."""

from datetime import date

from fastapi import APIRouter, Body, Response

from readiness.caveats import service
from readiness.caveats.schemas import EXAMPLE, CaveatFields, CaveatPatch, CaveatPublic
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep

router = APIRouter(prefix="/api/v1", tags=["caveats"])

UNDECLARED = {"declared": False, "kind": "movement", "text": "No operations beyond the town of Bambari.",
              "accepted_by_un": False, "recorded_in": "none", "active_from": "2026-03-01", "active_to": None}


@router.get("/units/{code}/caveats", response_model=list[CaveatPublic])
def list_caveats(code: str, session: SessionDep, actor: CurrentActor):
    """The unit's caveats, those in force today first; each says whether it flags the unit red today."""
    return service.list_caveats(session, actor=actor, code=code, on=date.today())


@router.post("/units/{code}/caveats", response_model=CaveatPublic, status_code=201)
def create_caveat(code: str, session: SessionDep, actor: CurrentActor,
                  fields: CaveatFields = Body(openapi_examples={
                      "declared": {"summary": "Declared, accepted, in the MOU", "value": EXAMPLE},
                      "undeclared": {"summary": "Undeclared (found by the UN): flags the unit", "value": UNDECLARED}})):
    """Record a caveat (the unit's force generation staff, UN planners, admins); audited."""
    return service.create_caveat(session, actor=actor, code=code, fields=fields, on=date.today())


@router.patch("/caveats/{caveat_id}", response_model=CaveatPublic)
def update_caveat(caveat_id: int, fields: CaveatPatch, session: SessionDep, actor: CurrentActor):
    """Change some of a caveat's fields; the result must still be a valid caveat (422 otherwise); audited."""
    return service.update_caveat(session, actor=actor, caveat_id=caveat_id, fields=fields, on=date.today())


@router.delete("/caveats/{caveat_id}", status_code=204)
def delete_caveat(caveat_id: int, session: SessionDep, actor: CurrentActor) -> Response:
    """Delete a caveat; audited."""
    service.delete_caveat(session, actor=actor, caveat_id=caveat_id)
    return Response(status_code=204)
