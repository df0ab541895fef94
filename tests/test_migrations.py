"""The migrations are the schema: they build it, take it down, and match the models."""

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect
from sqlmodel import SQLModel

from readiness import migrate


def _tables(engine) -> set[str]:
    return set(inspect(engine).get_table_names()) - {"alembic_version"}


def test_upgrade_downgrade_upgrade_round_trip(engine):
    assert "completion" in _tables(engine)
    migrate.downgrade(engine, "base")
    assert _tables(engine) == set()
    migrate.upgrade(engine)
    assert _tables(engine) == set(SQLModel.metadata.tables)


def test_the_models_and_the_migrations_do_not_differ(engine):
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, SQLModel.metadata)
    assert differences == []


def test_the_partnerships_revision_comes_off_and_back_on_its_own(engine):
    migrate.downgrade(engine, "2026_11_29_0001")
    assert "caveat" not in _tables(engine)
    assert "last_aav_on" not in {column["name"] for column in inspect(engine).get_columns("unit")}
    migrate.upgrade(engine)
    assert {"caveat", "evaluation", "partnership", "ministerial_pledge", "capacity_need"} <= _tables(engine)
