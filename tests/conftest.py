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
from tests import factories  # noqa: E402


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
