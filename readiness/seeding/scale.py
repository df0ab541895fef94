"""A UN-wide generated data set for benchmarks: units, people, assignments, completions in bulk.

Rows go in by the thousand per statement (SQLite executemany) or through COPY (PostgreSQL),
with ids chosen here so that no row needs to be read back. Needs the reference data
(`readiness seed reference`) for countries, unit types and courses. Deterministic per seed.
"""

import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

# Every seed requirement's line courses: most people hold most of them, as in real rosters.
COMMON_COURSES = ("CPTM-2.5", "CPTM-3.3", "PSEA-ONL", "UN-CPDT", "ROE-MISSION", "UNBFAC",
                  "CPOC-MIL", "LANG-FR", "FPU-PDT", "CIED")
ROLES = (("rifleman", 90), ("commander", 7), ("uas_operator", 3))
RESULTS = (("passed", 80), ("completed", 10), ("failed", 7), ("waived", 3))
BATCH = 20_000
UNIT_PREFIX = "SCALE-"


@dataclass(frozen=True)
class ScaleSize:
    units: int = 2_500
    people: int = 250_000
    completions: int = 2_500_000
    infantry_share: float = 0.13  # about 325 infantry battalions: a mission view over ≥ 300 units


def load_scale_data(engine: Engine, *, size: ScaleSize, seed: int, today: date) -> dict[str, int]:
    """Insert the generated data set in one transaction; refuses to run twice on the same database."""
    with engine.begin() as connection:
        counts = insert_scale_data(connection, size=size, seed=seed, today=today)
    refresh_statistics(engine)
    return counts


def refresh_statistics(engine: Engine) -> None:
    """Give the planner fresh statistics after a bulk load (and PostgreSQL its visibility map,
    without which it cannot answer from covering indexes alone)."""
    statement = "VACUUM ANALYZE" if engine.dialect.name == "postgresql" else "ANALYZE"
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as connection:
        connection.exec_driver_sql(statement)


def insert_scale_data(connection: Connection, *, size: ScaleSize, seed: int, today: date) -> dict[str, int]:
    """Insert the generated data set on `connection`, inside the caller's transaction."""
    rng = random.Random(seed)
    reference = _reference(connection)
    first = {table: _next_id(connection, table) for table in ("unit", "person", "assignment", "completion")}
    units = list(_units(rng, size, reference, first["unit"], today))
    _bulk(connection, "unit", UNIT_COLUMNS, units)
    people = list(_people(rng, size, units, first["person"]))
    _bulk(connection, "person", PERSON_COLUMNS, people)
    assignments = _bulk(connection, "assignment", ASSIGNMENT_COLUMNS,
                        _assignments(rng, people, units, first["assignment"], today))
    completions = _bulk(connection, "completion", COMPLETION_COLUMNS,
                        _completions(rng, size, people, reference, first["completion"], today))
    _advance_sequences(connection)
    return {"units": len(units), "people": len(people), "assignments": assignments,
            "completions": completions}


UNIT_COLUMNS = ("id", "code", "country_code", "name", "unit_type_id", "authorised_strength",
                "pcrs_level", "planned_deployment", "status")
PERSON_COLUMNS = ("id", "country_code", "service_number", "family_name", "given_name", "gender",
                  "rank", "role")
ASSIGNMENT_COLUMNS = ("id", "person_id", "unit_id", "start_on", "end_on")
COMPLETION_COLUMNS = ("id", "person_id", "course_id", "completed_on", "result", "waiver_reason",
                      "source", "recorded_at", "recorded_by")


def _reference(connection: Connection) -> dict:
    countries = [row[0] for row in connection.execute(text("SELECT code FROM country ORDER BY code"))]
    types = dict(connection.execute(text("SELECT slug, id FROM unit_type ORDER BY slug")).all())
    courses = dict(connection.execute(text("SELECT code, id FROM course ORDER BY code")).all())
    if not countries or "infantry_battalion" not in types or not courses:
        raise RuntimeError("load the reference data first: readiness seed reference")
    taken = connection.execute(text("SELECT count(*) FROM unit WHERE code LIKE :p"), {"p": UNIT_PREFIX + "%"})
    if taken.scalar_one():
        raise RuntimeError("this database already holds a scale data set")
    return {"countries": countries, "types": types, "courses": courses}


def _next_id(connection: Connection, table: str) -> int:
    return (connection.execute(text(f"SELECT max(id) FROM {table}")).scalar_one() or 0) + 1


