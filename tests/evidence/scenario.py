"""A unit whose figures exercise every rule the pack explains: an equivalent course, a waiver,
a failed-then-passed course, an expired completion, a completion after the date, a role line."""

from dataclasses import dataclass
from datetime import date

from readiness.models import CompletionResult, Country, Unit
from tests import factories
from tests.evidence.factories import CaveatFactory
from tests.factories import (
    CompletionFactory,
    CountryFactory,
    CourseEquivalenceFactory,
    CourseFactory,
    CourseSessionFactory,
    TrainingCentreFactory,
    UnitFactory,
)
from tests.readiness.helpers import complete, enlist, requirement_for

AS_OF = date(2026, 3, 1)


@dataclass
class Scenario:
    unit: Unit
    requirement: object
    poc: object
    national_poc: object
    first_aid: object
    medic: object
    people: dict


def _country(code: str | None) -> str:
    if code is None:
        return CountryFactory().code
    if factories._session().get(Country, code) is None:
        CountryFactory(code=code)
    return code


def build(country: str | None = None) -> Scenario:
    country = _country(country)
    unit = UnitFactory(country_code=country, planned_deployment=AS_OF)
    poc = CourseFactory(code=f"POC-{unit.id}", title="Protection of civilians", validity_months=24)
    national_poc = CourseFactory(code=f"NAT-POC-{unit.id}", title="National POC course")
    CourseEquivalenceFactory(course_id=national_poc.id, counts_as_id=poc.id, note="Reviewed 2025")
    first_aid = CourseFactory(code=f"BFAC-{unit.id}", title="Buddy first aid", assessed=True)
    medic = CourseFactory(code=f"MEDIC-{unit.id}", title="Field medical assistant", validity_months=12)
    requirement = requirement_for(unit, (poc, 100), (first_aid, 50), (medic, 100, "medic"), min_women_pct=10)
    centre = TrainingCentreFactory(country_code=country, code=f"C{unit.id}")
    poc_session = CourseSessionFactory(course_id=poc.id, centre_id=centre.id,
                                       start_on=date(2025, 5, 26), end_on=date(2025, 6, 1))
    people = {name: enlist(unit) for name in ("own", "equivalent", "waived", "expired", "retried",
                                              "failed", "later", "both", "completed_assessed")}
    people["medic"] = enlist(unit, role="medic")
    people["gone"] = enlist(unit, end_on=date(2026, 1, 31))
    CompletionFactory(person_id=people["own"].id, course_id=poc.id, completed_on=date(2025, 6, 1),
                      centre_id=centre.id, session_id=poc_session.id, source="csv",
                      source_ref="poc-2025.csv:2", score=88)
    complete(people["equivalent"], national_poc, date(2025, 5, 1))
    complete(people["waived"], poc, date(2025, 3, 1), CompletionResult.waived)
    complete(people["expired"], poc, date(2023, 1, 15))
    complete(people["retried"], first_aid, date(2025, 1, 10), CompletionResult.failed)
    complete(people["retried"], first_aid, date(2025, 2, 10))
    complete(people["failed"], first_aid, date(2025, 1, 10), CompletionResult.failed)
    complete(people["later"], poc, date(2026, 4, 1))
    complete(people["both"], poc, date(2025, 9, 1))
    complete(people["both"], national_poc, date(2025, 9, 1))
    complete(people["completed_assessed"], first_aid, date(2025, 9, 1), CompletionResult.completed)
    complete(people["medic"], medic, date(2025, 8, 1))
    complete(people["medic"], first_aid, date(2025, 8, 1))
    complete(people["gone"], poc, date(2025, 6, 1))
    unit.target_mission_id = requirement.mission_id
    CaveatFactory(unit_id=unit.id, declared=True, accepted_by_un=True, text="No night patrols")
    CaveatFactory(unit_id=unit.id, declared=False, accepted_by_un=False, text="Will not leave the base")
    CaveatFactory(unit_id=unit.id, text="Ended caveat", active_to=date(2026, 2, 28))
    CaveatFactory(unit_id=unit.id, text="Future caveat", active_from=date(2026, 3, 2))
    return Scenario(unit, requirement, poc, national_poc, first_aid, medic, people)
