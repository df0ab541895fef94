"""How fast the readiness engine answers on a UN-wide data set, against a floor and a naive loop.

    .venv/bin/python bench/readiness_bench.py --setup --units 250 --people 25000 --completions 250000
    .venv/bin/python bench/readiness_bench.py --setup \
        --database-url postgresql+psycopg://postgres@127.0.0.1:5432/readiness_engine_bench

--setup empties the database (PostgreSQL: drops its public schema), migrates it, loads the
reference data and `readiness seed scale` with the sizes given (defaults: the full 2,500 units,
250,000 people, 2,500,000 completions). Without --setup the database must hold that data.

Prints, for one requirement on one date:
- unit report (readiness.readiness.service.unit_readiness): p50 / p95 over --runs units;
- the floor: one hand-written SQL statement counting eligible, trained and expiring per line;
- the naive way: load the unit's roster and their completions, loop in Python;
- the mission view over every unit of the requirement's type, against the same floor (one
  statement for all units) and the naive loop run unit by unit.
"""

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections import defaultdict
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from readiness import migrate  # noqa: E402
from readiness.accounts.scope import SYSTEM  # noqa: E402
from readiness.config import get_settings  # noqa: E402
from readiness.db import build_engine, unit_of_work  # noqa: E402
from readiness.readiness import rules, service  # noqa: E402
from readiness.seeding.reference import load_reference_data  # noqa: E402
from readiness.seeding.scale import ScaleSize, load_scale_data  # noqa: E402

FLOOR_SQL = """
WITH roster AS (
  SELECT DISTINCT a.unit_id, a.person_id, p.role FROM assignment a JOIN person p ON p.id = a.person_id
  WHERE a.unit_id IN ({units}) AND a.start_on <= :d AND (a.end_on IS NULL OR a.end_on >= :d)
), line AS (
  SELECT rl.id, rl.course_id, rl.role, c.validity_months FROM requirement_line rl
  JOIN course c ON c.id = rl.course_id WHERE rl.requirement_id = :req
), source AS (
  SELECT course_id AS target, course_id AS source FROM line
  UNION SELECT counts_as_id, course_id FROM course_equivalence
), held AS (
  SELECT r.unit_id, l.id AS line_id, l.validity_months,
    max(CASE WHEN c.completed_on <= :d AND (c.result IN ('passed', 'waived') OR (c.result = 'completed' AND t.assessed = :no)) THEN c.completed_on END) AS by_d,
    max(CASE WHEN c.result IN ('passed', 'waived') OR (c.result = 'completed' AND t.assessed = :no) THEN c.completed_on END) AS by_e
  FROM roster r JOIN line l ON l.role IS NULL OR l.role = r.role
  JOIN source s ON s.target = l.course_id
  LEFT JOIN completion c ON c.person_id = r.person_id AND c.course_id = s.source AND c.completed_on <= :e
  LEFT JOIN course t ON t.id = c.course_id
  GROUP BY r.unit_id, r.person_id, l.id, l.validity_months
)
SELECT unit_id, line_id, count(*),
  sum(CASE WHEN by_d >= {cut_d} THEN 1 ELSE 0 END),
  sum(CASE WHEN by_d >= {cut_d} AND NOT coalesce(by_e >= {cut_e}, false) THEN 1 ELSE 0 END)
FROM held GROUP BY unit_id, line_id
"""


