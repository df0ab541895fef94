"""`readiness import KIND FILE` as an operator runs it, on a fresh SQLite database."""

import os
import subprocess
import sys

import pytest

COURSES = "code;title;category;validity_months;assessed\r\nPOC-1;Protection of civilians;protection_of_civilians;24;oui\r\n"


def readiness(*arguments: str, database_url: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "READINESS_DATABASE_URL": database_url}
    return subprocess.run([sys.executable, "-m", "readiness", *arguments], env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def database_url(tmp_path):
    url = f"sqlite:///{tmp_path / 'cli.db'}"
    assert readiness("db", "upgrade", database_url=url).returncode == 0
    return url


def test_it_imports_a_file_then_finds_nothing_new_the_second_time(tmp_path, database_url):
    path = tmp_path / "courses.csv"
    path.write_text(COURSES, encoding="utf-8-sig")

    first = readiness("import", "courses", str(path), database_url=database_url)
    second = readiness("import", "courses", str(path), database_url=database_url)

    assert (first.returncode, second.returncode) == (0, 0)
    assert "1 rows: 1 created, 0 updated, 0 unchanged" in first.stdout
    assert "nothing new" in second.stdout


def test_it_exits_non_zero_printing_every_bad_row(tmp_path, database_url):
    path = tmp_path / "courses.csv"
    path.write_text(COURSES + "C2;Two;cooking;12;yes\r\nC3;Three;medical;soon;yes\r\n", encoding="utf-8")

    result = readiness("import", "courses", str(path), "--dry-run", database_url=database_url)

    assert result.returncode == 1
    assert "line 3, category `cooking`: category `cooking` is not one of" in result.stderr
    assert "line 4, validity_months `soon`: `soon` is not a whole number" in result.stderr
    assert "2 problem(s) in 3 rows; nothing was imported" in result.stderr
