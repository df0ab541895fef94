"""Test database: built by the real migrations once, every test inside a rolled-back transaction.

SQLite by default (a temporary file); PostgreSQL when READINESS_TEST_DATABASE_URL is set.
"""

import os
import tempfile
from pathlib import Path

import pytest

_TMP = Path(tempfile.mkdtemp(prefix="readiness-tests-"))
TEST_DATABASE_URL = os.environ.get("READINESS_TEST_DATABASE_URL") or f"sqlite:///{_TMP / 'test.db'}"
# Before anything reads the settings: the app under test uses the test database.
os.environ["READINESS_DATABASE_URL"] = TEST_DATABASE_URL
os.environ.setdefault("READINESS_ENVIRONMENT", "development")

from fastapi.testclient import TestClient  # noqa: E402
from sqlalchemy import text  # noqa: E402
from sqlmodel import Session  # noqa: E402

from readiness import migrate  # noqa: E402
from readiness.app import create_app  # noqa: E402
from readiness.db import build_engine  # noqa: E402
from readiness.web.deps import get_session  # noqa: E402
from readiness.web.catalogues import compile_if_stale  # noqa: E402
from tests import factories  # noqa: E402

# The compiled catalogues are build products (git-ignored): make sure they match the sources.
compile_if_stale()


def _empty_database(engine) -> None:
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))


@pytest.fixture(scope="session")
def engine():
    engine = build_engine(TEST_DATABASE_URL)
    _empty_database(engine)
    migrate.upgrade(engine)
    yield engine
    engine.dispose()


@pytest.fixture
def session(engine):
    """A session whose commits are savepoints inside one transaction rolled back at the end."""
    connection = engine.connect()
    outer = connection.begin()
    db = Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)
    factories.bind(db)
    try:
        yield db
    finally:
        factories.bind(None)
        db.close()
        outer.rollback()
        connection.close()


@pytest.fixture
def app(session):
    application = create_app()

    def test_session():
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise

    application.dependency_overrides[get_session] = test_session
    return application


@pytest.fixture
def client(app):
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


# --- signed-in clients ------------------------------------------------------------------
# Usage in a test:
#     def test_it_refuses_another_countrys_unit(login_as):
#         client = login_as("force_generation", country="GHA")
#         assert client.get(f"/units/{other.id}").status_code == 404
# Each call makes a new user of that role and a TestClient signed in as them (cookie set,
# and the CSRF header sent by default, as the page's <body hx-headers> would). The client
# carries `.user` (the User row), `.actor` (its scope.Actor) and `.csrf_token`.
# api_client_for(role, ...) is the same for the JSON API with `Authorization: Bearer`.


def _bound_user(role, *, country=None, centre=None, partner_countries=(), email=None):
    """A user of `role` with the bindings the role needs, made with factories."""
    from readiness.models import Role

    role = Role(role)
    values = {"role": role}
    if email:
        values["email"] = email
    if role in (Role.force_generation, Role.training_centre):
        values["country_code"] = _country(country)
    if role == Role.training_centre:
        values["centre_id"] = centre or factories.TrainingCentreFactory(country_code=values["country_code"]).id
    if role == Role.partner:
        partner = factories.PartnerFactory()
        codes = tuple(partner_countries) or ((country,) if country else ())
        for code in codes:
            factories.PartnerCountryFactory(partner_id=partner.id, country_code=_country(code))
        values["partner_id"] = partner.id
    user = factories.UserFactory(**values)
    # Committed (a savepoint here): a request that fails and rolls back must not take the user with it.
    factories._session().commit()
    return user


def _country(code):
    """The code of an existing country: `code` (created when missing) or a new one."""
    from readiness.models import Country

    if code is None:
        return factories.CountryFactory().code
    if factories._session().get(Country, code) is None:
        factories.CountryFactory(code=code)
    return code


def _signed_in_client(app, session, user, *, csrf=True):
    from readiness.accounts.service import actor_for
    from readiness.web import auth

    browser = auth.new_session(user)
    test_client = TestClient(app, raise_server_exceptions=False)
    # The domain the cookie jar gives cookies from http://testserver, so the app can replace it.
    test_client.cookies.set(auth.SESSION_COOKIE, auth.encode_session(browser), domain="testserver.local")
    if csrf:
        test_client.headers[auth.CSRF_HEADER] = browser.csrf
    test_client.user, test_client.actor, test_client.csrf_token = user, actor_for(session, user), browser.csrf
    return test_client


@pytest.fixture
def login_as(app, session):
    """login_as(role, country=None, centre=None, partner_countries=(), csrf=True) -> signed-in TestClient."""
    clients = []

    def sign_in(role, *, country=None, centre=None, partner_countries=(), csrf=True, email=None):
        user = _bound_user(role, country=country, centre=centre, partner_countries=partner_countries, email=email)
        clients.append(_signed_in_client(app, session, user, csrf=csrf))
        return clients[-1]

    yield sign_in
    for test_client in clients:
        test_client.close()


@pytest.fixture
def api_client_for(app, session):
    """api_client_for(role, country=None, ...) -> TestClient sending a fresh `Authorization: Bearer` token."""
    from readiness.accounts.service import actor_for, issue_token

    clients = []

    def with_token(role, *, country=None, centre=None, partner_countries=()):
        user = _bound_user(role, country=country, centre=centre, partner_countries=partner_countries)
        actor = actor_for(session, user)
        _token, clear = issue_token(session, actor=actor, name="tests")
        session.commit()
        test_client = TestClient(app, raise_server_exceptions=False)
        test_client.headers["Authorization"] = f"Bearer {clear}"
        test_client.user, test_client.actor, test_client.token = user, actor, clear
        clients.append(test_client)
        return test_client

    yield with_token
    for test_client in clients:
        test_client.close()
