"""How long a 100,000-row completions import takes, and how much memory it needs.

    .venv/bin/python bench/imports_bench.py                        # SQLite, in a temporary file
    .venv/bin/python bench/imports_bench.py --database-url postgresql+psycopg://postgres@127.0.0.1:5432/readiness_imports

The PostgreSQL database given is emptied (its public schema dropped) and migrated first.
Each run builds a fresh schema, adds people and courses, writes the CSV, then imports it:
once untraced for the wall time (and the same file again, which must write nothing), and
once more on a fresh schema under tracemalloc for the peak of memory Python allocated.
"""

import argparse
import csv
import resource
import sys
import tempfile
import time
import tracemalloc
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import insert, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from readiness import migrate  # noqa: E402
from readiness.accounts.scope import SYSTEM  # noqa: E402
from readiness.db import build_engine, unit_of_work  # noqa: E402
from readiness.imports import service  # noqa: E402
from readiness.imports.reading import ImportFile  # noqa: E402
from readiness.models import Country, Course, Person  # noqa: E402

COUNTRY = "XBN"
PEOPLE = 25_000
COURSES = 20
FIRST_DAY = date(2024, 1, 1)


def fresh_engine(url: str):
    """An engine on an empty, migrated database."""
    engine = build_engine(url)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    migrate.upgrade(engine)
    return engine


def add_people_and_courses(engine) -> None:
    with unit_of_work(engine) as session:
        session.execute(insert(Country), [{"code": COUNTRY, "name": "Benchland", "region": "Africa"}])
        session.execute(insert(Course), [
            {"code": f"C{n:02d}", "title": f"Course {n}", "category": "core_predeployment",
             "assessed": False, "version": "1", "active": True} for n in range(COURSES)])
        session.execute(insert(Person), [
            {"country_code": COUNTRY, "service_number": f"SN{n:06d}", "gender": "M"} for n in range(PEOPLE)])


def write_csv(path: Path, rows: int) -> None:
    """`rows` distinct completions: person n takes courses in turn on successive days."""
    with path.open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["country", "service_number", "course_code", "completed_on", "result", "score"])
        for n in range(rows):
            day = FIRST_DAY + timedelta(days=n // (PEOPLE * COURSES))
            writer.writerow([COUNTRY, f"SN{n % PEOPLE:06d}", f"C{n // PEOPLE % COURSES:02d}",
                             day.isoformat(), "passed", 50 + n % 50])


def timed_import(engine, path: Path) -> tuple[float, service.ImportReport]:
    started = time.perf_counter()
    with unit_of_work(engine) as session, path.open("rb") as content:
        report = service.run(session, actor=SYSTEM, kind="completions", file=ImportFile(path.name, content))
    return time.perf_counter() - started, report


def measure(url: str, rows: int, workdir: Path) -> None:
    path = workdir / f"completions-{rows}.csv"
    write_csv(path, rows)
    engine = fresh_engine(url)
    add_people_and_courses(engine)
    seconds, report = timed_import(engine, path)
    print(f"{engine.dialect.name}: {rows} rows imported in {seconds:.2f} s ({report.summary()})")
    again, report = timed_import(engine, path)
    print(f"{engine.dialect.name}: same file again in {again:.2f} s ({report.summary()})")
    print(f"process peak RSS so far: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")
    engine.dispose()
    engine = fresh_engine(url.replace("bench.db", "traced.db"))
    add_people_and_courses(engine)
    tracemalloc.start()
    timed_import(engine, path)
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{engine.dialect.name}: peak Python memory during the import (tracemalloc): {peak / 2**20:.1f} MB")
    engine.dispose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", help="default: SQLite in a temporary directory")
    parser.add_argument("--rows", type=int, default=100_000)
    arguments = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="imports-bench-") as workdir:
        url = arguments.database_url or f"sqlite:///{workdir}/bench.db"
        measure(url, arguments.rows, Path(workdir))


if __name__ == "__main__":
    main()
