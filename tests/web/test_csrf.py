"""CSRF: a state-changing request from a browser session must carry the session's token."""

import re

from readiness.web import auth


def test_a_post_without_the_token_is_refused(login_as):
    client = login_as("admin", csrf=False)
    response = client.post("/logout", follow_redirects=False)
    assert response.status_code == 403
    assert client.get("/", follow_redirects=False).status_code == 200  # still signed in


def test_a_post_with_another_token_is_refused(login_as):
    client = login_as("admin", csrf=False)
    response = client.post("/logout", headers={auth.CSRF_HEADER: "guessed"}, follow_redirects=False)
    assert response.status_code == 403


def test_a_form_post_with_the_token_in_a_hidden_field_is_accepted(login_as):
    client = login_as("admin", csrf=False)
    response = client.post("/logout", data={"csrf_token": client.csrf_token}, follow_redirects=False)
    assert response.status_code == 303


def test_an_htmx_post_with_the_token_header_is_accepted(login_as):
    client = login_as("admin", csrf=False)
    headers = {auth.CSRF_HEADER: client.csrf_token, "HX-Request": "true"}
    response = client.post("/logout", headers=headers, follow_redirects=False)
    assert response.headers["HX-Redirect"] == "/login"


def test_every_page_tells_htmx_to_send_the_token(login_as):
    client = login_as("mission_planner")
    body_tag = re.search(r"<body[^>]*>", client.get("/").text).group(0)
    assert f'"X-CSRF-Token": "{client.csrf_token}"' in body_tag.replace("&#34;", '"')


def test_the_login_form_is_protected_too(client):
    response = client.post("/login", data={"email": "a@b.org", "password": "x" * 12})
    assert response.status_code == 403


def test_delete_put_and_patch_need_the_token_as_well(app, login_as):
    app.add_api_route("/things/{thing_id}", lambda thing_id: {"ok": True}, methods=["DELETE", "PUT", "PATCH"])
    client = login_as("admin", csrf=False)
    for method in ("DELETE", "PUT", "PATCH"):
        assert client.request(method, "/things/1").status_code == 403
        assert client.request(method, "/things/1", headers={auth.CSRF_HEADER: client.csrf_token}).status_code == 200


def test_an_api_call_with_a_bearer_token_needs_no_csrf_token(app, api_client_for):
    app.add_api_route("/api/v1/echo", lambda: {"ok": True}, methods=["POST"])
    assert api_client_for("mission_planner").post("/api/v1/echo").json() == {"ok": True}


def test_an_api_call_with_the_browser_cookie_still_needs_the_csrf_token(app, login_as):
    app.add_api_route("/api/v1/echo", lambda: {"ok": True}, methods=["POST"])
    assert login_as("mission_planner", csrf=False).post("/api/v1/echo").status_code == 403
