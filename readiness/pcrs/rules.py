"""The PCRS timing rules, as pure functions over a unit's level and dates: the one place for them.

Source: the UN Force Generation Manual 2021.05, restated in Brazil's official gazette (DOU, 24/10/2024):
- L1: the pledge is registered in PCRS.
- L2: a successful assessment and advisory visit (AAV) makes the pledge eligible for deployment;
  units below L2 are not selectable for a new deployment.
- L3: after 2 years at L3, a unit that has not deployed stays at L3 only through yearly
  self-certifications, and at most 5 years after its last AAV (time at L2 and L3 counted
  together); then a new AAV is needed.
- RDL: ready to deploy within 60 days, checked by an RDL verification visit.
"""

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from readiness.models import PcrsLevel
from readiness.web.i18n import gettext as _

AAV_VALID_YEARS = 5
L3_YEARS_BEFORE_SELF_CERT = 2
SELF_CERT_YEARS = 1
# How early a coming deadline is announced.
DUE_SOON_DAYS = 180
SELECTABLE = (PcrsLevel.L2, PcrsLevel.L3, PcrsLevel.RDL)
AAV_COUNTED = (PcrsLevel.L2, PcrsLevel.L3)


class Severity(StrEnum):
    high = "high"      # the level is not (or no longer) supported by its dates
    medium = "medium"  # the dates contradict each other or the level
    low = "low"        # a deadline is coming


@dataclass(frozen=True)
class PcrsDates:
    """A unit's level and the dates that move it."""

    level: PcrsLevel | None
    pledge_registered_on: date | None = None
    last_aav_on: date | None = None
    l3_since: date | None = None
    last_self_cert_on: date | None = None
    rdl_verified_on: date | None = None
    deployed: bool = False
    pledged_to_mission: bool = False


@dataclass(frozen=True)
class PcrsWarning:
    code: str
    severity: Severity
    message: str


def add_years(day: date, years: int) -> date:
    """The same day `years` later (29 February becomes 28 February)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def aav_expires_on(dates: PcrsDates) -> date | None:
    """The last day the last AAV still supports L2 or L3 (5 years on)."""
    return add_years(dates.last_aav_on, AAV_VALID_YEARS) if dates.last_aav_on else None


def self_cert_due_on(dates: PcrsDates) -> date | None:
    """The last day by which an L3 unit must self-certify (none before 2 years at L3, or once deployed)."""
    if dates.level != PcrsLevel.L3 or dates.l3_since is None or dates.deployed:
        return None
    due = add_years(dates.l3_since, L3_YEARS_BEFORE_SELF_CERT)
    if dates.last_self_cert_on and dates.last_self_cert_on >= dates.l3_since:
        due = max(due, add_years(dates.last_self_cert_on, SELF_CERT_YEARS))
    return due


def selectable(dates: PcrsDates) -> bool:
    """Whether the unit may be selected for a new deployment (L2 or above)."""
    return dates.level in SELECTABLE


def warnings(dates: PcrsDates, on: date) -> list[PcrsWarning]:
    """Every warning about the unit's level and dates on `on`, most severe first."""
    found = [*_future_dates(dates, on), *_level_support(dates), *_order(dates), *_aav_age(dates, on),
             *_self_certification(dates, on), *_not_selectable(dates)]
    order = list(Severity)
    return sorted(found, key=lambda warning: order.index(warning.severity))


def _field_names() -> dict[str, str]:
    return {"pledge_registered_on": _("pledge registration"), "last_aav_on": _("last assessment and advisory visit"),
            "l3_since": _("elevation to L3"), "last_self_cert_on": _("last self-certification"),
            "rdl_verified_on": _("RDL verification visit")}


def _future_dates(dates: PcrsDates, on: date) -> list[PcrsWarning]:
    return [PcrsWarning(f"future_{name}", Severity.medium,
                    _("The date of the %(what)s, %(day)s, is in the future: record a visit or step once it "
                      "has happened.", what=text, day=getattr(dates, name).isoformat()))
            for name, text in _field_names().items() if getattr(dates, name) and getattr(dates, name) > on]


