"""Rules for mission requirements: importing them all-or-nothing, versioned."""

from dataclasses import dataclass, field

from sqlmodel import Session

from readiness.errors import Conflict, Invalid
from readiness.models import Requirement, RequirementLine
from readiness.requirements import repository
from readiness.requirements.schemas import RequirementIn, RequirementLineIn


@dataclass
class ImportReport:
    created: int = 0
    unchanged: int = 0
    codes: list[str] = field(default_factory=list)


def import_requirements(
    session: Session, requirements: list[RequirementIn], *, recorded_by: str
) -> ImportReport:
    """Store new requirement versions; the same code and version again changes nothing."""
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
        _store(session, item, references)
        report.created += 1
        report.codes.append(f"{item.code} v{item.version}")
    session.flush()
    return report


def _resolve_references(session: Session, requirements: list[RequirementIn]) -> dict:
    missions = repository.missions_by_acronym(session, (r.mission for r in requirements))
    unit_types = repository.unit_types_by_slug(session, (r.unit_type for r in requirements))
    course_codes = {line.course for r in requirements for line in r.lines}
    courses = repository.courses_by_code(session, course_codes)
    problems = _unknown_names(requirements, missions, unit_types, courses)
    seen = set()
    for item in requirements:
        if (item.code, item.version) in seen:
            problems.append({"requirement": item.code, "field": "version",
                             "message": f"version {item.version} appears twice in the file"})
        seen.add((item.code, item.version))
    if problems:
        raise Invalid(f"{len(problems)} problem(s) in the requirements; nothing was imported",
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


def _store(session: Session, item: RequirementIn, references: dict) -> None:
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
