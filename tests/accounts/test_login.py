"""Signing in: one neutral refusal for every wrong detail, and throttling of repeated failures."""

import logging
import re
from datetime import timedelta

import pytest

from readiness.accounts import service as accounts
from readiness.models import LoginFailure, utcnow
from readiness.web import auth
from tests.factories import USER_PASSWORD, UserFactory

ADDRESS = "192.0.2.10"


def attempt(session, email, password, address=ADDRESS):
    """The refusal's (status, message), or None when the sign-in succeeds."""
    try:
        accounts.authenticate(session, email=email, password=password, address=address)
    except (accounts.LoginRefused, accounts.LoginThrottled) as refusal:
        return refusal.status_code, refusal.message
    return None


def post_login(client, email, password):
    client.get("/login")
    token = auth.decode_session(client.cookies.get(auth.SESSION_COOKIE)).csrf
    return client.post("/login", data={"email": email, "password": password, "csrf_token": token},
                       follow_redirects=False)


def test_it_signs_in_with_the_right_password_and_notes_the_time(session):
    user = UserFactory()
    assert attempt(session, user.email.upper(), USER_PASSWORD) is None
    assert user.last_login_at is not None


def test_an_unknown_email_and_a_wrong_password_get_the_same_answer(session):
    user = UserFactory()
    assert attempt(session, "nobody@example.org", "whatever-password") == attempt(session, user.email, "wrong-password")


def test_a_deactivated_account_gets_the_same_answer_even_with_its_password(session):
    user = UserFactory(active=False)
    assert attempt(session, user.email, USER_PASSWORD) == attempt(session, "nobody@example.org", "x" * 12)


def test_the_login_page_shows_the_same_message_for_unknown_and_wrong(client):
    user = UserFactory()
    unknown = post_login(client, "nobody@example.org", "wrong-password")
    wrong = post_login(client, user.email, "wrong-password")
    assert unknown.status_code == wrong.status_code == 401
    assert refusal(unknown) == refusal(wrong) == "The e-mail address or the password is not correct."


def refusal(page) -> str:
    return re.search(r'<p class="flash error" role="alert">(.*?)</p>', page.text).group(1)


def test_it_refuses_an_account_after_five_failures_even_with_the_right_password(session):
    user = UserFactory()
    for _ in range(accounts.MAX_FAILURES_PER_ACCOUNT):
        attempt(session, user.email, "wrong-password")
    status, message = attempt(session, user.email, USER_PASSWORD)
    assert status == 429 and "Too many failed sign-in attempts" in message


def test_it_throttles_an_unknown_email_alike_so_throttling_reveals_nothing(session):
    for _ in range(accounts.MAX_FAILURES_PER_ACCOUNT):
        attempt(session, "nobody@example.org", "wrong-password")
    assert attempt(session, "nobody@example.org", "wrong-password")[0] == 429


def test_it_refuses_an_address_after_twenty_failures_on_any_accounts(session):
    user = UserFactory()
    for number in range(accounts.MAX_FAILURES_PER_ADDRESS - 1):
        session.add(LoginFailure(email=f"guess{number}@example.org", address=ADDRESS, at=utcnow()))
    attempt(session, "one-more-guess@example.org", "wrong-password")
    assert attempt(session, user.email, USER_PASSWORD)[0] == 429
    assert attempt(session, user.email, USER_PASSWORD, address="198.51.100.7") is None


def test_failures_older_than_the_window_no_longer_count(session):
    user = UserFactory()
    long_ago = utcnow() - accounts.THROTTLE_WINDOW - timedelta(minutes=1)
    for _ in range(accounts.MAX_FAILURES_PER_ACCOUNT):
        session.add(LoginFailure(email=user.email, address=ADDRESS, at=long_ago))
    session.flush()
    assert attempt(session, user.email, USER_PASSWORD) is None


def test_a_success_forgets_the_accounts_earlier_failures(session):
    user = UserFactory()
    for _ in range(accounts.MAX_FAILURES_PER_ACCOUNT - 1):
        attempt(session, user.email, "wrong-password")
    attempt(session, user.email, USER_PASSWORD)
    attempt(session, user.email, "wrong-password")
    assert attempt(session, user.email, USER_PASSWORD) is None


def test_a_refused_login_through_the_page_is_remembered_for_throttling(client):
    user = UserFactory()
    for _ in range(accounts.MAX_FAILURES_PER_ACCOUNT):
        post_login(client, user.email, "wrong-password")
    response = post_login(client, user.email, USER_PASSWORD)
    assert response.status_code == 429


def test_no_password_reaches_the_logs(client, caplog):
    user = UserFactory()
    with caplog.at_level(logging.DEBUG):
        post_login(client, user.email, "my-secret-typo-1")
        post_login(client, user.email, USER_PASSWORD)
    assert "my-secret-typo-1" not in caplog.text and USER_PASSWORD not in caplog.text


@pytest.mark.parametrize("role", ["admin", "mission_planner"])
def test_a_signed_in_user_visiting_the_login_page_goes_on(login_as, role):
    response = login_as(role).get("/login?next=/account", follow_redirects=False)
    assert response.headers["location"] == "/account"
