"""Schedule-aware plans: which people to send to which upcoming session so a unit is ready in time.

The planner is a handful of pure functions over the unit's gaps (readiness.readiness.service
.unit_gaps: who lacks each line on the deployment date), the sessions' places (course_sessions
.seats.SessionSeats, the one seat rule) and the places already booked; `load_inputs` is the
thin part that reads them. For each course line not met on the deployment date it sends, in
the order of the gaps, people without any completion first, only as many as the shortfall,
each to the earliest session of the line's course (or of a course declared equivalent) that
starts after today, ends by the deployment date, has a place the person may take, and does not
clash with another session the person attends.
"""

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date

from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.course_sessions.seats import SessionSeats, session_seats
from readiness.errors import Forbidden, Invalid, NotFound
from readiness.models import Gender, Unit
from readiness.planning import repository
from readiness.planning.repository import Booked
from readiness.planning.schemas import LapsingPerson, PlanLine, PlanPlace, Retraining, UnitPlan, WomenLine
from readiness.readiness import service as engine
from readiness.readiness.schemas import LineResult, PersonGap, UnitReadiness
from readiness.web.i18n import gettext as _
from readiness.web.i18n import ngettext


@dataclass(frozen=True)
class Candidate:
    """A person who needs a line: not trained on the deployment date, or lapsing during the tour."""

    person_id: int
    service_number: str
    family_name: str | None
    given_name: str | None
    role: str | None
    gender: str
    lapses_on: date | None = None


@dataclass(frozen=True)
class LineNeed:
    """One course line on the deployment date and the people who could close it."""

    line: LineResult
    counting: frozenset[int]  # course ids whose sessions count for the line
    candidates: tuple[Candidate, ...]  # not trained on the date, in the order to send them
    lapsing: tuple[Candidate, ...] = ()  # trained, but lapsing during the tour


# --- the pure planner ----------------------------------------------------------------------


