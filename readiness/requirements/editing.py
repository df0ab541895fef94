"""Editing a requirement: a draft in the form, saved as a new version; and the diff of two versions.

Versions are immutable history: a save never changes a stored version, it stores version N+1
through service.create_requirement (which checks the role and writes the audit trail).
"""

from dataclasses import dataclass, field, replace

from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.errors import Forbidden, Invalid
from readiness.requirements import service
from readiness.requirements.schemas import (
    RequirementIn,
    RequirementLineIn,
    RequirementOut,
)
from readiness.web.i18n import gettext as _

COMPARED_FIELDS = ("title", "mission", "unit_type", "tour_months", "min_women_pct")


@dataclass(frozen=True)
class DraftLine:
    """A line as typed: text, checked when added and again when saved."""

    course: str
    min_pct: str
    role: str = ""


@dataclass(frozen=True)
class Draft:
    """The next version being edited, based on version `base_version` of `code`."""

    code: str
    mission: str
    unit_type: str
    base_version: int
    title: str
    tour_months: str
    min_women_pct: str
    lines: tuple[DraftLine, ...] = ()


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: object
    after: object


@dataclass(frozen=True)
class LineChange:
    course: str
    role: str | None
    before_pct: float
    after_pct: float


@dataclass
class RequirementDiff:
    """What changed from one version to another."""

    older: RequirementOut
    newer: RequirementOut
    fields: list[FieldChange] = field(default_factory=list)
    added: list[RequirementLineIn] = field(default_factory=list)
    removed: list[RequirementLineIn] = field(default_factory=list)
    changed: list[LineChange] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.fields or self.added or self.removed or self.changed)


def require_keeper(actor: Actor) -> None:
    """Only administrators and mission planners edit requirements; others read them."""
    if not actor.can_keep_requirements():
        raise Forbidden(_("Requirements are kept by mission planners and administrators. Your role reads them."))


def draft_of(requirement: RequirementOut) -> Draft:
    """A draft of the next version, starting from `requirement` as stored."""
    return Draft(
        code=requirement.code, mission=requirement.mission, unit_type=requirement.unit_type,
        base_version=requirement.version, title=requirement.title,
        tour_months=str(requirement.tour_months), min_women_pct=_number_text(requirement.min_women_pct),
        lines=tuple(DraftLine(line.course, _number_text(line.min_pct), line.role or "")
                    for line in requirement.lines),
    )


def add_line(draft: Draft, line: DraftLine, known_courses: set[str]) -> tuple[Draft, dict[str, str]]:
    """The draft with `line` added, or unchanged with the new line's field errors."""
    line = DraftLine(line.course.strip(), line.min_pct.strip(), line.role.strip())
    errors = _new_line_errors(draft, line, known_courses)
    if errors:
        return draft, errors
    return replace(draft, lines=(*draft.lines, line)), {}


def remove_line(draft: Draft, position: int) -> Draft:
    """The draft without its line at `position` (ignored when there is none)."""
    return replace(draft, lines=tuple(line for i, line in enumerate(draft.lines) if i != position))


def draft_errors(draft: Draft, known_courses: set[str]) -> dict[str, str]:
    """Every problem that stops the draft being saved, by form field."""
    errors = {}
    if not draft.title.strip() or len(draft.title.strip()) > 200:
        errors["title"] = _("Give a title of 1 to 200 characters.")
    if _whole_number(draft.tour_months, 1, 36) is None:
        errors["tour_months"] = _("The tour lasts 1 to 36 months.")
    if draft.min_women_pct.strip() and _percent(draft.min_women_pct) is None:
        errors["min_women_pct"] = _("Enter a percentage from 0 to 100, or leave it empty.")
    if not draft.lines:
        errors["lines"] = _("A requirement needs at least one line.")
    elif any(_line_problem(line, known_courses) for line in draft.lines) or _has_duplicates(draft.lines):
        errors["lines"] = _("Each line needs a known course, a percentage from 0 to 100, and no course twice for one role.")
    return errors


