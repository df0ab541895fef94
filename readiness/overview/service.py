"""The home page's figures, read from the database."""

from dataclasses import dataclass, field
from datetime import date

from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.models import PcrsLevel, UnitStatus
from readiness.overview import repository

RECENT_DAYS = 90


@dataclass(frozen=True)
class Overview:
    as_of: date
    people: int
    people_on_rosters: int
    completions_recent: int
    active_courses: int
    recent_days: int
    # units[level][status] = count; level "none" for units with no PCRS pledge level yet.
    units: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def units_total(self) -> int:
        return sum(sum(by_status.values()) for by_status in self.units.values())


LEVEL_ORDER = ["none", *(level.value for level in PcrsLevel)]
STATUS_ORDER = [status.value for status in UnitStatus]


def overview(session: Session, *, actor: Actor, today: date) -> Overview:
    """Units by PCRS level and status, people, and recent completions, as of `today`,
    counted over the countries `actor` may read."""
    countries = actor.readable_countries()
    units = {level: {status: 0 for status in STATUS_ORDER} for level in LEVEL_ORDER}
    for level, status, count in repository.units_by_level_and_status(session, countries):
        units[level or "none"][status] = count
    return Overview(
        as_of=today,
        people=repository.count_people(session, countries),
        people_on_rosters=repository.count_people_on_rosters(session, today, countries),
        completions_recent=repository.count_completions_since(
            session, repository.recent_window_start(today, RECENT_DAYS), countries
        ),
        active_courses=repository.count_active_courses(session),
        recent_days=RECENT_DAYS,
        units=units,
    )
