"""The planner's pure functions: seats, places held for women, clashing dates, role lines, the impossible case."""

from datetime import date

from readiness.course_sessions.seats import SessionSeats
from readiness.planning import service
from readiness.planning.repository import Booked
from readiness.planning.service import Candidate, LineNeed
from readiness.readiness.schemas import LineResult

DEPLOY = date(2027, 3, 1)
COURSE = 1


def seats(session_id, start, end, *, seats=10, for_women=0, booked=0, booked_women=0, course_id=COURSE,
          course="UNBFAC") -> SessionSeats:
    return SessionSeats(session_id=session_id, course_id=course_id, course=course, centre_id=1, centre="KAIPTC",
                        centre_name="Kofi Annan centre", centre_country="GHA", start_on=start, end_on=end,
                        language="en", seats=seats, seats_for_women=for_women, booked=booked,
                        booked_women=booked_women)


def line(shortfall, *, eligible=100, course="UNBFAC", role=None, met=False) -> LineResult:
    return LineResult(kind="course", course=course, role=role, min_pct=100, eligible=eligible,
                      trained=eligible - shortfall, coverage_pct=0, met=met, shortfall=shortfall, expiring=0)


def people(count, *, gender="M", start=1, role="rifleman") -> list[Candidate]:
    return [Candidate(person_id=n, service_number=f"SN{n}", family_name=f"Family{n}", given_name="A", role=role,
                      gender=gender) for n in range(start, start + count)]


def need(shortfall, candidates, *, counting=frozenset({COURSE}), **line_values) -> LineNeed:
    return LineNeed(line=line(shortfall, **line_values), counting=counting, candidates=tuple(candidates))


def plan(needs, sessions, booked=()):
    return service.plan_lines(needs, sessions, list(booked), DEPLOY)


def test_it_sends_only_as_many_people_as_the_shortfall():
    lines, _retraining = plan([need(3, people(8))], [seats(1, date(2027, 1, 4), date(2027, 1, 8))])

    assert [p.person_id for p in lines[0].proposed] == [1, 2, 3]
    assert lines[0].reached and lines[0].note is None


def test_it_fills_the_earliest_session_first_then_the_next():
    sessions = [seats(1, date(2027, 1, 4), date(2027, 1, 8), seats=2), seats(2, date(2027, 2, 1), date(2027, 2, 5))]

    lines, _ = plan([need(3, people(3))], sessions)

    assert [p.session_id for p in lines[0].proposed] == [1, 1, 2]


def test_men_may_not_take_places_held_for_women_but_women_may():
    session = seats(1, date(2027, 1, 4), date(2027, 1, 8), seats=4, for_women=2)
    candidates = people(4) + people(2, gender="F", start=10)

    lines, _ = plan([need(6, candidates)], [session])

    assert sorted(p.person_id for p in lines[0].proposed) == [1, 2, 10, 11]
    assert not lines[0].reached
    assert lines[0].note == ("Needs 6 more people trained in UNBFAC before 2027-03-01; the sessions before then "
                             "have 4 free places.")


def test_a_session_ending_after_the_deployment_date_is_not_used():
    late = seats(1, date(2027, 2, 27), date(2027, 3, 2))

    lines, _ = plan([need(2, people(2))], [late])

    assert lines[0].proposed == []
    assert lines[0].note == ("Needs 2 more people trained in UNBFAC before 2027-03-01; no session of it starts "
                             "after today and ends by then.")


def test_the_impossible_case_says_how_many_free_places_there_are():
    lines, _ = plan([need(37, people(40))], [seats(1, date(2027, 1, 4), date(2027, 1, 8), seats=12)])

    assert len(lines[0].proposed) == 12
    assert lines[0].note == ("Needs 37 more people trained in UNBFAC before 2027-03-01; the sessions before then "
                             "have 12 free places.")


def test_nobody_is_booked_into_two_sessions_at_the_same_time():
    first = need(1, people(1), course="UNBFAC")
    second = need(1, people(1), course="CPTM-2.5", counting=frozenset({2}))
    sessions = [seats(1, date(2027, 1, 4), date(2027, 1, 8)),
                seats(2, date(2027, 1, 6), date(2027, 1, 7), course_id=2, course="CPTM-2.5"),
                seats(3, date(2027, 1, 20), date(2027, 1, 21), course_id=2, course="CPTM-2.5")]

    lines, _ = plan([first, second], sessions)

    assert [p.session_id for p in lines[0].proposed] == [1]
    assert [p.session_id for p in lines[1].proposed] == [3]


