"""Demo users: one per role, bound as documented, created once."""

import pytest

from readiness.accounts import passwords, repository
from readiness.accounts.demo import DEMO_USERS, ensure_demo_users
from readiness.accounts.service import actor_for
from readiness.models import Role
from tests.factories import CountryFactory, PartnerFactory, TrainingCentreFactory


@pytest.fixture
def reference(session):
    for code in ("GHA", "RWA"):
        CountryFactory(code=code)
    TrainingCentreFactory(code="KAIPTC", country_code="GHA")
    PartnerFactory(code="GPOI")


def test_there_is_one_demo_user_per_role():
    assert sorted(user.role for user in DEMO_USERS) == sorted(Role)


def test_it_creates_the_demo_users_once(session, reference):
    assert ensure_demo_users(session) == len(DEMO_USERS)
    assert ensure_demo_users(session) == 0


def test_the_demo_users_sign_in_with_the_documented_passwords(session, reference):
    ensure_demo_users(session)
    for demo in DEMO_USERS:
        assert passwords.verify_password(repository.user_by_email(session, demo.email).password_hash, demo.password)


def test_the_demo_partner_reads_ghana_and_rwanda(session, reference):
    ensure_demo_users(session)
    partner = repository.user_by_email(session, "partner.gpoi@demo.readiness")
    assert actor_for(session, partner).readable_countries() == {"GHA", "RWA"}


def test_the_demo_documentation_names_every_demo_account():
    from pathlib import Path

    text = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    assert all(demo.email in text and demo.password in text for demo in DEMO_USERS)
