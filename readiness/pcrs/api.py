"""JSON API for PCRS levels and dates: /api/v1/units/{code}/pcrs."""

from datetime import date

from fastapi import APIRouter, Body

from readiness.pcrs import service
from readiness.pcrs.schemas import DATES_EXAMPLE, PcrsFields, UnitPcrs
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep

router = APIRouter(prefix="/api/v1", tags=["pcrs"])


@router.get("/units/{code}/pcrs", response_model=UnitPcrs)
def get_unit_pcrs(code: str, session: SessionDep, actor: CurrentActor):
    """The unit's PCRS level, the dates that move it, and today's warnings from the timing rules."""
    return service.unit_pcrs(session, actor=actor, code=code, on=date.today())


@router.put("/units/{code}/pcrs", response_model=UnitPcrs)
def put_unit_pcrs(code: str, session: SessionDep, actor: CurrentActor,
                  fields: PcrsFields = Body(openapi_examples={
                      "l3": {"summary": "An L3 unit with its visit and self-certification", "value": DATES_EXAMPLE},
                      "l2": {"summary": "An L2 unit after its AAV",
                             "value": {"pcrs_level": "L2", "pledge_registered_on": "2024-01-15",
                                       "last_aav_on": "2025-04-02"}}})):
    """Replace the unit's level and dates (omitted dates are cleared); audited. Answers with the new warnings."""
    return service.update_pcrs(session, actor=actor, code=code, fields=fields, on=date.today())
