"""What every kind of import shares: provenance, a chunk's plan, and in-file duplicate detection."""

from collections.abc import Hashable
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.imports.report import RowError
from readiness.models import CompletionSource


@dataclass(frozen=True)
class Provenance:
    """Where rows come from and who brings them: stored on every completion."""

    file_name: str
    source: CompletionSource
    recorded_by: str

    def ref(self, line: int) -> str:
        """`FILE.csv:LINE`, cut to fit the column (the line number is kept)."""
        suffix = f":{line}"
        return self.file_name[: 300 - len(suffix)] + suffix


@dataclass
class ImportContext:
    session: Session
    actor: Actor
    provenance: Provenance
    today: date


@dataclass
class ChunkPlan:
    """One chunk's verdict: its errors, its counts, and the writes to make if the file is clean."""

    errors: list[RowError] = field(default_factory=list)
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    creates: list = field(default_factory=list)
    updates: list = field(default_factory=list)

    def refuse(self, line: int, column: str | None, value: object, reason: str) -> None:
        self.errors.append(RowError(line, column, None if value is None else str(value), reason))


class FirstSeen:
    """The first line of each key seen in the file, to name the line a duplicate repeats."""

    def __init__(self) -> None:
        self._lines: dict[Hashable, int] = {}

    def earlier_line(self, key: Hashable, line: int) -> int | None:
        """The line that already had `key`, or None (and `line` is remembered)."""
        first = self._lines.setdefault(key, line)
        return None if first == line else first


def classify_record(plan: ChunkPlan, stored, values: dict, model) -> None:
    """Count `values` as a create, an update or unchanged against the `stored` record."""
    if stored is None:
        plan.created += 1
        plan.creates.append(model(**values))
    elif any(getattr(stored, name) != value for name, value in values.items()):
        plan.updated += 1
        plan.updates.append((stored, values))
    else:
        plan.unchanged += 1


def write_records(session, plan: ChunkPlan) -> None:
    """Add the new records and apply the changed values, through the ORM (these files are small)."""
    session.add_all(plan.creates)
    for stored, values in plan.updates:
        for name, value in values.items():
            setattr(stored, name, value)
    session.flush()
