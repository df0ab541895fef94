"""The database connection rules: SQLite behaves like a real database."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from readiness.db import build_engine, describe_url, unit_of_work
from readiness.models import Country


def test_sqlite_runs_with_foreign_keys_and_write_ahead_logging(tmp_path):
    engine = build_engine(f"sqlite:///{tmp_path / 'x.db'}")
    with engine.connect() as connection:
        assert connection.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert connection.execute(text("PRAGMA journal_mode")).scalar() == "wal"


def test_a_missing_foreign_key_is_refused(session: Session):
    from readiness.models import TrainingCentre

    session.add(TrainingCentre(code="NOPE", name="Nowhere", country_code="ZZZ"))
    with pytest.raises(IntegrityError):
        session.flush()


def test_the_unit_of_work_rolls_back_when_the_block_raises(tmp_path):
    from readiness import migrate

    engine = build_engine(f"sqlite:///{tmp_path / 'uow.db'}")
    migrate.upgrade(engine)
    with pytest.raises(RuntimeError):
        with unit_of_work(engine) as session:
            session.add(Country(code="XXA", name="Test", region="Africa"))
            session.flush()
            raise RuntimeError("abort")
    with unit_of_work(engine) as session:
        assert session.get(Country, "XXA") is None


def test_passwords_never_appear_in_described_urls():
    assert "secret" not in describe_url("postgresql+psycopg://user:secret@db/readiness")
