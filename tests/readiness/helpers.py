"""Small builders for readiness scenarios: a unit, its people, a requirement."""

from datetime import date

from readiness.accounts.scope import SYSTEM
from readiness.models import CompletionResult, Gender
from readiness.readiness import service
from tests.factories import (
    AssignmentFactory,
    CompletionFactory,
    PersonFactory,
    RequirementFactory,
    RequirementLineFactory,
)


def enlist(unit, *, gender=Gender.M, role="rifleman", start_on=date(2025, 1, 1), end_on=None):
    """A person on the unit's roster from `start_on`."""
    person = PersonFactory(country_code=unit.country_code, gender=gender, role=role)
    AssignmentFactory(person_id=person.id, unit_id=unit.id, start_on=start_on, end_on=end_on)
    return person


def complete(person, course, on, result=CompletionResult.passed):
    reason = "recognised prior learning" if result == CompletionResult.waived else None
    return CompletionFactory(
        person_id=person.id, course_id=course.id, completed_on=on, result=result,
        waiver_reason=reason,
    )


def requirement_for(unit, *lines, tour_months=12, min_women_pct=None, **fields):
    """A requirement on the unit's type with (course, min_pct[, role]) lines."""
    requirement = RequirementFactory(
        unit_type_id=unit.unit_type_id, tour_months=tour_months,
        min_women_pct=min_women_pct, **fields,
    )
    for course, min_pct, *role in lines:
        RequirementLineFactory(
            requirement_id=requirement.id, course_id=course.id, min_pct=min_pct,
            role=role[0] if role else None,
        )
    return requirement


def report(session, unit, requirement, on, actor=SYSTEM):
    """The unit's readiness report on `on`."""
    return service.unit_readiness(
        session, actor=actor, unit_code=unit.code, requirement_code=requirement.code, as_of=on,
    )
