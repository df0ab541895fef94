"""A centre's cast: its country, a person on a unit, a course, and a signed-in centre user."""

import pytest

from tests import factories


@pytest.fixture
def country(session):
    return factories.CountryFactory()


@pytest.fixture
def person(country):
    person = factories.PersonFactory(country_code=country.code, service_number="GH-1001", family_name="Mensah",
                                     given_name="Ama", rank="Captain")
    unit = factories.UnitFactory(country_code=country.code, code="GHABATT-1")
    factories.AssignmentFactory(person_id=person.id, unit_id=unit.id)
    return person


@pytest.fixture
def course(session):
    return factories.CourseFactory(code="CPTM-1.1", title="UN Peacekeeping")


@pytest.fixture
def centre_client(login_as, country):
    return login_as("training_centre", country=country.code)


def form(course, **changes) -> dict:
    """The completion form as a browser sends it."""
    values = {"service_number": "GH-1001", "course_id": str(course.id), "completed_on": "2026-03-05",
              "result": "passed", "score": "", "waiver_reason": "", "session_id": ""}
    return {**values, **changes}