def main() -> None:
    args = _arguments()
    url = args.database_url or f"sqlite:///{tempfile.mkdtemp(prefix='readiness-bench-')}/bench.db"
    engine = build_engine(url)
    if args.setup:
        _setup(engine, args)
    with unit_of_work(engine) as session:
        requirement = service.get_requirement(session, args.requirement)
        unit_codes, unit_ids = _units_of_type(session, requirement.unit_type_id)
        sample = random.Random(1).sample(range(len(unit_codes)), min(args.runs, len(unit_codes)))
        print(f"{engine.dialect.name}: {args.requirement} on {args.as_of}, {len(unit_codes)} units of its type")
        # One untimed pass over the sampled units first, so every way is timed on warm pages (the
        # way timed first would otherwise warm them for those timed after it).
        for i in sample:
            _floor(session, requirement, [unit_ids[i]], args.as_of)
        unit_times = _time_each(lambda i: service.unit_readiness(
            session, actor=SYSTEM, unit_code=unit_codes[i], requirement_code=args.requirement,
            as_of=args.as_of), sample)
        floor_times = _time_each(lambda i: _floor(session, requirement, [unit_ids[i]], args.as_of), sample)
        naive_times = _time_each(lambda i: _naive(session, requirement, unit_ids[i], args.as_of), sample)
        per_person_times = _time_each(lambda i: _naive(session, requirement, unit_ids[i], args.as_of,
                                                       per_person=True), sample)
        _report_units(unit_times, floor_times, naive_times, per_person_times)
        mission = _best_of(3, lambda: service.mission_view(
            session, actor=SYSTEM, requirement_code=args.requirement, as_of=args.as_of))
        mission_floor = _best_of(3, lambda: _floor(session, requirement, unit_ids, args.as_of))
        mission_naive = _best_of(1, lambda: [_naive(session, requirement, u, args.as_of) for u in unit_ids])
        print(f"mission view, {len(unit_ids)} units: {mission * 1000:.0f} ms; floor {mission_floor * 1000:.0f} ms "
              f"({mission / mission_floor:.2f}x floor); naive loop {mission_naive * 1000:.0f} ms "
              f"({mission_naive / mission:.0f}x slower than the engine)")


def _arguments():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--database-url")
    parser.add_argument("--setup", action="store_true", help="empty, migrate and fill the database first")
    parser.add_argument("--units", type=int, default=2_500)
    parser.add_argument("--people", type=int, default=250_000)
    parser.add_argument("--completions", type=int, default=2_500_000)
    parser.add_argument("--requirement", default="MINUSCA-INF-2026")
    parser.add_argument("--as-of", type=date.fromisoformat, default=date(2026, 6, 1))
    parser.add_argument("--runs", type=int, default=50, help="units sampled for the per-unit timings")
    return parser.parse_args()


def _setup(engine, args) -> None:
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    migrate.upgrade(engine)
    with unit_of_work(engine) as session:
        load_reference_data(session, get_settings().seed_dir)
    started = time.perf_counter()
    size = ScaleSize(units=args.units, people=args.people, completions=args.completions)
    counts = load_scale_data(engine, size=size, seed=2026, today=args.as_of)
    if engine.dialect.name == "postgresql":
        with engine.begin() as connection:
            connection.execute(text("ANALYZE"))
    print(f"seed scale: {counts} in {time.perf_counter() - started:.1f} s")


def _units_of_type(session, unit_type_id: int) -> tuple[list[str], list[int]]:
    rows = session.execute(text("SELECT code, id FROM unit WHERE unit_type_id = :t ORDER BY code"),
                           {"t": unit_type_id}).all()
    return [row[0] for row in rows], [row[1] for row in rows]


def _time_each(run, items) -> list[float]:
    run(items[0])  # warm caches and the statement cache
    times = []
    for item in items:
        started = time.perf_counter()
        run(item)
        times.append(time.perf_counter() - started)
    return times


def _best_of(repeats: int, run) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - started)
    return best


def _percentile(times: list[float], pct: int) -> float:
    return statistics.quantiles(times, n=100, method="inclusive")[pct - 1] if len(times) > 1 else times[0]


def _report_units(unit_times, floor_times, naive_times, per_person_times) -> None:
    p50, p95 = _percentile(unit_times, 50), _percentile(unit_times, 95)
    f50, f95 = _percentile(floor_times, 50), _percentile(floor_times, 95)
    n50, n95 = _percentile(naive_times, 50), _percentile(naive_times, 95)
    print(f"unit report: p50 {p50 * 1000:.1f} ms, p95 {p95 * 1000:.1f} ms ({len(unit_times)} units)")
    print(f"  floor (one SQL statement): p50 {f50 * 1000:.1f} ms, p95 {f95 * 1000:.1f} ms "
          f"-> engine/floor p95 {p95 / f95:.2f}x")
    print(f"  naive (load roster + completions, loop): p50 {n50 * 1000:.1f} ms, p95 {n95 * 1000:.1f} ms "
          f"-> naive/engine p50 {n50 / p50:.1f}x")
    q50 = _percentile(per_person_times, 50)
    print(f"  naive, one query per person: p50 {q50 * 1000:.1f} ms -> naive/engine p50 {q50 / p50:.1f}x")


def _cutoff_case(column: str, on: date, validities: set[int]) -> str:
    if not validities:
        return f"'0001-01-01'"
    whens = " ".join(f"WHEN {m} THEN '{rules.earliest_valid_completion(on, m).isoformat()}'"
                     for m in sorted(validities))
    return f"(CASE {column} {whens} ELSE '0001-01-01' END)"


