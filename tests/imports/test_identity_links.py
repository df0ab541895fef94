"""Identity links files, and the courses' xAPI activity id column."""

import pytest
from sqlmodel import select

from readiness.errors import Forbidden

from readiness.imports import service
from readiness.models import Course, IdentityLink
from tests import factories
from tests.imports.conftest import IMPORT_DAY, csv_file

LINK_HEADER = ["country", "service_number", "actor"]
COURSE_HEADER = ["code", "title", "category", "validity_months", "assessed", "xapi_activity_id"]


def run(session, actor, kind, rows):
    return service.run(session, actor=actor, kind=kind, file=csv_file(rows), today=IMPORT_DAY)


def test_it_links_an_mbox_and_an_account_normalised(session, centre_actor, country):
    person = factories.PersonFactory(country_code=country.code, service_number="12345")

    report = run(session, centre_actor, "identity_links", [
        LINK_HEADER, [country.code, "12345", "mailto:Ama@Example.ORG"],
        [country.code, "12345", "https://lms.example.org/|ama.mensah"]])

    assert report.written and report.to_create == 2
    keys = session.exec(select(IdentityLink.actor_key).where(IdentityLink.person_id == person.id)).all()
    assert sorted(keys) == ["account:https://lms.example.org|ama.mensah", "mbox:mailto:ama@example.org"]


def test_a_link_to_another_person_moves_and_the_same_file_again_changes_nothing(session, centre_actor, country):
    first = factories.PersonFactory(country_code=country.code, service_number="1")
    second = factories.PersonFactory(country_code=country.code, service_number="2")
    factories.IdentityLinkFactory(actor_key="mbox:mailto:a@example.org", person_id=first.id)
    rows = [LINK_HEADER, [country.code, "2", "mailto:a@example.org"]]

    moved = run(session, centre_actor, "identity_links", rows)
    again = run(session, centre_actor, "identity_links", rows)

    assert (moved.to_update, again.unchanged, again.written) == (1, 1, False)
    assert session.exec(select(IdentityLink)).one().person_id == second.id


def test_it_names_bad_actors_unknown_people_other_countries_and_duplicates(session, centre_actor, country, other_country):
    factories.PersonFactory(country_code=country.code, service_number="1")

    report = run(session, centre_actor, "identity_links", [
        LINK_HEADER, [country.code, "1", "ama@example.org"], [country.code, "404", "mailto:b@example.org"],
        [other_country.code, "1", "mailto:c@example.org"], [country.code, "1", "mailto:d@example.org"],
        [country.code, "1", "MAILTO:D@example.org"]])

    assert [(error.line, error.column) for error in report.errors] == [
        (2, "actor"), (3, "service_number"), (4, "country"), (6, "actor")]
    assert session.exec(select(IdentityLink)).all() == []


def test_force_generation_may_not_import_identity_links(session, force_generation_actor):
    with pytest.raises(Forbidden):
        run(session, force_generation_actor, "identity_links", [LINK_HEADER])


def test_a_course_gets_its_xapi_activity_id(session, centre_actor):
    run(session, centre_actor, "courses", [COURSE_HEADER, ["POC-1", "POC", "medical", "", "no", "https://lms/x/1"]])

    assert session.exec(select(Course).where(Course.code == "POC-1")).one().xapi_activity_id == "https://lms/x/1"


def test_an_activity_id_of_another_course_or_twice_in_the_file_is_refused(session, centre_actor):
    factories.CourseFactory(code="OLD", xapi_activity_id="https://lms/x/1")

    report = run(session, centre_actor, "courses", [
        COURSE_HEADER, ["NEW", "T", "medical", "", "no", "https://lms/x/1"],
        ["A", "T", "medical", "", "no", "https://lms/x/2"], ["B", "T", "medical", "", "no", "https://lms/x/2"]])

    assert [(error.line, error.column) for error in report.errors] == [(2, "xapi_activity_id"), (4, "xapi_activity_id")]
