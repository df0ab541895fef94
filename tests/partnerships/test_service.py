"""Partnership rules: validation, who keeps and who reads them, the audit, and which partners offer what."""

from datetime import date

import pytest
from pydantic import ValidationError
from sqlmodel import select

from readiness.accounts.scope import Actor
from readiness.errors import Forbidden, Invalid, NotFound
from readiness.models import AuditEntry, PartnershipStatus, Role
from readiness.partnerships import repository, service
from readiness.partnerships.schemas import PartnershipCreate, PartnershipFilter, PartnershipPatch
from readiness.web.pagination import PageRequest
from tests import factories
from tests.partnerships.factories import partnership

ADMIN = Actor(email="admin@example.org", role=Role.admin)


def fields(who, country, **changes) -> PartnershipCreate:
    values = {"partner": who.code, "country": country, "title": "Pre-deployment training",
              "categories": ["training"], "start_on": "2026-02-01", "end_on": "2026-11-30"}
    return PartnershipCreate.model_validate({**values, **changes})


def partner_actor(partner, *countries) -> Actor:
    return Actor(email="partner@example.org", role=Role.partner, partner_id=partner.id,
                 partner_countries=frozenset(countries))


def test_a_partnership_may_not_end_before_it_starts():
    with pytest.raises(ValidationError, match="ends before it starts"):
        PartnershipCreate.model_validate({"partner": "P", "country": "GHA", "title": "T", "categories": ["training"],
                                          "start_on": "2026-05-01", "end_on": "2026-04-30"})


def test_a_partnership_needs_at_least_one_category():
    with pytest.raises(ValidationError, match="categories"):
        PartnershipCreate.model_validate({"partner": "P", "country": "GHA", "title": "T", "categories": [],
                                          "start_on": "2026-05-01"})


def test_an_unknown_course_is_named(session):
    partner, country = factories.PartnerFactory(), factories.CountryFactory()
    with pytest.raises(Invalid) as refused:
        service.create_partnership(session, actor=ADMIN, fields=fields(partner, country.code, courses=["NO-SUCH"]))
    assert refused.value.details == [{"field": "courses", "message": "Unknown course code(s): NO-SUCH."}]


def test_a_partner_records_its_own_partnership_without_naming_itself(session):
    partner, country = factories.PartnerFactory(), factories.CountryFactory()
    course = factories.CourseFactory(code="HEE-X")
    actor = partner_actor(partner)
    created = service.create_partnership(session, actor=actor, fields=fields(partner, country.code, partner="",
                                                                                    courses=["HEE-X"],
                                                                                    categories=["equipment",
                                                                                                "training"]))
    assert (created.partner, created.country, created.courses) == (partner.code, country.code, [course.code])
    assert created.categories == ["training", "equipment"]  # the LCM list's order
    entry = session.exec(select(AuditEntry).where(AuditEntry.entity == "partnership")).one()
    assert (entry.action, entry.after["courses"]) == ("create", ["HEE-X"])


def test_a_partner_may_not_record_another_partners_partnership(session):
    mine, theirs, country = factories.PartnerFactory(), factories.PartnerFactory(), factories.CountryFactory()
    with pytest.raises(Forbidden):
        service.create_partnership(session, actor=partner_actor(mine), fields=fields(theirs, country.code))


def test_force_generation_records_partnerships_of_its_own_country_only(session):
    partner = factories.PartnerFactory()
    home, abroad = factories.CountryFactory(), factories.CountryFactory()
    actor = Actor(email="fg@example.org", role=Role.force_generation, country_code=home.code)
    created = service.create_partnership(session, actor=actor, fields=fields(partner, "", title="Mentoring"))
    assert created.country == home.code
    with pytest.raises(Forbidden):
        service.create_partnership(session, actor=actor, fields=fields(partner, abroad.code))


def test_an_update_is_audited_with_before_and_after(session):
    kept = partnership(status=PartnershipStatus.planned)
    updated = service.update_partnership(session, actor=ADMIN, partnership_id=kept.id,
                                         patch=PartnershipPatch(status="active", categories=["mentoring"]))
    assert (updated.status, updated.categories) == ("active", ["mentoring"])
    entry = session.exec(select(AuditEntry).where(AuditEntry.action == "update")).one()
    assert entry.before == {"status": "planned", "categories": ["training"]}
    assert entry.after == {"status": "active", "categories": ["mentoring"]}


