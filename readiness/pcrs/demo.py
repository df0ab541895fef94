"""Demo data for PCRS dates (called by readiness.seeding.demo.load_demo_data; sets only what is missing)."""

from datetime import date

from sqlmodel import Session


def seed_demo(session: Session, *, today: date) -> dict[str, int]:
    """Give the demo units PCRS dates where they have none; returns counts of what was set."""
    return {}