def _level_support(dates: PcrsDates) -> list[PcrsWarning]:
    found = []
    if dates.level == PcrsLevel.L1 and dates.pledge_registered_on is None:
        found.append(PcrsWarning("l1_without_pledge", Severity.medium,
                             _("The unit is at L1 but no pledge registration date is recorded.")))
    if dates.level in SELECTABLE and dates.last_aav_on is None:
        found.append(PcrsWarning("no_aav", Severity.high,
                             _("The unit is at %(level)s but no assessment and advisory visit is recorded: L2 "
                               "needs a successful visit.", level=dates.level.value)))
    if dates.level == PcrsLevel.L3 and dates.l3_since is None:
        found.append(PcrsWarning("l3_without_date", Severity.medium,
                             _("The unit is at L3 but the date of its elevation to L3 is not recorded.")))
    if dates.level == PcrsLevel.RDL and dates.rdl_verified_on is None:
        found.append(PcrsWarning("rdl_without_visit", Severity.high,
                             _("The unit is at RDL but no RDL verification visit is recorded: the rapid "
                               "deployment level needs one.")))
    return found


def _order(dates: PcrsDates) -> list[PcrsWarning]:
    found = []
    if dates.l3_since and dates.last_aav_on and dates.l3_since < dates.last_aav_on:
        found.append(PcrsWarning("l3_before_aav", Severity.medium,
                             _("The unit reached L3 on %(l3)s, before its last assessment and advisory visit "
                               "on %(aav)s: L3 follows a successful visit.", l3=dates.l3_since.isoformat(),
                               aav=dates.last_aav_on.isoformat())))
    if dates.pledge_registered_on and dates.last_aav_on and dates.last_aav_on < dates.pledge_registered_on:
        found.append(PcrsWarning("aav_before_pledge", Severity.medium,
                             _("The last assessment and advisory visit (%(aav)s) is before the pledge was "
                               "registered (%(pledge)s).", aav=dates.last_aav_on.isoformat(),
                               pledge=dates.pledge_registered_on.isoformat())))
    return found


def _aav_age(dates: PcrsDates, on: date) -> list[PcrsWarning]:
    expires = aav_expires_on(dates)
    if dates.level not in AAV_COUNTED or expires is None:
        return []
    if on > expires:
        return [PcrsWarning("aav_expired", Severity.high,
                        _("The last assessment and advisory visit was on %(day)s, more than %(years)d years ago: "
                          "a new visit is needed before this unit can stay at %(level)s.",
                          day=dates.last_aav_on.isoformat(), years=AAV_VALID_YEARS, level=dates.level.value))]
    if (expires - on).days <= DUE_SOON_DAYS:
        return [PcrsWarning("aav_expiring", Severity.low,
                        _("The last assessment and advisory visit (%(day)s) stops supporting %(level)s after "
                          "%(end)s: plan a new visit.", day=dates.last_aav_on.isoformat(),
                          level=dates.level.value, end=expires.isoformat()))]
    return []


def _self_certification(dates: PcrsDates, on: date) -> list[PcrsWarning]:
    due = self_cert_due_on(dates)
    if due is None:
        return []
    last = dates.last_self_cert_on.isoformat() if dates.last_self_cert_on else _("none recorded")
    if on > due:
        return [PcrsWarning("self_cert_overdue", Severity.high,
                        _("The unit has been at L3 since %(since)s and has not deployed: a yearly "
                          "self-certification was due by %(due)s (last: %(last)s) for it to stay at L3.",
                          since=dates.l3_since.isoformat(), due=due.isoformat(), last=last))]
    if (due - on).days <= DUE_SOON_DAYS:
        return [PcrsWarning("self_cert_due", Severity.low,
                        _("A yearly self-certification is due by %(due)s for the unit to stay at L3.",
                          due=due.isoformat()))]
    return []


def _not_selectable(dates: PcrsDates) -> list[PcrsWarning]:
    if selectable(dates) or not dates.pledged_to_mission:
        return []
    level = dates.level.value if dates.level else _("no level")
    return [PcrsWarning("not_selectable", Severity.high,
                    _("The unit is pledged to a mission but is at %(level)s: units below L2 are not selectable "
                      "for deployment until a successful assessment and advisory visit.", level=level))]
