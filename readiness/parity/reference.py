"""Reference data for parity, loaded from seed/ by readiness.seeding.reference.load_reference_data."""

from pathlib import Path

from sqlmodel import Session


def load(session: Session, seed_dir: Path) -> int:
    """Load the reference rows; a second run changes nothing. Returns rows created or updated."""
    return 0
