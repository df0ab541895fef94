"""Demo data for caveats (called by readiness.seeding.demo.load_demo_data; creates only what is missing)."""

from datetime import date

from sqlmodel import Session


def seed_demo(session: Session, *, today: date) -> dict[str, int]:
    """Create the demo caveats that do not exist yet; returns counts of what was created."""
    return {}