def test_a_patch_that_puts_the_end_before_the_start_is_refused(session):
    kept = partnership()
    with pytest.raises(Invalid):
        service.update_partnership(session, actor=ADMIN, partnership_id=kept.id,
                                   patch=PartnershipPatch(end_on=date(2025, 1, 1)))


def test_a_partner_may_not_move_its_partnership_to_another_partner(session):
    mine, theirs = factories.PartnerFactory(), factories.PartnerFactory()
    kept = partnership(partner_id=mine.id)
    with pytest.raises(Forbidden):
        service.update_partnership(session, actor=partner_actor(mine), partnership_id=kept.id,
                                   patch=PartnershipPatch(partner=theirs.code))


def test_delete_removes_categories_and_courses_and_is_audited(session):
    kept = partnership(courses=[factories.CourseFactory()])
    service.delete_partnership(session, actor=ADMIN, partnership_id=kept.id)
    assert repository.get(session, kept.id) is None
    entry = session.exec(select(AuditEntry).where(AuditEntry.action == "delete")).one()
    assert entry.before["title"] == kept.title


def test_a_partner_reads_its_own_and_its_countries_partnerships_only(session):
    mine, other = factories.PartnerFactory(), factories.PartnerFactory()
    supported, elsewhere = factories.CountryFactory(), factories.CountryFactory()
    own = partnership(partner_id=mine.id, country_code=elsewhere.code)
    with_country = partnership(partner_id=other.id, country_code=supported.code)
    hidden = partnership(partner_id=other.id, country_code=elsewhere.code)
    page = service.partnerships_page(session, actor=partner_actor(mine, supported.code),
                                     filters=PartnershipFilter(), paging=PageRequest())
    assert sorted(p.id for p in page.items) == sorted([own.id, with_country.id])
    with pytest.raises(NotFound):
        service.get_partnership(session, actor=partner_actor(mine, supported.code), partnership_id=hidden.id)


def test_national_users_read_their_countrys_partnerships(session):
    home, elsewhere = factories.CountryFactory(), factories.CountryFactory()
    seen, hidden = partnership(country_code=home.code), partnership(country_code=elsewhere.code)
    actor = Actor(email="tc@example.org", role=Role.training_centre, country_code=home.code, centre_id=1)
    page = service.partnerships_page(session, actor=actor, filters=PartnershipFilter(), paging=PageRequest())
    assert [p.id for p in page.items] == [seen.id]
    assert service.may_edit(session, actor=actor, partnership_id=seen.id) is False
    assert hidden.id not in [p.id for p in page.items]


def test_the_list_filters_by_category_and_long_term(session):
    wanted = partnership(categories=["mentoring"], long_term=True)
    partnership(categories=["mentoring"], long_term=False)
    partnership(categories=["training"], long_term=True)
    page = service.partnerships_page(session, actor=ADMIN, paging=PageRequest(),
                                     filters=PartnershipFilter(category="mentoring", long_term=True))
    assert [p.id for p in page.items] == [wanted.id]


def test_offering_partners_matches_courses_and_categories_of_planned_or_active_partnerships(session):
    country = factories.CountryFactory()
    course, other_course = factories.CourseFactory(), factories.CourseFactory()
    by_course = partnership(country_code=country.code, courses=[course], categories=["training"],
                            status=PartnershipStatus.planned)
    by_category = partnership(country_code=country.code, categories=["mentoring"])
    partnership(country_code=country.code, courses=[course], status=PartnershipStatus.completed)
    partnership(country_code=country.code, courses=[course], status=PartnershipStatus.suspended)
    partnership(courses=[course])  # another country
    partnership(country_code=country.code, courses=[other_course], categories=["equipment"])

    offers = service.offering_partners(session, country_code=country.code, course_ids=[course.id],
                                       categories=["mentoring"])

    matched = {(offer.partnership_id, offer.course_id, offer.category) for offer in offers}
    assert matched == {(by_course.id, course.id, None), (by_category.id, None, "mentoring")}


def test_offering_partners_without_a_country_looks_everywhere_and_names_the_partner(session):
    partner = factories.PartnerFactory(code="OFFER-P", name="Offering partner")
    course = factories.CourseFactory()
    here, there = (partnership(partner_id=partner.id, courses=[course]) for _ in range(2))

    offers = repository.offering_partners(session, country_code=None, course_ids=[course.id], categories=None)

    assert [(o.partner, o.partner_name, o.partnership_id) for o in offers] == [
        ("OFFER-P", "Offering partner", here.id), ("OFFER-P", "Offering partner", there.id)]
    assert repository.offering_partners(session, country_code=None, course_ids=[], categories=[]) == []
