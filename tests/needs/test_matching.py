"""Matching: each need beside the sessions with free places before it is needed, the partners offering it,
and what stays unmatched."""

from datetime import date

from readiness.accounts.scope import SYSTEM
from readiness.models import Gender, NeedStatus, PartnershipStatus, SupportCategory
from readiness.needs import service
from tests import factories
from tests.needs.factories import CapacityNeedFactory, partnership, pledged_unit, requirement_with

TODAY = date(2026, 6, 1)


def _session_with_bookings(course, *, start_on, end_on, seats, for_women, men=0, women=0):
    course_session = factories.CourseSessionFactory(course_id=course.id, start_on=start_on, end_on=end_on,
                                                    seats=seats, seats_for_women=for_women)
    for gender, count in ((Gender.M, men), (Gender.F, women)):
        for _ in range(count):
            person = factories.PersonFactory(gender=gender)
            factories.SessionPlaceFactory(session_id=course_session.id, person_id=person.id)
    return course_session


def _matching(session, country):
    return service.country_matching(session, actor=SYSTEM, country=country, today=TODAY)


def test_a_need_is_matched_with_free_places_before_it_is_needed_and_the_rest_stays_unmatched(session):
    course = factories.CourseFactory(code="UAS-OPS")
    country = factories.CountryFactory().code
    CapacityNeedFactory(country_code=country, course_id=course.id, capability=None, quantity=40,
                        needed_by=date(2026, 10, 1))
    _session_with_bookings(course, start_on=date(2026, 7, 6), end_on=date(2026, 7, 17), seats=30, for_women=6,
                           men=1, women=1)
    _session_with_bookings(course, start_on=date(2026, 9, 21), end_on=date(2026, 10, 2), seats=30, for_women=0)
    _session_with_bookings(course, start_on=date(2026, 8, 3), end_on=date(2026, 8, 7), seats=2, for_women=0, men=2)
    _session_with_bookings(course, start_on=date(2026, 5, 4), end_on=date(2026, 5, 8), seats=30, for_women=0)

    [need] = _matching(session, country).stated

    assert [(s.start_on, s.free, s.free_held_for_women) for s in need.sessions] == [(date(2026, 7, 6), 28, 5)]
    assert need.free_places == 28
    assert need.unmatched == 12
    assert not need.unmatched_entirely


def test_free_places_that_cover_the_need_leave_nothing_unmatched(session):
    course = factories.CourseFactory()
    country = factories.CountryFactory().code
    CapacityNeedFactory(country_code=country, course_id=course.id, capability=None, quantity=10)
    _session_with_bookings(course, start_on=date(2027, 1, 4), end_on=date(2027, 1, 8), seats=12, for_women=4)

    [need] = _matching(session, country).stated

    assert need.free_places == 12 and need.unmatched == 0


def test_partners_offering_the_course_or_the_category_are_listed(session):
    course = factories.CourseFactory()
    country = factories.CountryFactory().code
    CapacityNeedFactory(country_code=country, course_id=course.id, capability=None, quantity=5)
    by_course = partnership(partner=factories.PartnerFactory(code="P-COURSE"), country=country, courses=[course])
    partnership(partner=factories.PartnerFactory(code="P-TRAIN"), categories=[SupportCategory.training])
    partnership(partner=factories.PartnerFactory(code="P-EQUIP"), categories=[SupportCategory.equipment])
    partnership(partner=factories.PartnerFactory(code="P-DONE"), courses=[course],
                status=PartnershipStatus.completed)

    [need] = _matching(session, country).stated

    assert [(p.code, p.offers_course, p.supports_country) for p in need.partners] == [
        ("P-COURSE", True, True), ("P-TRAIN", False, False)]
    assert by_course.partner_id is not None
    assert need.unmatched == 5  # partners are options, not places: the quantity stays to fill


def test_a_capability_need_is_matched_by_category_only(session):
    course = factories.CourseFactory()
    country = factories.CountryFactory().code
    CapacityNeedFactory(country_code=country, category=SupportCategory.equipment, course_id=None,
                        capability="Level 2 hospital sterilisation equipment", quantity=2)
    partnership(partner=factories.PartnerFactory(code="P-EQUIP"), categories=[SupportCategory.equipment])
    partnership(partner=factories.PartnerFactory(code="P-COURSE"), courses=[course])

    [need] = _matching(session, country).stated

    assert [p.code for p in need.partners] == ["P-EQUIP"]
    assert need.sessions == []


