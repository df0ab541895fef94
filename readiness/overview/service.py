"""The home page's figures, read from the database."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.caveats.rules import flagged_unit_ids
from readiness.models import PcrsLevel, Role, UnitStatus
from readiness.overview import repository
from readiness.readiness import rules
from readiness.parity.rules import unit_category
from readiness.parity.service import applied_targets
from readiness.readiness.service import percentage, target_readiness

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


# --- the dashboard ------------------------------------------------------------------------

LAPSE_DAYS = 90
IMPORTS_SHOWN = 5
READINESS_ORDER = ["ready", "partial", "not_ready", "no_target"]


@dataclass(frozen=True)
class LapsingCourse:
    course: str
    title: str
    people: int


@dataclass(frozen=True)
class WomenShare:
    unit_type: str
    name: str
    people: int
    women: int
    share: float
    target: float | None  # the UN gender parity target applying this year; None: none set


@dataclass(frozen=True)
class Dashboard:
    figures: Overview
    readiness: dict[str, int]
    lapsing: list[LapsingCourse]
    lapse_until: date
    women: list[WomenShare]
    imports: list | None  # None: the role does not see imports
    flagged: list[tuple[str, str]] = ()  # (code, name) of readable units a caveat flags red today


def dashboard(session: Session, *, actor: Actor, today: date) -> Dashboard:
    """The home page: the overview figures, readiness by status, lapsing training, women, imports."""
    return Dashboard(
        figures=overview(session, actor=actor, today=today),
        readiness=readiness_by_status(session, actor=actor),
        lapsing=lapsing_training(session, actor=actor, today=today),
        lapse_until=today + timedelta(days=LAPSE_DAYS),
        women=women_share(session, actor=actor, today=today),
        imports=recent_imports(session, actor=actor),
        flagged=flagged_units(session, actor=actor, today=today),
    )


def flagged_units(session: Session, *, actor: Actor, today: date) -> list[tuple[str, str]]:
    """The readable units a caveat in force today flags red, by code (two queries, whatever the count)."""
    readable = repository.readable_unit_ids(actor.readable_countries())
    return repository.units_named(session, flagged_unit_ids(session, readable, today))


def readiness_by_status(session: Session, *, actor: Actor) -> dict[str, int]:
    """Readable units by readiness against their target requirement on their planned deployment."""
    unit_ids = repository.readable_unit_ids(actor.readable_countries())
    counts = {status: 0 for status in READINESS_ORDER}
    for target in target_readiness(session, actor=actor, unit_ids=unit_ids).values():
        counts[target.status] += 1
    return counts


def lapsing_training(session: Session, *, actor: Actor, today: date) -> list[LapsingCourse]:
    """People per course whose training is valid today and lapses within LAPSE_DAYS.

    Counts the course taken (not equivalences), over the people of the actor's readable countries.
    """
    until = today + timedelta(days=LAPSE_DAYS)
    validities = repository.course_validities(session)
    if not validities:
        return []
    rows = repository.lapsing_by_course(
        session, actor.readable_countries(),
        valid_from={m: rules.earliest_valid_completion(today, m) for m in validities},
        lapsed_from={m: rules.earliest_valid_completion(until, m) for m in validities},
    )
    return [LapsingCourse(course, title, people) for course, title, people in rows]


def women_share(session: Session, *, actor: Actor, today: date) -> list[WomenShare]:
    """Women's share on today's rosters per unit type, against this year's gender parity target."""
    rows = repository.women_by_unit_type(session, today, actor.readable_countries())
    targets = applied_targets(session, today.year)
    return [
        WomenShare(unit_type=slug, name=name, people=people, women=women,
                   share=percentage(women, people), target=_target_pct(targets, branch))
        for slug, name, branch, people, women in rows
    ]


def _target_pct(targets: dict, branch: str) -> float | None:
    target = targets[unit_category(branch)]
    return target.target_pct if target else None


def recent_imports(session: Session, *, actor: Actor, limit: int = IMPORTS_SHOWN) -> list | None:
    """The latest imports: every one for admins, their country's for national staff, none otherwise."""
    if actor.is_admin:
        return repository.recent_imports(session, None, limit)
    if actor.role in (Role.training_centre, Role.force_generation) and actor.country_code:
        return repository.recent_imports(session, actor.country_code, limit)
    return None