def _units(rng: random.Random, size: ScaleSize, reference: dict, first: int, today: date) -> Iterator[tuple]:
    infantry = reference["types"]["infantry_battalion"]
    others = [type_id for slug, type_id in reference["types"].items() if slug != "infantry_battalion"]
    for n in range(size.units):
        country = rng.choice(reference["countries"])
        unit_type = infantry if rng.random() < size.infantry_share else rng.choice(others)
        deployment = today + timedelta(days=rng.randint(30, 365))
        yield (first + n, f"{UNIT_PREFIX}{n:05d}", country, f"Generated unit {n}", unit_type,
               max(1, size.people // max(size.units, 1)), rng.choice(["L1", "L2", "L3", "RDL", None]),
               deployment, "pledged")


def _people(rng: random.Random, size: ScaleSize, units: list[tuple], first: int) -> Iterator[tuple]:
    roles, role_weights = zip(*ROLES)
    for n in range(size.people):
        unit = units[_unit_index(n, size.people, len(units))]
        yield (first + n, unit[2], f"SC{n:08d}", f"Family{n}", "Generated",
               "F" if rng.random() < 0.12 else "M", "Private", rng.choices(roles, role_weights)[0])


def _unit_index(n: int, people: int, units: int) -> int:
    # Rosters are registered unit by unit, so a unit's people have neighbouring ids.
    return n // -(-people // units)


def _assignments(rng: random.Random, people: list[tuple], units: list[tuple], first: int, today: date):
    # Everyone serves in one unit now; one in ten came from another unit (a closed assignment).
    next_id = first
    for n, person in enumerate(people):
        unit = units[_unit_index(n, len(people), len(units))]
        start = today - timedelta(days=rng.randint(0, 900))
        if rng.random() < 0.1:
            previous = units[rng.randrange(len(units))]
            yield (next_id, person[0], previous[0], start - timedelta(days=400), start - timedelta(days=1))
            next_id += 1
        yield (next_id, person[0], unit[0], start, None)
        next_id += 1


def _completions(rng, size: ScaleSize, people: list[tuple], reference: dict, first: int, today: date):
    courses = reference["courses"]
    common = [courses[code] for code in COMMON_COURSES if code in courses]
    rare = [course_id for code, course_id in courses.items() if code not in COMMON_COURSES]
    per_person, extra = divmod(size.completions, max(len(people), 1))
    results, weights = zip(*RESULTS)
    recorded_at = datetime(today.year, today.month, today.day, tzinfo=timezone.utc)
    next_id = first
    for n, person in enumerate(people):
        count = per_person + (1 if n < extra else 0)
        for course_id, completed_on in _person_history(rng, count, common, rare, today):
            result = rng.choices(results, weights)[0]
            yield (next_id, person[0], course_id, completed_on, result,
                   "prior learning" if result == "waived" else None, "seed", recorded_at, "seed:scale")
            next_id += 1


def _person_history(rng, count: int, common: list[int], rare: list[int], today: date):
    # Distinct (course, date) pairs: retakes of a common course fall on different days.
    seen = set()
    while len(seen) < count:
        course_id = rng.choice(common) if rng.random() < 0.8 else rng.choice(rare)
        completed_on = today - timedelta(days=rng.randint(0, 5 * 365))
        seen.add((course_id, completed_on))
    return sorted(seen, key=lambda pair: pair[1])


def _bulk(connection: Connection, table: str, columns: tuple[str, ...], rows: Iterable[tuple]) -> int:
    """Insert rows in large batches: COPY on PostgreSQL, executemany elsewhere. Returns the count."""
    if connection.dialect.name == "postgresql":
        return _copy(connection, table, columns, rows)
    statement = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    cursor = connection.connection.driver_connection.cursor()
    total = 0
    for batch in _batches(rows):
        cursor.executemany(statement, [tuple(_sqlite_value(v) for v in row) for row in batch])
        total += len(batch)
    return total


def _copy(connection: Connection, table: str, columns: tuple[str, ...], rows: Iterable[tuple]) -> int:
    total = 0
    cursor = connection.connection.driver_connection.cursor()
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)
            total += 1
    return total


def _sqlite_value(value):
    # The forms SQLAlchemy itself stores on SQLite, so the ORM reads these rows back unchanged.
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S.%f")
    if isinstance(value, date):
        return value.isoformat()
    return value


def _batches(rows: Iterable[tuple]) -> Iterator[list[tuple]]:
    batch = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _advance_sequences(connection: Connection) -> None:
    # Ids were given explicitly; PostgreSQL's sequences must move past them.
    if connection.dialect.name != "postgresql":
        return
    for table in ("unit", "person", "assignment", "completion"):
        connection.execute(text(
            f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT max(id) FROM {table}))"
        ))
