"""Demo data for caveats (called by readiness.seeding.demo.load_demo_data; creates only what is missing).

Illustrative caveats: two declared and accepted ones recorded in the MOU, one that has ended, and
on one unit a declared caveat the UN has not accepted plus an undeclared one in force, so that
this unit shows the red flag.
"""

from datetime import date, timedelta

from sqlmodel import Session, select

from readiness.models import Caveat, CaveatKind, CaveatRecord, Unit

RECORDED_BY = "demo"
FLAGGED_UNIT = "NPL-INF-09"
# (unit, declared, accepted, recorded in, kind, text, starts days ago, ends days ago or None)
DEMO_CAVEATS = [
    ("GHA-INF-01", True, True, CaveatRecord.mou, CaveatKind.time_night,
     "No movement by road between 18:00 and 06:00 outside the camp.", 420, None),
    ("RWA-INF-05", True, True, CaveatRecord.mou, CaveatKind.geographic,
     "No operations beyond the named area of responsibility (sector West).", 300, None),
    ("GHA-FPU-02", True, True, CaveatRecord.sur_variation, CaveatKind.task,
     "No crowd-control duties without a second unit in support.", 700, 200),
    (FLAGGED_UNIT, True, False, CaveatRecord.none, CaveatKind.movement,
     "No patrols more than 20 km from the company base.", 90, None),
    (FLAGGED_UNIT, False, False, CaveatRecord.none, CaveatKind.use_of_force,
     "Night operations only with national approval, decided case by case.", 30, None),
]


def seed_demo(session: Session, *, today: date) -> dict[str, int]:
    """Create the demo caveats that do not exist yet; returns counts of what was created."""
    units = {unit.code: unit.id for unit in session.exec(select(Unit).where(
        Unit.code.in_({row[0] for row in DEMO_CAVEATS}))).all()}
    existing = set(session.exec(select(Caveat.unit_id, Caveat.text)).all())
    created = 0
    for code, declared, accepted, recorded_in, kind, text, starts, ends in DEMO_CAVEATS:
        if code not in units or (units[code], text) in existing:
            continue
        session.add(Caveat(unit_id=units[code], declared=declared, accepted_by_un=accepted, recorded_in=recorded_in,
                           kind=kind, text=text, active_from=today - timedelta(days=starts),
                           active_to=today - timedelta(days=ends) if ends is not None else None,
                           recorded_by=RECORDED_BY))
        created += 1
    session.flush()
    return {"caveats": created} if created else {}  # a run that creates nothing reports nothing
