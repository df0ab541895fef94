"""Planning: JSON API under /api/v1 — a unit's training plan, booking its places, cancelling one."""

from typing import Annotated

from fastapi import APIRouter, Query, Response

from readiness.planning import bookings, service
from readiness.planning.schemas import BookingIn, BookingOut, UnitPlan
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep

router = APIRouter(prefix="/api/v1/units", tags=["planning"])

RequirementCode = Annotated[
    str | None,
    Query(description="CODE@VERSION (or CODE for the latest); default: the unit's target requirement",
          examples=["UNISFA-EP-2026@1"]),
]


@router.get("/{code}/plan", response_model=UnitPlan,
            responses={403: {"description": "The caller may not see the unit's people"},
                       422: {"description": "The unit has no planned deployment date or no requirement"}})
def unit_plan(code: str, session: SessionDep, actor: CurrentActor, requirement: RequirementCode = None) -> UnitPlan:
    """Which people to send to which upcoming session so the unit is ready on its planned deployment."""
    return service.unit_plan(session, actor=actor, unit_code=code, requirement_code=requirement)


@router.post("/{code}/plan/bookings", response_model=BookingOut, status_code=201,
             responses={409: {"description": "A session filled up since the plan was made; nothing was booked"},
                        403: {"description": "The caller may not book places for the unit's country"}})
def book_plan(code: str, booking: BookingIn, session: SessionDep, actor: CurrentActor) -> BookingOut:
    """Book the plan's places all or nothing; places already booked are not booked twice."""
    return bookings.book_plan(session, actor=actor, unit_code=code, requirement_code=booking.requirement,
                              places=booking.places, retraining=booking.retraining)


@router.delete("/{code}/plan/bookings/{place_id}", status_code=204)
def cancel_place(code: str, place_id: int, session: SessionDep, actor: CurrentActor) -> Response:
    """Cancel a place booked for one of the unit's people."""
    bookings.cancel_place(session, actor=actor, unit_code=code, place_id=place_id)
    return Response(status_code=204)
