"""Choosing the interface language."""

from readiness.accounts import repository
from readiness.models import Role
from readiness.web.i18n import negotiate_locale


def test_the_browsers_language_is_used_when_the_user_chose_none():
    assert negotiate_locale(None, "fr-CA,fr;q=0.9,en;q=0.5") == "fr"
    assert negotiate_locale(None, "de-DE,de;q=0.9") == "en"
    assert negotiate_locale("en", "fr-FR") == "en"


def test_a_visitor_chooses_a_language_on_the_sign_in_page(client):
    response = client.get("/login", params={"language": "fr"})
    assert response.status_code == 200
    assert response.cookies.get("locale") == "fr"
    assert '<html lang="fr">' in response.text


def test_a_signed_in_user_s_choice_is_kept_on_the_account(login_as, session):
    client = login_as(Role.admin)
    response = client.post("/language", data={"language": "fr", "next": "/account",
                                               "csrf_token": client.csrf_token}, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"] == "/account"
    assert repository.user_by_id(session, client.user.id).locale == "fr"


def test_an_unknown_language_falls_back_to_english(login_as):
    client = login_as(Role.admin)
    response = client.post("/language", data={"language": "xx", "csrf_token": client.csrf_token},
                           follow_redirects=False)
    assert response.cookies.get("locale") == "en"


def test_the_language_form_needs_the_csrf_token(login_as):
    client = login_as(Role.admin, csrf=False)
    response = client.post("/language", data={"language": "fr"}, follow_redirects=False)
    assert response.status_code == 403
