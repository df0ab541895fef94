"""Reference data for pledges, loaded from seed/ by readiness.seeding.reference.load_reference_data:
the UN Peacekeeping Ministerials of seed/ministerials.yaml, matched on their code."""

from datetime import date
from pathlib import Path

import yaml
from sqlmodel import Session

from readiness.models import MinisterialEvent
from readiness.seeding.upsert import upsert_by_key

FILE_NAME = "ministerials.yaml"
FIELDS = ("code", "city", "held_from", "held_to", "themes", "summary", "source")


def read_events(path: Path) -> list[dict]:
    """The events of the file, with their dates as dates; a malformed file raises ValueError."""
    document = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    events = document.get("events") if isinstance(document, dict) else None
    if not isinstance(events, list):
        raise ValueError(f"{path.name}: expected a list under 'events'")
    return [_event(path.name, index, item) for index, item in enumerate(events, start=1)]


def _event(file_name: str, index: int, item) -> dict:
    if not isinstance(item, dict) or not item.get("code") or not item.get("city"):
        raise ValueError(f"{file_name}: event {index} needs a code and a city")
    row = {name: item.get(name) for name in FIELDS}
    for name in ("held_from", "held_to"):
        value = row[name]
        row[name] = value if isinstance(value, date) else date.fromisoformat(str(value))
    if row["held_to"] < row["held_from"]:
        raise ValueError(f"{file_name}: event {row['code']} ends before it starts")
    return {name: (value.strip() if isinstance(value, str) else value) for name, value in row.items()}


def load(session: Session, seed_dir: Path) -> int:
    """Load the reference rows; a second run changes nothing. Returns rows created or updated."""
    path = seed_dir / FILE_NAME
    if not path.exists():
        return 0
    counts = upsert_by_key(session, MinisterialEvent, "code", read_events(path))
    return counts["created"] + counts["updated"]
