"""Demo data for PCRS dates (called by readiness.seeding.demo.load_demo_data; sets only what is missing).

Dates follow each demo unit's level; two units break a timing rule on purpose so that the
warnings show: an L2 unit whose last AAV is more than 5 years old, and an L3 unit that has not
deployed and is overdue for its yearly self-certification. Illustrative, not real units' dates.
"""

from datetime import date, timedelta

from sqlmodel import Session, select

from readiness.models import PcrsLevel, Unit, UnitStatus
from readiness.pcrs.schemas import DATE_FIELDS

OLD_AAV_UNIT = "GHA-FPU-02"
OVERDUE_SELF_CERT_UNIT = "PAK-INF-21"
# Days before today of each date, per level: (pledge, AAV, L3, self-certification, RDL visit).
BY_LEVEL = {
    PcrsLevel.L1: (200, None, None, None, None),
    PcrsLevel.L2: (900, 400, None, None, None),
    PcrsLevel.L3: (1500, 1200, 1000, 100, None),
    PcrsLevel.RDL: (1400, 1000, 800, None, 200),
}
SPECIAL = {
    OLD_AAV_UNIT: (2400, 2220, None, None, None),  # the AAV is about 6 years old
    OVERDUE_SELF_CERT_UNIT: (1500, 1200, 1000, 500, None),  # last self-certification 500 days ago
}


def seed_demo(session: Session, *, today: date) -> dict[str, int]:
    """Give the demo units PCRS dates where they have none; returns counts of what was set."""
    units = session.exec(select(Unit).order_by(Unit.code)).all()
    dated = 0
    for unit in units:
        if unit.pcrs_level is None or any(getattr(unit, name) for name in DATE_FIELDS):
            continue
        _set_dates(unit, today)
        dated += 1
    session.flush()
    return {"pcrs_dates": dated} if dated else {}  # a run that sets nothing reports nothing


def _set_dates(unit: Unit, today: date) -> None:
    days = SPECIAL.get(unit.code, BY_LEVEL[unit.pcrs_level])
    if unit.status == UnitStatus.deployed:
        days = (*days[:3], None, days[4])  # a deployed unit does not self-certify
    spread = sum(map(ord, unit.code)) % 60  # a few weeks apart, the same on every run
    for name, before in zip(DATE_FIELDS, days, strict=True):
        setattr(unit, name, today - timedelta(days=before + spread) if before is not None else None)