def test_a_place_already_booked_elsewhere_blocks_the_same_dates():
    booked = [Booked(place_id=9, person_id=1, session_id=99, course_id=5, start_on=date(2027, 1, 4),
                     end_on=date(2027, 1, 8))]

    lines, _ = plan([need(1, people(2))], [seats(1, date(2027, 1, 5), date(2027, 1, 6))], booked)

    assert [p.person_id for p in lines[0].proposed] == [2]


def test_people_already_booked_count_as_planned_not_missing():
    session = seats(1, date(2027, 1, 4), date(2027, 1, 8), booked=1)
    booked = [Booked(place_id=7, person_id=1, session_id=1, course_id=COURSE, start_on=session.start_on,
                     end_on=session.end_on)]

    lines, _ = plan([need(2, people(3))], [session], booked)

    assert [(p.person_id, p.status, p.place_id) for p in lines[0].booked] == [(1, "booked", 7)]
    assert [p.person_id for p in lines[0].proposed] == [2]


def test_a_role_line_only_sends_the_people_listed_for_it():
    commanders = people(2, role="commander", start=50)

    lines, _ = plan([need(1, commanders, role="commander")], [seats(1, date(2027, 1, 4), date(2027, 1, 8))])

    assert [p.person_id for p in lines[0].proposed] == [50]
    assert "UNBFAC (commander)" in service.shortfall_note(line(3, role="commander"), 3, 1, 1, 1, DEPLOY)


def test_people_without_any_completion_go_before_those_whose_training_lapsed():
    from readiness.readiness.schemas import PersonGap

    def gap(person_id, lapses_on):
        return PersonGap(person_id=person_id, service_number="", family_name=None, given_name=None, role=None,
                         course="UNBFAC", line_role=None, reason="not_trained", lapses_on=lapses_on)

    ordered = service.candidate_order([gap(1, date(2026, 1, 1)), gap(2, None), gap(3, None)])

    assert [g.person_id for g in ordered] == [2, 3, 1]


def test_sessions_of_an_equivalent_course_count_for_the_line():
    equivalent = seats(1, date(2027, 1, 4), date(2027, 1, 8), course_id=7, course="NAT-FA")

    lines, _ = plan([need(1, people(1), counting=frozenset({COURSE, 7}))], [equivalent])

    assert [p.course for p in lines[0].proposed] == ["NAT-FA"]


def test_the_women_line_cannot_be_fixed_by_training():
    women = LineResult(kind="women", course=None, role=None, min_pct=15, eligible=100, trained=6,
                       coverage_pct=6.0, met=False, shortfall=9, expiring=0)

    line_result = service.women_line(women)
    ready, sentence = service.verdict([], line_result, DEPLOY)

    assert line_result.note == ("The roster has 6% women against 15% required: training cannot close this; "
                                "the roster must change.")
    assert not ready and sentence.startswith("No plan can make the unit ready by 2027-03-01: The roster has 6%")


def test_a_plan_that_closes_every_line_makes_the_unit_ready():
    lines, _ = plan([need(2, people(2)), need(0, [], met=True, course="CPTM-2.5")],
                    [seats(1, date(2027, 1, 4), date(2027, 1, 8))])

    assert service.verdict(lines, None, DEPLOY) == (True, "This plan makes the unit ready by 2027-03-01.")


def test_retraining_uses_the_places_the_lines_leave_and_sessions_before_the_lapse():
    lapsing = (Candidate(person_id=5, service_number="SN5", family_name=None, given_name=None, role=None,
                         gender="M", lapses_on=date(2027, 6, 1)),
               Candidate(person_id=6, service_number="SN6", family_name=None, given_name=None, role=None,
                         gender="M", lapses_on=date(2027, 1, 5)))
    needy = LineNeed(line=line(1), counting=frozenset({COURSE}), candidates=tuple(people(1)), lapsing=lapsing)

    _lines, retraining = plan([needy], [seats(1, date(2027, 1, 4), date(2027, 1, 8), seats=2)])

    assert [p.person_id for p in retraining[0].proposed] == [5]
    assert retraining[0].unplaced == 1 and [p.person_id for p in retraining[0].without_session] == [6]


def test_a_role_line_with_nobody_in_the_role_cannot_be_closed_by_training():
    lines, _ = plan([need(0, [], eligible=0, role="commander")], [seats(1, date(2027, 1, 4), date(2027, 1, 8))])

    assert not lines[0].reached
    assert lines[0].note == ("No one on the roster has the role commander that the UNBFAC line asks for: training "
                             "cannot close this; the roster must change.")
