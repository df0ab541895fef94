"""The catalogue's JSON API: the same filters and pages as the HTML catalogue."""

from readiness.models import CourseCategory
from tests import factories


def test_the_api_lists_one_page_of_the_filtered_catalogue(api_client_for):
    factories.CourseFactory(code="API-MED", category=CourseCategory.medical, validity_months=12)
    factories.CourseFactory(code="API-LANG", category=CourseCategory.language)

    body = api_client_for("partner", country="XPA").get("/api/v1/courses?q=API-&category=medical").json()

    assert (body["total"], [course["code"] for course in body["items"]]) == (1, ["API-MED"])
    assert body["items"][0]["validity_months"] == 12


def test_a_course_comes_with_its_equivalences_both_ways(api_client_for):
    national, un = factories.CourseFactory(code="NAT-POC"), factories.CourseFactory(code="UN-POC")
    factories.CourseEquivalenceFactory(course_id=national.id, counts_as_id=un.id)

    body = api_client_for("mission_planner").get("/api/v1/courses/UN-POC").json()

    assert (body["counts_as"], body["accepted_for"], body["sessions"]) == ([], ["NAT-POC"], [])
