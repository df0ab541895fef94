"""What makes a completion's result, score and waiver acceptable: one place for forms, files and xAPI."""

from readiness.models import CompletionResult
from readiness.web.i18n import gettext as _

RESULTS = tuple(result.value for result in CompletionResult)
SCORE_RANGE = (0.0, 100.0)
# A result that says more than "completed": it is not overwritten by a later bare "completed".
GRADED = frozenset({CompletionResult.passed, CompletionResult.failed, CompletionResult.waived})


def waiver_problem(result: str | None, waiver_reason: str | None) -> str | None:
    """Why the waiver is not acceptable (a waived result needs its reason), or None."""
    if result == CompletionResult.waived and not (waiver_reason or "").strip():
        return _("waiver without reason: a `waived` result needs a waiver_reason")
    return None


def score_problem(score: float | None) -> str | None:
    """Why the score is not acceptable (outside 0–100), or None."""
    low, high = SCORE_RANGE
    if score is not None and not low <= score <= high:
        return _("score %(value)s is outside %(low)g–%(high)g", value=score, low=low, high=high)
    return None


def outranks(new: str, stored: str) -> bool:
    """Whether a `new` result for the same course and day replaces the `stored` one."""
    return not (new == CompletionResult.completed and stored in GRADED)