@dataclass
class Ledger:
    """The places left in each session and the dates each person is already taken, as the plan fills them."""

    seats: dict[int, SessionSeats]
    busy: dict[int, list[tuple[date, date]]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def of(cls, sessions: list[SessionSeats], booked: list[Booked]) -> "Ledger":
        ledger = cls({seats.session_id: seats for seats in sessions})
        for place in booked:
            ledger.busy[place.person_id].append((place.start_on, place.end_on))
        return ledger

    def fits(self, person: Candidate, session_id: int) -> bool:
        """Whether the person may take a place in the session and is free on its dates."""
        seats = self.seats[session_id]
        return seats.free_for(person.gender) > 0 and not self.clashes(person.person_id, seats)

    def clashes(self, person_id: int, seats: SessionSeats) -> bool:
        return any(start <= seats.end_on and seats.start_on <= end for start, end in self.busy[person_id])

    def take(self, person: Candidate, session_id: int) -> SessionSeats:
        """Book the person into the session in the ledger; returns the session as it was."""
        seats = self.seats[session_id]
        woman = Gender(person.gender) == Gender.F
        self.seats[session_id] = replace(seats, booked=seats.booked + 1, booked_women=seats.booked_women + woman)
        self.busy[person.person_id].append((seats.start_on, seats.end_on))
        return seats


def candidate_order(gaps: list[PersonGap]) -> list[PersonGap]:
    """People with no completion at all first, then those whose training lapsed; otherwise as listed."""
    return sorted(gaps, key=lambda gap: gap.lapses_on is not None)


def sessions_in_time(sessions: list[SessionSeats], counting: frozenset[int], by: date) -> list[SessionSeats]:
    """The sessions of the counting courses that end on or before `by`, earliest first."""
    return [seats for seats in sessions if seats.course_id in counting and seats.end_on <= by]


def place(person: Candidate, seats: SessionSeats, place_id: int | None = None) -> PlanPlace:
    return PlanPlace(
        person_id=person.person_id, service_number=person.service_number, family_name=person.family_name,
        given_name=person.given_name, gender=person.gender, role=person.role, session_id=seats.session_id,
        course=seats.course, centre=seats.centre, centre_name=seats.centre_name, start_on=seats.start_on,
        end_on=seats.end_on, status="booked" if place_id else "proposed", place_id=place_id,
        lapses_on=person.lapses_on,
    )


def holds(people: tuple[Candidate, ...], options: list[SessionSeats], booked: list[Booked],
          proposed: dict[int, list[PlanPlace]]) -> tuple[list[PlanPlace], list[PlanPlace]]:
    """Of `people`, those already booked into one of `options` and those the plan already sends
    to one (for another line on the same or an equivalent course)."""
    by_id = {seats.session_id: seats for seats in options}
    ours = {person.person_id: person for person in people}
    already = [place(ours[b.person_id], by_id[b.session_id], b.place_id) for b in booked
               if b.person_id in ours and b.session_id in by_id]
    done = {p.person_id for p in already}
    planned = [p for person_id in ours if person_id not in done
               for p in proposed.get(person_id, []) if p.session_id in by_id]
    return _first_per_person(already), _first_per_person(planned)


def _first_per_person(places: list[PlanPlace]) -> list[PlanPlace]:
    seen: set[int] = set()
    return [p for p in places if not (p.person_id in seen or seen.add(p.person_id))]


def send(people: list[Candidate], options: list[SessionSeats], ledger: Ledger, wanted: int) -> list[PlanPlace]:
    """Up to `wanted` of `people`, in order, each into the earliest of `options` they fit."""
    sent: list[PlanPlace] = []
    for person in people:
        if len(sent) >= wanted:
            break
        chosen = next((seats for seats in options if ledger.fits(person, seats.session_id)), None)
        if chosen is not None:
            sent.append(place(person, ledger.take(person, chosen.session_id)))
    return sent


def plan_line(need: LineNeed, sessions: list[SessionSeats], booked: list[Booked], ledger: Ledger,
              proposed: dict[int, list[PlanPlace]], deploy_on: date) -> PlanLine:
    """How the plan closes one course line by the deployment date (nothing to do when it is met)."""
    line = need.line
    options = sessions_in_time(sessions, need.counting, deploy_on)
    free = sum(seats.free for seats in options)
    fields = {"course": line.course, "role": line.role, "min_pct": line.min_pct, "eligible": line.eligible,
              "trained": line.trained, "shortfall": line.shortfall, "met_already": line.met, "free_places": free}
    if line.met:
        return PlanLine(**fields, booked=[], proposed=[], reached=True)
    if line.eligible == 0:
        return PlanLine(**fields, booked=[], proposed=[], reached=False, note=nobody_eligible_note(line))
    already, in_plan = holds(need.candidates, options, booked, proposed)
    covered = {p.person_id for p in already + in_plan}
    wanted = max(0, line.shortfall - len(covered))
    sent = send([c for c in need.candidates if c.person_id not in covered], options, ledger, wanted)
    missing = wanted - len(sent)
    note = shortfall_note(line, wanted, len(options), free, len(sent), deploy_on) if missing > 0 else None
    return PlanLine(**fields, booked=already, proposed=in_plan + sent, reached=missing <= 0, note=note)


def shortfall_note(line: LineResult, wanted: int, sessions: int, free: int, sendable: int, deploy_on: date) -> str:
    """Why a line stays short, in plain words (whole sentences, so that they translate)."""
    values = {"course": _line_name(line), "date": deploy_on.isoformat(), "free": free, "sendable": sendable}
    if sessions == 0:
        return ngettext("Needs %(num)s more person trained in %(course)s before %(date)s; no session of it "
                        "starts after today and ends by then.",
                        "Needs %(num)s more people trained in %(course)s before %(date)s; no session of it "
                        "starts after today and ends by then.", wanted, **values)
    if free == 0:
        return ngettext("Needs %(num)s more person trained in %(course)s before %(date)s; the sessions before "
                        "then are full.",
                        "Needs %(num)s more people trained in %(course)s before %(date)s; the sessions before "
                        "then are full.", wanted, **values)
    if free < wanted:
        return ngettext("Needs %(num)s more person trained in %(course)s before %(date)s; the sessions before "
                        "then have %(free)s free places.",
                        "Needs %(num)s more people trained in %(course)s before %(date)s; the sessions before "
                        "then have %(free)s free places.", wanted, **values)
    return ngettext("Needs %(num)s more person trained in %(course)s before %(date)s; the sessions before then "
                    "have %(free)s free places, but only %(sendable)s can take the people who need them (places "
                    "held for women, or dates that clash with their other courses).",
                    "Needs %(num)s more people trained in %(course)s before %(date)s; the sessions before then "
                    "have %(free)s free places, but only %(sendable)s can take the people who need them (places "
                    "held for women, or dates that clash with their other courses).", wanted, **values)


def nobody_eligible_note(line: LineResult) -> str:
    """A line no one on the roster may count for: only the roster can change that."""
    if line.role:
        return _("No one on the roster has the role %(role)s that the %(course)s line asks for: training cannot "
                 "close this; the roster must change.", role=line.role, course=line.course)
    return _("The roster is empty on the deployment date: training cannot close the %(course)s line.",
             course=line.course)


def _line_name(line: LineResult) -> str:
    return f"{line.course} ({line.role})" if line.role else str(line.course)


def retraining(need: LineNeed, sessions: list[SessionSeats], booked: list[Booked], ledger: Ledger) -> Retraining:
    """The line's people lapsing during the tour, each into the earliest session ending before they lapse."""
    options = [seats for seats in sessions if seats.course_id in need.counting]
    already, sent, without = [], [], []
    for person in need.lapsing:
        in_time = [seats for seats in options if person.lapses_on is None or seats.end_on < person.lapses_on]
        held = holds((person,), in_time, booked, {})[0]
        placed = held or send([person], in_time, ledger, 1)
        (already if held else sent).extend(placed)
        if not placed:
            without.append(LapsingPerson(person_id=person.person_id, service_number=person.service_number,
                                         family_name=person.family_name, given_name=person.given_name,
                                         lapses_on=person.lapses_on))
    return Retraining(course=need.line.course, role=need.line.role, lapsing=len(need.lapsing), booked=already,
                      proposed=sent, unplaced=len(without), without_session=without)


def women_line(line: LineResult | None) -> WomenLine | None:
    """The women line, with a plain note when it is not met: training cannot change it."""
    if line is None:
        return None
    note = None if line.met else _(
        "The roster has %(actual)s women against %(required)s required: training cannot close this; "
        "the roster must change.", actual=percent(line.coverage_pct), required=percent(line.min_pct))
    return WomenLine(min_pct=line.min_pct, women_pct=line.coverage_pct, met=line.met, note=note)


def percent(value: float) -> str:
    return f"{value:g}%"


def plan_lines(needs: list[LineNeed], sessions: list[SessionSeats], booked: list[Booked],
               deploy_on: date) -> tuple[list[PlanLine], list[Retraining]]:
    """Every course line, in the requirement's order, then the optional retraining part.

    One ledger for both, so the lines come first and retraining only takes the places left.
    """
    ledger = Ledger.of(sessions, booked)
    proposed: dict[int, list[PlanPlace]] = defaultdict(list)
    lines = []
    for need in needs:
        lines.append(plan_line(need, sessions, booked, ledger, proposed, deploy_on))
        for planned in lines[-1].proposed:
            proposed[planned.person_id].append(planned)
    retrain = [retraining(need, sessions, booked, ledger) for need in needs if need.lapsing]
    return lines, retrain


def verdict(lines: list[PlanLine], women: WomenLine | None, deploy_on: date) -> tuple[bool, str]:
    """Whether the plan makes the unit ready on the deployment date, and the sentence that says so."""
    day = deploy_on.isoformat()
    notes = [line.note for line in lines if not line.reached and line.note]
    if women is not None and not women.met and women.note:
        notes.append(women.note)
    if notes:
        return False, _("No plan can make the unit ready by %(date)s: ", date=day) + " ".join(notes)
    if all(line.met_already for line in lines):
        return True, _("The unit is ready by %(date)s already: there is nothing to book.", date=day)
    return True, _("This plan makes the unit ready by %(date)s.", date=day)


def line_needs(lines: list[LineResult], gaps: list[PersonGap], genders: dict[int, str],
               course_ids: dict[str, int], counting: dict[int, set[int]]) -> list[LineNeed]:
    """The course lines with the people who could close each (gaps matched by course and role)."""
    by_line: dict[tuple[str, str | None], list[PersonGap]] = defaultdict(list)
    for gap in gaps:
        by_line[(gap.course, gap.line_role)].append(gap)
    needs = []
    for line in lines:
        if line.kind != "course":
            continue
        mine = by_line[(line.course, line.role)]
        missing = [_candidate(gap, genders) for gap in candidate_order([g for g in mine if g.reason == "not_trained"])]
        lapsing = [_candidate(gap, genders) for gap in mine if gap.reason == "expiring"]
        course_id = course_ids[line.course]
        needs.append(LineNeed(line=line, counting=frozenset(counting.get(course_id, {course_id})),
                              candidates=tuple(missing), lapsing=tuple(lapsing)))
    return needs


def _candidate(gap: PersonGap, genders: dict[int, str]) -> Candidate:
    return Candidate(person_id=gap.person_id, service_number=gap.service_number, family_name=gap.family_name,
                     given_name=gap.given_name, role=gap.role, gender=genders.get(gap.person_id, Gender.M.value),
                     lapses_on=gap.lapses_on)


# --- the loader ----------------------------------------------------------------------------


@dataclass(frozen=True)
class PlanInputs:
    """What a plan is made of, read in a fixed number of queries whatever the unit's size."""

    unit: Unit
    report: UnitReadiness
    deploy_on: date
    needs: list[LineNeed]
    sessions: list[SessionSeats]
    booked: list[Booked]
    genders: dict[int, str]


def unit_with_people(session: Session, actor: Actor, code: str) -> Unit:
    """The unit, if the actor may see its people (a plan names them)."""
    unit = repository.find_unit(session, code)
    if unit is None or not actor.can_read_country(unit.country_code):
        raise NotFound(_("There is no unit %(code)s.", code=code))
    if not actor.can_see_people_of(unit.country_code):
        raise Forbidden(_("A training plan names people: only the unit's own country may see it."))
    return unit


def requirement_of(session: Session, unit: Unit, requirement_code: str | None) -> str:
    """CODE@VERSION asked for, or the unit's target requirement."""
    if requirement_code:
        return requirement_code
    target = repository.target_requirement(session, unit)
    if target is None:
        raise Invalid(_("%(unit)s has no target requirement: choose the requirement to plan for.", unit=unit.code))
    return f"{target.code}@{target.version}"


def deployment_of(unit: Unit, today: date) -> date:
    """The date the plan must be ready by: the unit's planned deployment, still to come."""
    if unit.planned_deployment is None:
        raise Invalid(_("%(unit)s has no planned deployment date, so there is nothing to plan towards. "
                        "Set the unit's planned deployment first.", unit=unit.code))
    if unit.planned_deployment <= today:
        raise Invalid(_("%(unit)s was planned to deploy on %(date)s, which has passed: no session can "
                        "train people before it.", unit=unit.code, date=unit.planned_deployment.isoformat()))
    return unit.planned_deployment


def load_inputs(session: Session, *, actor: Actor, unit_code: str, requirement_code: str | None,
                today: date) -> PlanInputs:
    """Read the unit's readiness and gaps on its deployment date, the sessions and the booked places."""
    unit = unit_with_people(session, actor, unit_code)
    code = requirement_of(session, unit, requirement_code)
    deploy_on = deployment_of(unit, today)
    report = engine.unit_readiness(session, actor=actor, unit_code=unit.code, requirement_code=code, as_of=deploy_on)
    gaps = engine.unit_gaps(session, actor=actor, unit_code=unit.code, requirement_code=code, as_of=deploy_on)
    genders = repository.genders(session, unit.id, deploy_on)
    course_ids = repository.course_ids(session, {line.course for line in report.lines if line.course})
    counting = repository.counting_courses(session, set(course_ids.values()))
    every = sorted(set().union(*counting.values())) if counting else []
    sessions = session_seats(session, course_ids=every, starting_after=today, with_free_places_only=False)
    return PlanInputs(
        unit=unit, report=report, deploy_on=deploy_on, genders=genders,
        needs=line_needs(report.lines, gaps.gaps, genders, course_ids, counting),
        sessions=sessions, booked=repository.booked_places(session, unit.id, deploy_on, today),
    )


def make_plan(inputs: PlanInputs, *, today: date, can_book: bool) -> UnitPlan:
    """The plan from its inputs (pure)."""
    report = inputs.report
    lines, retrain = plan_lines(inputs.needs, inputs.sessions, inputs.booked, inputs.deploy_on)
    women = women_line(next((line for line in report.lines if line.kind == "women"), None))
    ready, sentence = verdict(lines, women, inputs.deploy_on)
    return UnitPlan(
        unit=inputs.unit.code, unit_name=inputs.unit.name, country=inputs.unit.country_code,
        requirement=report.requirement, requirement_version=report.requirement_version, today=today,
        deploy_on=inputs.deploy_on, tour_end=report.tour_end,
        ready=ready, verdict=sentence, lines=lines, women=women, retraining=retrain, can_book=can_book,
    )


def unit_plan(session: Session, *, actor: Actor, unit_code: str, requirement_code: str | None = None,
              today: date | None = None) -> UnitPlan:
    """The unit's training plan for a requirement (default: its target) by its planned deployment."""
    day = today or date.today()
    inputs = load_inputs(session, actor=actor, unit_code=unit_code, requirement_code=requirement_code, today=day)
    return make_plan(inputs, today=day, can_book=actor.can_book_places_for(inputs.unit.country_code))


def places_held(session: Session, gaps: list[PersonGap], *, today: date) -> dict[tuple[int, str], date]:
    """(person id, line course code) -> the start of the earliest upcoming place the person holds in
    a session of that course or of one that counts for it: who needs what shows them as planned."""
    line_ids = repository.course_ids(session, {gap.course for gap in gaps})
    counting = repository.counting_courses(session, set(line_ids.values()))
    line_codes_of: dict[int, set[str]] = defaultdict(set)
    for code, line_id in line_ids.items():
        for course_id in counting[line_id]:
            line_codes_of[course_id].add(code)
    held: dict[tuple[int, str], date] = {}
    for person_id, course_id, start_on in repository.upcoming_places(
            session, [gap.person_id for gap in gaps], today):
        for code in line_codes_of.get(course_id, ()):
            key = (person_id, code)
            held[key] = min(held.get(key, start_on), start_on)
    return held
