"""The arithmetic of the readiness rules: calendar months, validity windows, rounding.

Pure functions, no database: the repository turns validity windows into date ranges and
the service turns counts into figures with them.
"""

import calendar
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache

from dateutil.relativedelta import relativedelta


def add_months(day: date, months: int) -> date:
    """`day` plus `months` calendar months, the day clamped to the month's end."""
    return day + relativedelta(months=months)


def tour_end(as_of: date, tour_months: int) -> date:
    """The day the tour ends: `as_of` plus the tour's length in calendar months."""
    return add_months(as_of, tour_months)


def earliest_valid_completion(on: date, validity_months: int) -> date:
    """The earliest `completed_on` still valid on `on`: on < completed_on + validity months.

    add_months is non-decreasing in its day, so the completions valid on `on` are exactly
    those from this date up to `on`; that turns validity into a plain date range in SQL.
    Derivation: with P the month `validity_months` before `on`'s month, a completion in a
    month after P is valid, one in a month before P is not, and one in P is valid when its
    day is after `on`'s day - unless `on` is its month's last day, where the clamp makes
    every day of P lapse on or before `on`.
    """
    months_back = _month_index(on) - validity_months
    first_of_p = date(months_back // 12, months_back % 12 + 1, 1)
    first_of_next = add_months(first_of_p, 1)
    if _is_last_day_of_month(on):
        return first_of_next
    days_in_p = calendar.monthrange(first_of_p.year, first_of_p.month)[1]
    if on.day + 1 > days_in_p:
        return first_of_next
    return first_of_p.replace(day=on.day + 1)


def _month_index(day: date) -> int:
    return day.year * 12 + day.month - 1


def _is_last_day_of_month(day: date) -> bool:
    return (day + timedelta(days=1)).month != day.month


@lru_cache(maxsize=4096)
def exact(value: float | int) -> Fraction:
    """A stored percentage as the exact decimal it was written as (15.1 is 151/10, not binary)."""
    return Fraction(Decimal(repr(value))) if isinstance(value, float) else Fraction(value)


def round_half_up(value: Fraction, places: int = 1) -> float:
    """`value` rounded to `places` decimals, halves away from zero for positives (2.25 -> 2.3).

    The one rounding rule of the product; Python's round() rounds halves to even.
    """
    return round_ratio(value.numerator, value.denominator, places)


def round_ratio(numerator: int, denominator: int, places: int = 1) -> float:
    """round_half_up(numerator / denominator) in integers: floor(n / d * 10^places + 1/2) / 10^places."""
    scale = 10**places
    return (2 * scale * numerator + denominator) // (2 * denominator) / scale


def ceil_ratio(numerator: int, denominator: int) -> int:
    """The smallest integer not below numerator / denominator (denominator > 0)."""
    return -(-numerator // denominator)