def test_a_need_nobody_offers_is_plainly_unmatched(session):
    country = factories.CountryFactory().code
    CapacityNeedFactory(country_code=country, category=SupportCategory.infrastructure, course_id=None,
                        capability="Prefabricated camp", quantity=1)

    [need] = _matching(session, country).stated

    assert need.unmatched_entirely and need.unmatched == 1


def test_withdrawn_and_met_needs_are_not_matched(session):
    country = factories.CountryFactory().code
    CapacityNeedFactory(country_code=country, status=NeedStatus.withdrawn)
    CapacityNeedFactory(country_code=country, status=NeedStatus.met)

    assert _matching(session, country).stated == []


def test_derived_needs_are_matched_beside_the_stated_ones(session):
    first_aid = factories.CourseFactory(code="UNBFAC")
    requirement = requirement_with((first_aid, 100))
    country = factories.CountryFactory().code
    pledged_unit(country=country, requirement=requirement, deploys_on=date(2026, 11, 1), people=8)
    CapacityNeedFactory(country_code=country)
    _session_with_bookings(first_aid, start_on=date(2026, 9, 7), end_on=date(2026, 9, 11), seats=5, for_women=2)

    matching = _matching(session, country)

    assert len(matching.stated) == 1
    [derived] = matching.derived
    assert (derived.kind, derived.course, derived.quantity, derived.needed_by) == (
        "derived", "UNBFAC", 8, date(2026, 11, 1))
    assert derived.free_places == 5 and derived.unmatched == 3
    assert derived.sessions[0].free_held_for_women == 2
    assert [unit.shortfall for unit in derived.units] == [8]


def test_a_session_ending_on_the_day_it_is_needed_is_too_late(session):
    course = factories.CourseFactory()
    country = factories.CountryFactory().code
    CapacityNeedFactory(country_code=country, course_id=course.id, capability=None, needed_by=date(2026, 9, 11))
    _session_with_bookings(course, start_on=date(2026, 9, 7), end_on=date(2026, 9, 11), seats=5, for_women=0)

    [need] = _matching(session, country).stated

    assert need.sessions == []


def test_a_partner_view_covers_the_countries_of_its_partnerships_too(session):
    course = factories.CourseFactory()
    listed, partnered = factories.CountryFactory().code, factories.CountryFactory().code
    partner = factories.PartnerFactory(code="P-BOTH")
    factories.PartnerCountryFactory(partner_id=partner.id, country_code=listed)
    partnership(partner=partner, country=partnered, courses=[course], categories=[SupportCategory.mentoring])
    CapacityNeedFactory(country_code=listed, category=SupportCategory.mentoring, capability="Mentors", quantity=2)
    CapacityNeedFactory(country_code=partnered, course_id=course.id, capability=None, quantity=7)
    CapacityNeedFactory(country_code=partnered, category=SupportCategory.equipment, capability="Not offered")

    demand = service.partner_demand(session, actor=SYSTEM, code="P-BOTH", today=TODAY)

    assert demand.countries == sorted([listed, partnered])
    assert sorted(need.quantity for need in demand.needs) == [2, 7]
    assert demand.could_fill == 9


def test_each_free_place_counts_once_for_the_need_due_first(session):
    course = factories.CourseFactory()
    country = factories.CountryFactory().code
    later = CapacityNeedFactory(country_code=country, course_id=course.id, capability=None, quantity=5,
                                needed_by=date(2026, 12, 1))
    sooner = CapacityNeedFactory(country_code=country, course_id=course.id, capability=None, quantity=8,
                                 needed_by=date(2026, 10, 1))
    _session_with_bookings(course, start_on=date(2026, 7, 6), end_on=date(2026, 7, 10), seats=10, for_women=0)
    _session_with_bookings(course, start_on=date(2026, 10, 5), end_on=date(2026, 10, 9), seats=2, for_women=0)

    needs = {need.need_id: need for need in _matching(session, country).stated}

    first, second = needs[sooner.id], needs[later.id]
    assert [(s.free, s.counted) for s in first.sessions] == [(10, 8)]
    assert (first.free_places, first.counted_places, first.unmatched) == (10, 8, 0)
    assert [(s.free, s.counted) for s in second.sessions] == [(10, 2), (2, 2)]
    assert (second.free_places, second.counted_places, second.unmatched) == (12, 4, 1)
