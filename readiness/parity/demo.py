"""Demo data for parity (called by readiness.seeding.demo.load_demo_data; creates only what is missing).

The UGPS's year-by-year table was not found (seed/README.md): the demo fills the years between
the sourced 2021 and 2028 targets of the two categories that have both, on a straight line,
marked illustrative. Formed police units and individual police keep only their 2028 figure.
"""

from datetime import date

from sqlmodel import Session

from readiness.models import GenderParityTarget, ParityCategory
from readiness.parity import repository

FIRST, LAST = 2021, 2028
SOURCE = "Illustrative (demo): a straight line between the sourced {first} and {last} targets"


def illustrative_targets(session: Session) -> list[GenderParityTarget]:
    """The in-between years' targets for categories with sourced figures in both end years."""
    made = []
    for category in ParityCategory:
        first = repository.get_target(session, FIRST, category)
        last = repository.get_target(session, LAST, category)
        if first is None or last is None or not (first.sourced and last.sourced):
            continue
        step = (last.target_pct - first.target_pct) / (LAST - FIRST)
        for year in range(FIRST + 1, LAST):
            made.append(GenderParityTarget(year=year, category=category, sourced=False,
                                           target_pct=round(first.target_pct + step * (year - FIRST), 1),
                                           source=SOURCE.format(first=FIRST, last=LAST)))
    return made


def seed_demo(session: Session, *, today: date) -> dict[str, int]:
    """Create the demo parity targets that do not exist yet; returns counts of what was created."""
    created = 0
    for target in illustrative_targets(session):
        if repository.get_target(session, target.year, target.category) is None:
            repository.add(session, target)
            created += 1
    return {"parity_targets": created}
