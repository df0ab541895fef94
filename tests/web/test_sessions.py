"""The session cookie: sign-in and out, redirects for anonymous requests, idle timeout, flags."""

import pytest

from readiness.config import get_settings
from readiness.web import auth
from tests.factories import USER_PASSWORD, UserFactory


def sign_in(client, email, password=USER_PASSWORD, next_page="/"):
    client.get("/login")  # starts the anonymous session that holds the form's CSRF token
    token = auth.decode_session(client.cookies.get(auth.SESSION_COOKIE)).csrf
    form = {"email": email, "password": password, "next": next_page, "csrf_token": token}
    return client.post("/login", data=form, follow_redirects=False)


@pytest.fixture
def later(monkeypatch):
    """later(minutes): move the clock the session code reads forward."""
    start = auth.clock()

    def move(minutes):
        monkeypatch.setattr(auth, "clock", lambda: start + minutes * 60)

    return move


def test_an_anonymous_page_request_is_sent_to_the_login_page_and_back(client):
    response = client.get("/?tab=units", follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=%2F%3Ftab%3Dunits"


def test_an_anonymous_htmx_request_gets_an_hx_redirect(client):
    response = client.get("/", headers={"HX-Request": "true"}, follow_redirects=False)
    assert response.headers["HX-Redirect"] == "/login?next=%2F"


def test_an_anonymous_api_request_gets_401_json(client):
    response = client.get("/api/v1/overview")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"] == "Bearer"
    assert "units" not in response.json()


def test_it_signs_in_and_returns_to_the_page_asked_for(client):
    user = UserFactory(role="admin")
    response = sign_in(client, user.email, next_page="/account")
    assert response.status_code == 303 and response.headers["location"] == "/account"
    assert user.email in client.get("/account").text


def test_it_never_returns_to_another_site_after_sign_in(client):
    user = UserFactory()
    response = sign_in(client, user.email, next_page="//evil.example/")
    assert response.headers["location"] == "/"


def test_the_cookie_is_http_only_and_same_site_lax(client):
    user = UserFactory()
    cookie = sign_in(client, user.email).headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie


def test_the_cookie_is_secure_when_configured(client, monkeypatch):
    monkeypatch.setattr(get_settings(), "cookie_secure", True)
    assert "Secure" in client.get("/login").headers["set-cookie"]


def test_the_cookie_holds_no_email_or_password(client):
    user = UserFactory()
    cookie = sign_in(client, user.email).headers["set-cookie"]
    assert user.email.split("@")[0] not in cookie and USER_PASSWORD not in cookie


def test_it_signs_out_and_the_pages_close_again(login_as):
    client = login_as("admin")
    response = client.post("/logout", follow_redirects=False)
    assert response.headers["location"] == "/login"
    assert 'readiness_session=""' in response.headers["set-cookie"]
    assert client.get("/", follow_redirects=False).status_code == 303


def test_a_cookie_copied_before_signing_out_no_longer_opens_pages(login_as):
    client = login_as("admin")
    copied = client.cookies.get(auth.SESSION_COOKIE)
    client.post("/logout", follow_redirects=False)

    client.cookies.set(auth.SESSION_COOKIE, copied)

    assert client.get("/", follow_redirects=False).status_code == 303


def test_signing_in_again_after_signing_out_works(client):
    user = UserFactory()
    sign_in(client, user.email)
    client.post("/logout", headers={auth.CSRF_HEADER: auth.decode_session(client.cookies.get(auth.SESSION_COOKIE)).csrf},
                follow_redirects=False)

    sign_in(client, user.email)

    assert client.get("/", follow_redirects=False).status_code == 200


def test_a_session_idle_for_longer_than_the_timeout_ends(login_as, later):
    client = login_as("admin")
    later(get_settings().session_idle_minutes + 1)
    assert client.get("/", follow_redirects=False).status_code == 303


def test_activity_keeps_a_session_alive_beyond_the_timeout(login_as, later):
    client = login_as("admin")
    idle = get_settings().session_idle_minutes
    later(idle - 5)
    assert client.get("/").status_code == 200
    later(2 * idle - 10)
    assert client.get("/", follow_redirects=False).status_code == 200


def test_even_an_active_session_ends_after_twelve_hours(login_as, later):
    client = login_as("admin")
    for hour in range(1, 13):
        later(hour * 55)
        client.get("/")
    later(12 * 60 + 1)
    assert client.get("/", follow_redirects=False).status_code == 303


def test_a_forged_cookie_is_ignored(client):
    user = UserFactory(role="admin")
    forged = auth.encode_session(auth.new_session(user)) + "x"
    client.cookies.set(auth.SESSION_COOKIE, forged)
    assert client.get("/", follow_redirects=False).status_code == 303


def test_a_deactivated_users_session_stops_working(login_as, session):
    client = login_as("force_generation")
    client.user.active = False
    session.flush()
    assert client.get("/", follow_redirects=False).status_code == 303


def test_a_password_change_ends_the_users_other_sessions(login_as, session):
    client = login_as("mission_planner")
    client.user.password_hash = "changed elsewhere"
    session.flush()
    assert client.get("/", follow_redirects=False).status_code == 303


def test_the_header_shows_who_is_signed_in_with_a_sign_out_button(login_as):
    client = login_as("force_generation", country="XGH")
    page = client.get("/").text
    assert client.user.email in page and "Force generation" in page
    assert 'action="/logout"' in page and f'value="{client.csrf_token}"' in page