def _floor(session, requirement, unit_ids: list[int], on: date) -> list:
    """The hand-written statement: the same counting, no ORM, no result objects."""
    last_day = rules.tour_end(on, requirement.tour_months) - timedelta(days=1)
    validities = {row[0] for row in session.execute(text(
        "SELECT DISTINCT c.validity_months FROM requirement_line rl JOIN course c ON c.id = rl.course_id "
        "WHERE rl.requirement_id = :r AND c.validity_months IS NOT NULL"), {"r": requirement.id})}
    cast = "CAST({} AS DATE)" if session.bind.dialect.name == "postgresql" else "{}"
    sql = FLOOR_SQL.format(
        units=", ".join(str(u) for u in unit_ids),
        cut_d=cast.format(_cutoff_case("validity_months", on, validities)),
        cut_e=cast.format(_cutoff_case("validity_months", last_day, validities)),
    )
    return session.execute(text(sql), {"d": on, "e": last_day, "req": requirement.id, "no": False}).all()


def _histories(session, unit_id: int, on: date) -> dict:
    """Every completion of the unit's people, in one query."""
    held = defaultdict(list)
    for person_id, course_id, completed_on, result, assessed in session.execute(text(
        "SELECT c.person_id, c.course_id, c.completed_on, c.result, t.assessed FROM completion c "
        "JOIN course t ON t.id = c.course_id WHERE c.person_id IN (SELECT a.person_id FROM assignment a "
        "WHERE a.unit_id = :u AND a.start_on <= :d AND (a.end_on IS NULL OR a.end_on >= :d))"),
        {"u": unit_id, "d": on}):
        held[person_id].append((course_id, date.fromisoformat(str(completed_on)), result, assessed))
    return held


def _histories_per_person(session, roster) -> dict:
    """Each person's completions with a query of its own, as an ORM's lazy loading does."""
    held = defaultdict(list)
    for person_id, _role in roster:
        for course_id, completed_on, result, assessed in session.execute(text(
            "SELECT c.course_id, c.completed_on, c.result, t.assessed FROM completion c "
            "JOIN course t ON t.id = c.course_id WHERE c.person_id = :p"), {"p": person_id}):
            held[person_id].append((course_id, date.fromisoformat(str(completed_on)), result, assessed))
    return held


def _naive(session, requirement, unit_id: int, on: date, *, per_person: bool = False) -> dict:
    """Load the roster and the completions of its people (in one query, or one per person as
    an ORM's lazy loading would), then apply the rules person by person in Python."""
    last_day = rules.tour_end(on, requirement.tour_months) - timedelta(days=1)
    lines = session.execute(text(
        "SELECT rl.id, rl.course_id, rl.role, c.validity_months FROM requirement_line rl "
        "JOIN course c ON c.id = rl.course_id WHERE rl.requirement_id = :r"), {"r": requirement.id}).all()
    roster = session.execute(text(
        "SELECT DISTINCT p.id, p.role FROM assignment a JOIN person p ON p.id = a.person_id "
        "WHERE a.unit_id = :u AND a.start_on <= :d AND (a.end_on IS NULL OR a.end_on >= :d)"),
        {"u": unit_id, "d": on}).all()
    held = _histories_per_person(session, roster) if per_person else _histories(session, unit_id, on)
    equivalent = defaultdict(set)
    for source, target in session.execute(text("SELECT course_id, counts_as_id FROM course_equivalence")):
        equivalent[target].add(source)
    counts = {}
    for line_id, course_id, role, validity in lines:
        eligible = [p for p, p_role in roster if role is None or p_role == role]
        courses = {course_id} | equivalent[course_id]
        trained = [p for p in eligible if _holds(held[p], courses, validity, on)]
        expiring = [p for p in trained if not _holds(held[p], courses, validity, last_day)]
        counts[line_id] = (len(eligible), len(trained), len(expiring))
    return counts


def _holds(history, courses, validity, on: date) -> bool:
    for course_id, completed_on, result, assessed in history:
        if course_id in courses and completed_on <= on and (
            result in ("passed", "waived") or (result == "completed" and not assessed)
        ) and (validity is None or on < rules.add_months(completed_on, validity)):
            return True
    return False


if __name__ == "__main__":
    main()
