"""The missions JSON API."""

from tests import factories


def test_the_missions_api_lists_missions_with_their_latest_requirements(api_client_for):
    mission = factories.MissionFactory(acronym="APITEST")
    for version in (1, 2):
        factories.RequirementFactory(code="APITEST-REQ", version=version, mission_id=mission.id,
                                     unit_type_id=factories.UnitTypeFactory().id)

    body = api_client_for("mission_planner").get("/api/v1/missions").json()

    entry = next(item for item in body if item["acronym"] == "APITEST")
    assert [(r["code"], r["version"]) for r in entry["requirements"]] == [("APITEST-REQ", 2)]
