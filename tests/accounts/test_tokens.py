"""API tokens: shown once, stored hashed, usable as Bearer on /api/v1 only, revocable."""

import hashlib

import pytest
from sqlmodel import select

from readiness.accounts import service as accounts
from readiness.errors import NotFound
from readiness.models import ApiToken


def test_a_token_is_stored_only_as_its_hash(session, login_as):
    actor = login_as("mission_planner").actor
    token, clear = accounts.issue_token(session, actor=actor, name="integration")
    assert token.token_hash == hashlib.sha256(clear.encode()).hexdigest()
    assert clear.startswith(token.prefix) and clear not in str(token.model_dump())


def test_the_api_answers_a_bearer_token_with_its_users_scope(api_client_for):
    client = api_client_for("force_generation", country="XRW")
    assert client.get("/api/v1/me").json() == {"email": client.user.email, "role": "force_generation",
                                               "country": "XRW", "readable_countries": ["XRW"]}


def test_a_used_token_notes_when_it_was_last_used(api_client_for, session):
    client = api_client_for("mission_planner")
    client.get("/api/v1/me")
    token = session.exec(select(ApiToken).where(ApiToken.user_id == client.user.id)).one()
    assert token.last_used_at is not None


def test_a_revoked_token_is_refused(api_client_for, session):
    client = api_client_for("mission_planner")
    token = session.exec(select(ApiToken).where(ApiToken.user_id == client.user.id)).one()
    accounts.revoke_token(session, actor=client.actor, token_id=token.id)
    session.commit()
    assert client.get("/api/v1/me").status_code == 401


def test_a_made_up_token_is_refused(client):
    response = client.get("/api/v1/me", headers={"Authorization": "Bearer rdy_made-up"})
    assert response.status_code == 401


def test_a_token_of_a_deactivated_user_is_refused(api_client_for, session):
    client = api_client_for("mission_planner")
    client.user.active = False
    session.commit()
    assert client.get("/api/v1/me").status_code == 401


def test_a_token_does_not_open_the_html_pages(api_client_for):
    assert api_client_for("admin").get("/", follow_redirects=False).status_code == 303


def test_nobody_revokes_another_users_token(session, login_as):
    owner, other = login_as("mission_planner").actor, login_as("mission_planner").actor
    token, _clear = accounts.issue_token(session, actor=owner, name="mine")
    with pytest.raises(NotFound):
        accounts.revoke_token(session, actor=other, token_id=token.id)


def test_the_tokens_page_shows_a_new_token_once(login_as):
    client = login_as("partner")
    created = client.post("/account/tokens", data={"name": "dashboard"})
    clear = created.text.split('<code id="new-token">')[1].split("</code>")[0]
    assert clear.startswith("rdy_")
    later = client.get("/account/tokens").text
    assert "dashboard" in later and clear not in later


def test_the_tokens_page_revokes_a_token(login_as, session):
    client = login_as("mission_planner")
    token, _clear = accounts.issue_token(session, actor=client.actor, name="old")
    session.commit()
    client.post(f"/account/tokens/{token.id}/revoke")
    assert token.revoked_at is not None
    assert "Revoked on" in client.get("/account/tokens").text
