"""Rules for mission requirements: importing them all-or-nothing, versioned."""

from dataclasses import dataclass, field

from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.audit import service as audit
from readiness.courses import repository as courses_repository
from readiness.errors import Conflict, Forbidden, Invalid, NotFound
from readiness.models import Requirement, RequirementLine
from readiness.requirements import repository
from readiness.requirements.schemas import (
    RequirementIn,
    RequirementLineIn,
    RequirementOut,
)
from readiness.web.i18n import gettext as _


@dataclass
class ImportReport:
    created: int = 0
    unchanged: int = 0
    codes: list[str] = field(default_factory=list)


def import_requirements(
    session: Session, requirements: list[RequirementIn], *, recorded_by: str, actor: Actor | None = None
) -> ImportReport:
    """Store new requirement versions; the same code and version again changes nothing.

    With an `actor`, each new version is written to the audit trail.
    """
    references = _resolve_references(session, requirements)
    report = ImportReport()
    pending = []
    for item in requirements:
        existing = repository.find_version(session, item.code, item.version)
        if existing is None:
            pending.append(item)
        elif _same_content(session, existing, item, references):
            report.unchanged += 1
        else:
            raise Conflict(
                f"requirement {item.code} version {item.version} already exists with other "
                "content; give the change a new version"
            )
    for item in pending:
        stored = _store(session, item, references)
        if actor is not None:
            audit.record(session, actor=actor, action="create", entity="requirement",
                         entity_id=stored.id, after=item.model_dump(mode="json"),
                         summary=f"requirement {item.code} v{item.version} ({recorded_by})")
        report.created += 1
        report.codes.append(f"{item.code} v{item.version}")
    session.flush()
    return report


def _resolve_references(session: Session, requirements: list[RequirementIn]) -> dict:
    missions = repository.missions_by_acronym(session, (r.mission for r in requirements))
    unit_types = repository.unit_types_by_slug(session, (r.unit_type for r in requirements))
    course_codes = {line.course for r in requirements for line in r.lines}
    courses = courses_repository.courses_by_code(session, course_codes)
    problems = _unknown_names(requirements, missions, unit_types, courses)
    seen = set()
    for item in requirements:
        if (item.code, item.version) in seen:
            problems.append({"requirement": item.code, "field": "version",
                             "message": f"version {item.version} appears twice in the file"})
        seen.add((item.code, item.version))
    if problems:
        raise Invalid(_("%(count)d problem(s) in the requirements; nothing was imported.", count=len(problems)),
                      details=problems)
    return {"missions": missions, "unit_types": unit_types, "courses": courses}


def _unknown_names(requirements, missions, unit_types, courses) -> list[dict]:
    problems = []
    for item in requirements:
        if item.mission not in missions:
            problems.append({"requirement": item.code, "field": "mission",
                             "message": f"unknown mission {item.mission}"})
        if item.unit_type not in unit_types:
            problems.append({"requirement": item.code, "field": "unit_type",
                             "message": f"unknown unit type {item.unit_type}"})
        for line in item.lines:
            if line.course not in courses:
                problems.append({"requirement": item.code, "field": "lines.course",
                                 "message": f"unknown course {line.course}"})
    return problems


def _store(session: Session, item: RequirementIn, references: dict) -> Requirement:
    requirement = Requirement(
        code=item.code,
        mission_id=references["missions"][item.mission].id,
        unit_type_id=references["unit_types"][item.unit_type].id,
        title=item.title,
        version=item.version,
        tour_months=item.tour_months,
        min_women_pct=item.min_women_pct,
    )
    session.add(requirement)
    session.flush()
    for line in item.lines:
        session.add(
            RequirementLine(
                requirement_id=requirement.id,
                course_id=references["courses"][line.course].id,
                min_pct=line.min_pct,
                role=line.role,
            )
        )
    return requirement


def _same_content(
    session: Session, existing: Requirement, item: RequirementIn, references: dict
) -> bool:
    stored_lines = [
        RequirementLineIn(course=course.code, min_pct=line.min_pct, role=line.role)
        for line, course in repository.lines_of(session, existing.id)
    ]
    return (
        existing.mission_id == references["missions"][item.mission].id
        and existing.unit_type_id == references["unit_types"][item.unit_type].id
        and existing.title == item.title
        and existing.tour_months == item.tour_months
        and existing.min_women_pct == item.min_women_pct
        and sorted(stored_lines, key=_line_key) == sorted(item.lines, key=_line_key)
    )


def _line_key(line: RequirementLineIn) -> tuple:
    return (line.course, line.role or "", line.min_pct)


def parse_requirement_code(code: str) -> tuple[str, int | None]:
    """'CODE' (latest version) or 'CODE@VERSION' -> (code, version or None)."""
    base, separator, version = code.partition("@")
    if not separator:
        return code, None
    if not version.isdigit() or int(version) < 1:
        raise Invalid(_("Requirement %(code)s: the version after @ must be a positive number.", code=code))
    return base, int(version)


def list_requirements(session: Session, *, mission: str | None = None) -> list[RequirementOut]:
    """Every requirement version (optionally of one mission), by code then version."""
    rows = repository.requirements_with_names(session, mission=mission)
    lines = repository.lines_by_requirement(session, [row[0].id for row in rows])
    return [_out(requirement, acronym, slug, lines.get(requirement.id, []))
            for requirement, acronym, slug in rows]


def get_requirement(session: Session, *, code: str, version: int | None = None) -> RequirementOut:
    """One requirement version; the latest when `version` is None."""
    rows = repository.requirements_with_names(session, code=code, version=version)
    if not rows:
        raise NotFound(_("There is no requirement %(code)s version %(version)s.", code=code, version=version)
                       if version else _("There is no requirement %(code)s.", code=code))
    requirement, acronym, slug = rows[-1]
    lines = repository.lines_by_requirement(session, [requirement.id])
    return _out(requirement, acronym, slug, lines.get(requirement.id, []))


def create_requirement(session: Session, *, actor: Actor, item: RequirementIn) -> RequirementOut:
    """Store a new requirement version (audited); an existing code and version is a conflict."""
    _require_keeper(actor)
    if repository.find_version(session, item.code, item.version) is not None:
        raise Conflict(_("Requirement %(code)s version %(version)s already exists.", code=item.code, version=item.version))
    import_requirements(session, [item], recorded_by=actor.email, actor=actor)
    return get_requirement(session, code=item.code, version=item.version)


def delete_requirement(session: Session, *, actor: Actor, code: str, version: int) -> None:
    """Delete one requirement version (audited); other versions stay."""
    _require_keeper(actor)
    existing = get_requirement(session, code=code, version=version)
    repository.delete_version(session, code, version)
    audit.record(session, actor=actor, action="delete", entity="requirement",
                 entity_id=f"{code}@{version}", before=existing.model_dump(mode="json"),
                 summary=f"requirement {code} v{version} deleted")


def _require_keeper(actor: Actor) -> None:
    if not actor.can_keep_requirements():
        raise Forbidden(_("Only administrators and mission planners keep requirements."))


def _out(requirement: Requirement, acronym: str, slug: str, lines: list) -> RequirementOut:
    return RequirementOut(
        code=requirement.code, mission=acronym, unit_type=slug, title=requirement.title,
        version=requirement.version, tour_months=requirement.tour_months,
        min_women_pct=requirement.min_women_pct,
        lines=[RequirementLineIn(course=course, min_pct=line.min_pct, role=line.role)
               for line, course in lines],
    )
