"""The partnerships JSON API: list, create, get, patch and delete, with the same access rules as the pages."""

from tests import factories
from tests.partnerships.factories import partnership


def body(partner="", country="", **changes) -> dict:
    values = {"partner": partner, "country": country, "title": "Engineering instructors",
              "categories": ["training", "equipment"], "courses": [], "start_on": "2026-01-12",
              "end_on": "2028-12-15", "long_term": True, "status": "active"}
    return {**values, **changes}


def test_a_partner_creates_its_own_partnership(api_client_for):
    client = api_client_for("partner")
    factories.CountryFactory(code="XAA")
    factories.CourseFactory(code="API-C")
    response = client.post("/api/v1/partnerships", json=body(country="XAA", courses=["API-C"]))
    assert response.status_code == 201
    created = response.json()
    assert (created["country"], created["courses"], created["categories"]) == ("XAA", ["API-C"],
                                                                               ["training", "equipment"])
    assert client.get(f"/api/v1/partnerships/{created['id']}").json()["title"] == "Engineering instructors"


def test_invalid_input_is_refused_with_the_field_named(session, api_client_for):
    client = api_client_for("admin")
    partner = factories.PartnerFactory()
    factories.CountryFactory(code="XAB")
    session.commit()  # a refused request rolls back what it did not commit
    no_category = client.post("/api/v1/partnerships", json=body(partner.code, "XAB", categories=[]))
    assert no_category.status_code == 422
    assert any(error["field"].endswith("categories") for error in no_category.json()["errors"])
    unknown = client.post("/api/v1/partnerships", json=body(partner.code, "XAB", courses=["NOPE"]))
    assert (unknown.status_code, unknown.json()["errors"][0]["field"]) == (422, "courses")


def test_the_list_is_paged_and_filtered(api_client_for):
    client = api_client_for("mission_planner")
    partnership(categories=["financial"], long_term=True)
    partnership(categories=["training"])
    listed = client.get("/api/v1/partnerships", params={"category": "financial", "per_page": 1}).json()
    assert (listed["total"], listed["items"][0]["categories"]) == (1, ["financial"])


def test_a_partner_cannot_patch_or_delete_another_partners_partnership(api_client_for):
    client = api_client_for("partner", partner_countries=("XAC",))
    theirs = partnership(country_code="XAC")
    assert client.get(f"/api/v1/partnerships/{theirs.id}").status_code == 200
    assert client.patch(f"/api/v1/partnerships/{theirs.id}", json={"status": "completed"}).status_code == 403
    assert client.delete(f"/api/v1/partnerships/{theirs.id}").status_code == 403


def test_a_partnership_of_another_country_is_not_found_for_national_users(api_client_for):
    client = api_client_for("force_generation", country="XAD")
    elsewhere = partnership()
    assert client.get(f"/api/v1/partnerships/{elsewhere.id}").status_code == 404
    assert client.patch(f"/api/v1/partnerships/{elsewhere.id}", json={"status": "completed"}).status_code == 404


def test_force_generation_patches_and_deletes_its_countrys_partnership(api_client_for):
    client = api_client_for("force_generation", country="XAE")
    kept = partnership(country_code="XAE")
    patched = client.patch(f"/api/v1/partnerships/{kept.id}", json={"status": "completed", "end_on": "2026-06-30"})
    assert (patched.status_code, patched.json()["status"], patched.json()["end_on"]) == (200, "completed",
                                                                                          "2026-06-30")
    assert client.patch(f"/api/v1/partnerships/{kept.id}", json={"country": "XAF"}).status_code in (403, 422)
    assert client.delete(f"/api/v1/partnerships/{kept.id}").status_code == 204
    assert client.get(f"/api/v1/partnerships/{kept.id}").status_code == 404


def test_the_openapi_document_has_examples(login_as):
    document = login_as("admin").get("/openapi.json").json()
    assert "/api/v1/partnerships/{partnership_id}" in document["paths"]
    assert document["components"]["schemas"]["PartnershipCreate"]["examples"][0]["partner"] == "GPOI"