def save_draft(session: Session, *, actor: Actor, draft: Draft, known_courses: set[str]) -> RequirementOut:
    """Store the draft as version base_version + 1 (audited); a conflict if someone saved it first."""
    require_keeper(actor)
    errors = draft_errors(draft, known_courses)
    if errors:
        raise Invalid(_("The requirement was not saved; correct the fields shown."),
                      details=[{"field": name, "message": message} for name, message in errors.items()])
    base = service.get_requirement(session, code=draft.code, version=draft.base_version)
    item = _requirement_in(draft)
    if _same_content(base, item):
        unchanged = _("Nothing changed: there is no new version to save.")
        raise Invalid(unchanged, details=[{"field": "form", "message": unchanged}])
    return service.create_requirement(session, actor=actor, item=item)


def diff_versions(older: RequirementOut, newer: RequirementOut) -> RequirementDiff:
    """Fields and lines changed from `older` to `newer`; lines are matched by course and role."""
    diff = RequirementDiff(older=older, newer=newer)
    for name in COMPARED_FIELDS:
        before, after = getattr(older, name), getattr(newer, name)
        if before != after:
            diff.fields.append(FieldChange(name, before, after))
    old_lines, new_lines = _by_course_and_role(older), _by_course_and_role(newer)
    diff.added = [line for key, line in new_lines.items() if key not in old_lines]
    diff.removed = [line for key, line in old_lines.items() if key not in new_lines]
    diff.changed = [LineChange(line.course, line.role, old_lines[key].min_pct, line.min_pct)
                    for key, line in new_lines.items()
                    if key in old_lines and old_lines[key].min_pct != line.min_pct]
    return diff


def _new_line_errors(draft: Draft, line: DraftLine, known_courses: set[str]) -> dict[str, str]:
    errors = {}
    if line.course not in known_courses:
        errors["new_course"] = _("Choose a course from the catalogue.")
    if _percent(line.min_pct) is None:
        errors["new_min_pct"] = _("Enter a percentage from 0 to 100.")
    if any(existing.course == line.course and existing.role == line.role for existing in draft.lines):
        errors["new_course"] = _("This course is already a line for this role.")
    return errors


def _line_problem(line: DraftLine, known_courses: set[str]) -> bool:
    return line.course not in known_courses or _percent(line.min_pct) is None


def _has_duplicates(lines: tuple[DraftLine, ...]) -> bool:
    keys = [(line.course, line.role) for line in lines]
    return len(keys) != len(set(keys))


def _requirement_in(draft: Draft) -> RequirementIn:
    return RequirementIn(
        code=draft.code, mission=draft.mission, unit_type=draft.unit_type, title=draft.title.strip(),
        version=draft.base_version + 1, tour_months=_whole_number(draft.tour_months, 1, 36),
        min_women_pct=_percent(draft.min_women_pct) if draft.min_women_pct.strip() else None,
        lines=[RequirementLineIn(course=line.course, min_pct=_percent(line.min_pct), role=line.role or None)
               for line in draft.lines],
    )


def _same_content(base: RequirementOut, item: RequirementIn) -> bool:
    draft_as_stored = RequirementOut(**item.model_dump())
    return diff_versions(base, draft_as_stored).empty


def _by_course_and_role(requirement: RequirementOut) -> dict[tuple, RequirementLineIn]:
    return {(line.course, line.role or ""): line for line in requirement.lines}


def _percent(text: str) -> float | None:
    """The number in `text` when it is a percentage from 0 to 100, else None."""
    try:
        value = float(text.strip().replace(",", "."))
    except ValueError:
        return None
    return value if 0 <= value <= 100 else None


def _whole_number(text: str, low: int, high: int) -> int | None:
    text = text.strip()
    return int(text) if text.isdigit() and low <= int(text) <= high else None


def _number_text(value: float | None) -> str:
    """A stored number as a person would type it: 100 rather than 100.0; empty for None."""
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)
