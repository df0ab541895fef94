"""Reading the completion form: the same cell parsers and rules as an import file's row."""

from collections.abc import Mapping

from readiness.completions import rules
from readiness.completions.schemas import CompletionEntry
from readiness.imports import cells
from readiness.web.i18n import gettext as _

FIELDS = ("country", "service_number", "course_id", "completed_on", "result", "score", "waiver_reason",
          "session_id")


def read_entry(values: Mapping[str, str]) -> tuple[CompletionEntry | None, dict[str, str]]:
    """The entry when every field is acceptable, and each refused field's reason (the first one)."""
    row = cells.RowCells(0, {name: str(values.get(name) or "").strip() for name in FIELDS})
    parsed = {
        "country": row.take("country", cells.text, max_length=3),
        "service_number": row.take("service_number", cells.required_text, max_length=40),
        "course_id": row.take("course_id", _chosen_id, required=True),
        "completed_on": row.take("completed_on", cells.required_date),
        "result": row.take("result", cells.choice, rules.RESULTS, what=_("result")),
        "score": row.take("score", cells.number, low=rules.SCORE_RANGE[0], high=rules.SCORE_RANGE[1],
                          what=_("score")),
        "waiver_reason": row.take("waiver_reason", cells.text, max_length=500),
        "session_id": row.take("session_id", _chosen_id, required=False),
    }
    errors: dict[str, str] = {}
    for error in row.errors:
        errors.setdefault(error.column, error.reason)
    if problem := rules.waiver_problem(parsed["result"], parsed["waiver_reason"]):
        errors.setdefault("waiver_reason", problem)
    return (None if errors else CompletionEntry(**parsed)), errors


def _chosen_id(value: str, *, required: bool) -> int | None:
    """The id of an option chosen from a list; an empty choice is refused when `required`."""
    if value == "":
        if required:
            raise cells.CellRefused(_("choose one from the list"))
        return None
    if not value.isdigit():
        raise cells.CellRefused(_("choose one from the list"))
    return int(value)
