"""Reference data for parity, loaded from seed/ by readiness.seeding.reference.load_reference_data.

seed/gender_parity_targets.csv holds only the UGPS figures a source gives; they are stored as
sourced (locked on the targets page). Other years are set by administrators.
"""

import csv
from pathlib import Path

from sqlmodel import Session

from readiness.models import GenderParityTarget, ParityCategory
from readiness.parity import repository

FILE_NAME = "gender_parity_targets.csv"


def read_targets(path: Path) -> list[dict]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return [
            {"year": int(row["year"]), "category": ParityCategory(row["category"].strip()),
             "target_pct": float(row["target_pct"]), "sourced": row["sourced"].strip().lower() == "true",
             "source": row["source"].strip() or None}
            for row in csv.DictReader(handle)
        ]


def load(session: Session, seed_dir: Path) -> int:
    """Load the reference rows; a second run changes nothing. Returns rows created or updated."""
    changes = 0
    for row in read_targets(seed_dir / FILE_NAME):
        target = repository.get_target(session, row["year"], row["category"])
        if target is None:
            repository.add(session, GenderParityTarget(**row))
            changes += 1
        elif any(getattr(target, name) != value for name, value in row.items()):
            for name, value in row.items():
                setattr(target, name, value)
            changes += 1
    session.flush()
    return changes
