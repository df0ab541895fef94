"""Users: bindings each role needs, admin-only management, audited writes, and the admin page."""

import pytest
from sqlmodel import select

from readiness.accounts import service as accounts
from readiness.accounts.scope import Actor
from readiness.errors import Conflict, Forbidden, Invalid
from readiness.models import AuditEntry, Role
from tests.factories import CountryFactory, PartnerFactory, TrainingCentreFactory, UserFactory

PASSWORD = "a-good-long-password"


@pytest.fixture
def admin(session):
    user = UserFactory(role=Role.admin)
    return accounts.actor_for(session, user)


@pytest.fixture
def centre():
    return TrainingCentreFactory()


def entries_for(session, entity, entity_id):
    statement = select(AuditEntry).where(AuditEntry.entity == entity, AuditEntry.entity_id == str(entity_id))
    return session.exec(statement).all()


def create(session, actor, **values):
    return accounts.create_user(session, actor=actor, email=values.pop("email", "new@example.org"),
                                password=values.pop("password", PASSWORD), **values)


def test_it_creates_a_training_centre_user_bound_to_country_and_centre(session, admin, centre):
    user = create(session, admin, role="training_centre", country_code=centre.country_code, centre_code=centre.code)
    assert (user.country_code, user.centre_id) == (centre.country_code, centre.id)
    assert user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash


@pytest.mark.parametrize(
    ("role", "bindings"),
    [
        ("training_centre", {"country_code": "country"}),
        ("force_generation", {}),
        ("force_generation", {"country_code": "country", "partner_code": "partner"}),
        ("partner", {"country_code": "country"}),
        ("mission_planner", {"country_code": "country"}),
        ("admin", {"partner_code": "partner"}),
    ],
)
def test_it_refuses_bindings_the_role_does_not_take(session, admin, role, bindings):
    country, partner = CountryFactory(), PartnerFactory()
    real = {"country": country.code, "partner": partner.code}
    with pytest.raises(Invalid):
        create(session, admin, role=role, **{key: real[value] for key, value in bindings.items()})


def test_it_refuses_a_centre_of_another_country(session, admin, centre):
    with pytest.raises(Invalid):
        create(session, admin, role="training_centre", country_code=CountryFactory().code, centre_code=centre.code)


def test_it_refuses_a_second_user_with_the_same_email(session, admin):
    create(session, admin, role="mission_planner", email="same@example.org")
    with pytest.raises(Conflict):
        create(session, admin, role="mission_planner", email="SAME@example.org")


def test_it_refuses_a_short_password(session, admin):
    with pytest.raises(Invalid):
        create(session, admin, role="mission_planner", password="short")


@pytest.mark.parametrize("role", ["training_centre", "force_generation", "mission_planner", "partner"])
def test_only_an_admin_creates_users(session, role):
    with pytest.raises(Forbidden):
        create(session, Actor(email="x@example.org", role=Role(role), country_code="XAA"), role="mission_planner")


def test_creating_a_user_leaves_one_audit_entry_by_the_admin_without_the_hash(session, admin):
    user = create(session, admin, role="mission_planner")
    [entry] = entries_for(session, "user", user.id)
    assert (entry.action, entry.user_id, entry.actor) == ("create", admin.user_id, admin.email)
    assert entry.after["email"] == user.email and "password_hash" not in entry.after


def test_deactivating_a_user_leaves_one_update_entry_with_before_and_after(session, admin):
    user = UserFactory()
    accounts.set_active(session, actor=admin, user_id=user.id, active=False)
    [entry] = entries_for(session, "user", user.id)
    assert (entry.action, entry.user_id) == ("update", admin.user_id)
    assert (entry.before, entry.after) == ({"active": True}, {"active": False})


def test_setting_a_password_is_audited_without_any_password(session, admin):
    user = UserFactory()
    accounts.set_password(session, actor=admin, user=user, password="another-long-password")
    [entry] = entries_for(session, "user", user.id)
    assert entry.action == "update" and entry.before is None and entry.after is None


def test_an_admin_cannot_deactivate_themselves(session, admin):
    with pytest.raises(Invalid):
        accounts.set_active(session, actor=admin, user_id=admin.user_id, active=False)


def test_a_user_changes_their_password_knowing_the_current_one(login_as, session):
    client = login_as("force_generation")
    form = {"current": "factory-password-1", "new": "a-new-long-password", "repeat": "a-new-long-password"}
    page = client.post("/account/password", data=form)
    assert page.status_code == 200 and "Your password was changed" in page.text
    assert client.get("/account").status_code == 200  # this browser stays signed in


def test_a_wrong_current_password_changes_nothing(login_as):
    client = login_as("force_generation")
    before = client.user.password_hash
    form = {"current": "not-my-password", "new": "a-new-long-password", "repeat": "a-new-long-password"}
    assert client.post("/account/password", data=form).status_code == 422
    assert client.user.password_hash == before


def test_the_admin_page_lists_and_creates_users(login_as):
    client = login_as("admin")
    page = client.post("/admin/users", data={"email": "planner@example.org", "role": "mission_planner",
                                             "password": PASSWORD})
    assert page.status_code == 200 and "planner@example.org" in page.text
    assert client.user.email in client.get("/admin/users").text


def test_the_admin_page_shows_a_binding_error_and_keeps_the_entry(login_as):
    client = login_as("admin")
    page = client.post("/admin/users", data={"email": "fg@example.org", "role": "force_generation",
                                             "password": PASSWORD})
    assert page.status_code == 422 and 'value="fg@example.org"' in page.text


def test_the_admin_page_deactivates_a_user_whose_session_then_ends(login_as):
    admin, other = login_as("admin"), login_as("mission_planner")
    admin.post(f"/admin/users/{other.user.id}/deactivate")
    assert other.get("/", follow_redirects=False).status_code == 303


@pytest.mark.parametrize("role", ["training_centre", "force_generation", "mission_planner", "partner"])
def test_the_user_pages_are_for_admins_only(login_as, role):
    client = login_as(role)
    assert client.get("/admin/users").status_code == 403
    assert client.post("/admin/users", data={"email": "x@example.org", "role": "admin",
                                             "password": PASSWORD}).status_code == 403
