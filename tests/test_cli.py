"""The `readiness` command as an operator uses it."""

import os
import subprocess
import sys

import pytest
from pydantic import ValidationError

from readiness.config import Settings


def _readiness(*arguments: str, database_url: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "READINESS_DATABASE_URL": database_url}
    return subprocess.run([sys.executable, "-m", "readiness", *arguments], env=env,
                          capture_output=True, text=True, timeout=120)


def test_it_migrates_and_seeds_an_empty_sqlite_database(tmp_path):
    url = f"sqlite:///{tmp_path / 'fresh.db'}"
    assert _readiness("db", "upgrade", database_url=url).returncode == 0
    first = _readiness("seed", "reference", database_url=url)
    second = _readiness("seed", "reference", database_url=url)
    assert first.returncode == second.returncode == 0
    assert "countries.csv: 193" in first.stdout
    assert "countries.csv: 0" in second.stdout


def test_an_unreachable_database_gives_one_clear_line(tmp_path):
    result = _readiness("db", "upgrade",
                        database_url="postgresql+psycopg://nobody@127.0.0.1:1/nowhere")
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith("error: cannot use the database at postgresql+psycopg://nobody@127.0.0.1:1/nowhere")
    assert "Traceback" not in result.stderr


def test_a_malformed_database_url_is_named(tmp_path):
    result = _readiness("db", "upgrade", database_url="not-a-url")
    assert result.returncode == 2
    assert "READINESS_DATABASE_URL is not a database URL" in result.stderr


def test_seeding_before_migrating_says_what_to_run(tmp_path):
    result = _readiness("seed", "reference", database_url=f"sqlite:///{tmp_path / 'empty.db'}")
    assert result.returncode == 2
    assert "readiness db upgrade" in result.stderr


def test_every_command_explains_itself():
    for command in (["--help"], ["db", "upgrade", "--help"], ["seed", "reference", "--help"],
                    ["seed", "demo", "--help"], ["serve", "--help"]):
        result = _readiness(*command, database_url="sqlite://")
        assert result.returncode == 0, command
        assert "Usage" in result.stdout


def test_settings_refuse_the_placeholder_secret_outside_development():
    with pytest.raises(ValidationError, match="READINESS_SECRET_KEY"):
        Settings(environment="production")
    assert Settings(environment="production", secret_key="x" * 40).environment == "production"
