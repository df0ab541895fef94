"""Booking a plan's places, all or nothing, and cancelling a booked place (audited)."""

from datetime import date

from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.audit.service import record as audit_record
from readiness.audit.service import snapshot
from readiness.course_sessions.seats import SessionSeats, session_seats
from readiness.errors import Conflict, Forbidden, Invalid, NotFound
from readiness.models import SessionPlace
from readiness.planning import repository, service
from readiness.planning.schemas import BookingOut, PlaceIn
from readiness.web.i18n import gettext as _

Pair = tuple[int, int]  # (person id, session id)


def book_plan(session: Session, *, actor: Actor, unit_code: str, requirement_code: str | None,
              places: list[PlaceIn] | None = None, retraining: bool = False,
              today: date | None = None) -> BookingOut:
    """Book `places` (default: the plan as it stands) for the unit's people: every place or none.

    Free places are counted again under a lock, so a session that filled up since the plan was
    shown refuses the whole booking; places already booked are left as they are.
    """
    day = today or date.today()
    inputs = service.load_inputs(session, actor=actor, unit_code=unit_code, requirement_code=requirement_code,
                                 today=day)
    if not actor.can_book_places_for(inputs.unit.country_code):
        raise Forbidden(_("Only the unit's own country may book places for its people."))
    wanted = _wanted(inputs, places, retraining, day)
    _check_offered(inputs, wanted)
    existing = repository.existing_places(session, set(wanted))
    new = [pair for pair in wanted if pair not in existing]
    repository.lock_sessions(session, {session_id for _person, session_id in new})
    _check_room(session, inputs, new, day)
    created = [_book(session, actor, person_id, session_id) for person_id, session_id in new]
    return BookingOut(created=len(created), already_booked=len(wanted) - len(new), place_ids=created)


def _wanted(inputs: service.PlanInputs, places: list[PlaceIn] | None, retraining: bool, day: date) -> list[Pair]:
    if places is None:
        plan = service.make_plan(inputs, today=day, can_book=True)
        pairs = [(p.person_id, p.session_id) for p in plan.proposed(retraining=retraining)]
    else:
        pairs = [(p.person_id, p.session_id) for p in places]
    return list(dict.fromkeys(pairs))  # the same place twice is one place


def _check_offered(inputs: service.PlanInputs, wanted: list[Pair]) -> None:
    """Each place must be one a plan could offer: a person who needs the line, an upcoming session of it."""
    courses: dict[int, set[int]] = {}
    for need in inputs.needs:
        for person in need.candidates + need.lapsing:
            courses.setdefault(person.person_id, set()).update(need.counting)
    sessions = {seats.session_id: seats for seats in inputs.sessions}
    for person_id, session_id in wanted:
        seats = sessions.get(session_id)
        if seats is None or seats.course_id not in courses.get(person_id, set()):
            raise Invalid(_("Person %(person)s cannot be booked into session %(session)s: the person does not "
                            "need that course for this plan, or the session is not an upcoming one.",
                            person=person_id, session=session_id))


def _check_room(session: Session, inputs: service.PlanInputs, new: list[Pair], day: date) -> None:
    """Refuse the whole booking when a session has no place left for someone, or dates clash."""
    if not new:
        return
    course_ids = sorted({seats.course_id for seats in inputs.sessions})
    fresh = session_seats(session, course_ids=course_ids, starting_after=day, with_free_places_only=False)
    booked = repository.booked_places(session, inputs.unit.id, inputs.deploy_on, day)
    ledger = service.Ledger.of(fresh, booked)
    full: dict[int, SessionSeats] = {}
    for person_id, session_id in new:
        person = service.Candidate(person_id, "", None, None, None, inputs.genders[person_id])
        seats = ledger.seats[session_id]
        if ledger.clashes(person_id, seats):
            raise Conflict(_("Person %(person)s is already booked into another session on those dates; "
                             "nothing was booked. Reload the plan.", person=person_id))
        if not ledger.fits(person, session_id):
            full[session_id] = seats
            continue
        ledger.take(person, session_id)
    if full:
        raise Conflict(_("These sessions have filled up since the plan was made: %(sessions)s. Nothing was "
                         "booked; reload the plan to see the places left.", sessions="; ".join(
                             _session_name(seats) for seats in full.values())))


def _session_name(seats: SessionSeats) -> str:
    return f"{seats.course}, {seats.centre}, {seats.start_on.isoformat()}–{seats.end_on.isoformat()}"


def _book(session: Session, actor: Actor, person_id: int, session_id: int) -> int:
    place = repository.add_place(session, SessionPlace(session_id=session_id, person_id=person_id,
                                                       booked_by=actor.email))
    audit_record(session, actor=actor, action="create", entity="session_place", entity_id=place.id,
                 after=snapshot(place), summary=f"person {person_id} booked into session {session_id}")
    return place.id


def cancel_place(session: Session, *, actor: Actor, unit_code: str, place_id: int) -> None:
    """Give back a place booked for one of the unit's people; audited."""
    unit = service.unit_with_people(session, actor, unit_code)
    if not actor.can_book_places_for(unit.country_code):
        raise Forbidden(_("Only the unit's own country may cancel places booked for its people."))
    place = repository.get_place(session, place_id)
    person = repository.person(session, place.person_id) if place else None
    if place is None or person is None or person.country_code != unit.country_code:
        raise NotFound(_("There is no booked place %(id)s for this unit.", id=place_id))
    before = snapshot(place)
    repository.delete_place(session, place)
    audit_record(session, actor=actor, action="delete", entity="session_place", entity_id=place_id,
                 before=before, summary=f"place of person {person.id} in session {before['session_id']} cancelled")
