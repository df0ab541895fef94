"""Security headers on pages, the API, errors and static files; pages need no inline script."""

import re

import pytest

EXPECTED = {
    "Content-Security-Policy": "default-src 'self'; script-src 'self'; style-src 'self'; "
    "img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'self'",
    "Referrer-Policy": "same-origin",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
}


@pytest.mark.parametrize("path", ["/login", "/healthz", "/static/css/app.css", "/no-such-page", "/api/v1/overview"])
def test_every_answer_carries_the_security_headers(client, path):
    response = client.get(path, follow_redirects=False)
    for name, value in EXPECTED.items():
        assert response.headers[name] == value, f"{name} on {path}"


def test_signed_in_pages_are_not_stored_by_caches(login_as):
    assert login_as("admin").get("/").headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("path", ["/", "/account", "/account/tokens", "/account/password", "/admin/users", "/admin/audit"])
def test_pages_have_no_inline_script_or_style(login_as, path):
    page = login_as("admin").get(path).text
    assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", page))
    assert not re.search(r"\son[a-z]+=|\sstyle=|<style", page)


def test_the_login_page_has_no_inline_script_or_style(client):
    page = client.get("/login").text
    assert all("src=" in tag for tag in re.findall(r"<script[^>]*>", page))
    assert not re.search(r"\son[a-z]+=|\sstyle=|<style", page)
