"""Every registered route, including ones added later, refuses anonymous requests unless public."""

import re

import pytest
from fastapi import APIRouter
from fastapi.routing import iter_route_contexts
from starlette.routing import Mount

from readiness.app import create_app
from readiness.web import auth

PUBLIC = {"/login", "/healthz"}


def registered_routes(app) -> list[tuple[str, str]]:
    """(method, path) of every route the app answers, walking included routers too."""
    routes = []
    for route in iter_route_contexts(app.routes):
        if isinstance(route.original_route, Mount):
            continue  # /static: files only, public by design
        for method in sorted(route.methods or {"GET"}):
            if method != "HEAD":
                routes.append((method, route.path))
    return routes


def concrete(path: str) -> str:
    """The path with every {parameter} filled in with 1."""
    return re.sub(r"\{[^}]+\}", "1", path)


def refuses_anonymously(response) -> bool:
    redirected_to_login = response.status_code == 303 and response.headers["location"].startswith("/login")
    return redirected_to_login or response.status_code == 401


ROUTES = registered_routes(create_app())


def test_the_inventory_sees_routes_inside_included_routers():
    paths = {path for _method, path in ROUTES}
    assert {"/", "/api/v1/overview", "/admin/audit", "/account/tokens", "/healthz"} <= paths


def test_the_public_paths_are_only_the_login_page_and_the_health_check():
    assert auth.PUBLIC_PATHS == PUBLIC


@pytest.mark.parametrize(("method", "path"), [r for r in ROUTES if r[1] not in PUBLIC])
def test_a_non_public_route_refuses_an_anonymous_request(client, method, path):
    response = client.request(method, concrete(path), headers={"Accept": "text/html"}, follow_redirects=False)
    assert refuses_anonymously(response), f"{method} {path} answered {response.status_code}"


def test_a_route_added_to_the_app_later_needs_a_login(app, client):
    app.add_api_route("/added-later", lambda: {"secret": True})
    assert client.get("/added-later", follow_redirects=False).status_code == 303


def test_a_router_included_later_needs_a_login(app, client):
    router = APIRouter(prefix="/api/v1")
    router.add_api_route("/added-later", lambda: {"secret": True})
    app.include_router(router)
    response = client.get("/api/v1/added-later")
    assert response.status_code == 401
    assert "secret" not in response.text


def test_every_route_of_a_late_router_is_in_the_inventory(app, client):
    router = APIRouter()
    router.add_api_route("/late/{thing_id}", lambda thing_id: {}, methods=["DELETE"])
    app.include_router(router)
    assert ("DELETE", "/late/{thing_id}") in registered_routes(app)
    assert refuses_anonymously(client.delete("/late/1", follow_redirects=False))


def test_the_public_routes_answer_without_a_login(client):
    assert client.get("/login").status_code == 200
    assert client.get("/healthz").status_code == 200
    assert client.get("/static/css/app.css").status_code == 200


def test_the_api_schema_is_behind_the_login_and_the_script_heavy_docs_are_off(client, login_as):
    assert refuses_anonymously(client.get("/openapi.json", follow_redirects=False))
    assert client.get("/docs").status_code == 404
    schema = login_as("mission_planner").get("/openapi.json")
    assert "/api/v1/overview" in schema.json()["paths"]
