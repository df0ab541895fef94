"""Reading one cell: each parser returns a typed value or raises CellRefused with the reason."""

import re
from collections.abc import Iterable
from datetime import date

from readiness.imports.report import RowError
from readiness.web.i18n import gettext as _

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
TRUE_WORDS = frozenset({"true", "yes", "y", "1", "oui", "vrai"})
FALSE_WORDS = frozenset({"false", "no", "n", "0", "non", "faux"})

Cell = str | date
# Where reading puts the values of cells beyond the header's last column.
OVERFLOW = "(beyond the last column)"


class CellRefused(ValueError):
    """The cell's value is not acceptable; the message is the reason shown to the user."""


def text(value: Cell, *, max_length: int) -> str | None:
    """The cell as text, or None when empty."""
    if value == "":
        return None
    value = str(value)
    if len(value) > max_length:
        raise CellRefused(_("`%(value)s` is longer than %(max)d characters", value=value, max=max_length))
    return value


def required_text(value: Cell, *, max_length: int) -> str:
    """The cell as text; an empty cell is refused."""
    result = text(value, max_length=max_length)
    if result is None:
        raise CellRefused(_("a value is required"))
    return result


def choice(value: Cell, options: Iterable[str], *, what: str) -> str:
    """One of `options`, compared exactly; an empty cell is refused."""
    options = list(options)
    if value not in options:
        raise CellRefused(_("%(what)s `%(value)s` is not one of %(options)s",
                            what=what, value=value, options=", ".join(options)))
    return str(value)


def optional_choice(value: Cell, options: Iterable[str], *, what: str) -> str | None:
    return None if value == "" else choice(value, options, what=what)


def integer(value: Cell, *, minimum: int) -> int | None:
    """A whole number of at least `minimum`, or None when empty."""
    if value == "":
        return None
    try:
        number = int(str(value))
    except ValueError:
        raise CellRefused(_("`%(value)s` is not a whole number", value=value)) from None
    if number < minimum:
        raise CellRefused(_("%(value)s is less than %(min)d", value=value, min=minimum))
    return number


def number(value: Cell, *, low: float, high: float | None = None, what: str) -> float | None:
    """A decimal number (point or comma) within [low, high], or None when empty."""
    if value == "":
        return None
    try:
        result = float(str(value).replace(",", "."))
    except ValueError:
        raise CellRefused(_("%(what)s `%(value)s` is not a number", what=what, value=value)) from None
    if result < low:
        raise CellRefused(_("%(what)s %(value)s is less than %(low)g", what=what, value=value, low=low))
    if high is not None and result > high:
        raise CellRefused(_("%(what)s %(value)s is outside %(low)g–%(high)g", what=what, value=value,
                            low=low, high=high))
    return result


def boolean(value: Cell) -> bool:
    """yes/no, true/false, 1/0 (and the French words); an empty cell is refused."""
    word = str(value).lower()
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise CellRefused(_("`%(value)s` is not yes or no (true/false, 1/0)", value=value))


def iso_date(value: Cell) -> date | None:
    """A date cell or ISO YYYY-MM-DD text, or None when empty."""
    if isinstance(value, date) or value == "":
        return value or None
    try:
        if not ISO_DATE.fullmatch(value):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise CellRefused(_("date `%(value)s` is not a date (ISO YYYY-MM-DD)", value=value)) from None


def required_date(value: Cell) -> date:
    result = iso_date(value)
    if result is None:
        raise CellRefused(_("a date is required (ISO YYYY-MM-DD)"))
    return result


class RowCells:
    """One row's cells by column; `take` parses a cell and collects its error instead of raising."""

    def __init__(self, line: int, cells: dict[str, Cell]) -> None:
        self.line = line
        self.cells = cells
        self.errors: list = []
        if OVERFLOW in cells:
            self.errors.append(RowError(line, None, cells[OVERFLOW],
                                        _("the row has more cells than the header has columns")))

    def has(self, column: str) -> bool:
        """Whether the file has this (optional) column at all."""
        return column in self.cells

    def take(self, column: str, parse, /, *args, **options):
        """`parse` applied to the column's cell; None (and an error kept) when refused or absent."""
        value = self.cells.get(column)
        if value is None:
            return None  # an optional column the file does not have
        try:
            return parse(value, *args, **options)
        except CellRefused as refused:
            self.errors.append(RowError(self.line, column, str(value), str(refused)))
            return None
