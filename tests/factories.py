"""factory-boy factories for every table; bound to the test's session by conftest."""

from datetime import date

import factory
from factory.alchemy import SQLAlchemyModelFactory

from readiness import models

_current = {"session": None}


def bind(session) -> None:
    _current["session"] = session


def _session():
    return _current["session"]


def _three_letters(n: int) -> str:
    # Country codes that cannot collide with real ISO codes: they start with X or Q.
    return "XQ"[n // 676 % 2] + chr(65 + n // 26 % 26) + chr(65 + n % 26)


class Base(SQLAlchemyModelFactory):
    class Meta:
        abstract = True
        sqlalchemy_session_factory = _session
        sqlalchemy_session_persistence = "flush"


class CountryFactory(Base):
    class Meta:
        model = models.Country

    code = factory.Sequence(_three_letters)
    name = factory.LazyAttribute(lambda o: f"Country {o.code}")
    region = "Africa"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        # A code a test names may have been generated earlier in the same test: reuse that country.
        existing = _session().get(models.Country, kwargs["code"])
        return existing or super()._create(model_class, *args, **kwargs)


class TrainingCentreFactory(Base):
    class Meta:
        model = models.TrainingCentre

    code = factory.Sequence(lambda n: f"TC{n:03d}")
    name = factory.LazyAttribute(lambda o: f"Training centre {o.code}")
    country_code = factory.LazyFunction(lambda: CountryFactory().code)


class MissionFactory(Base):
    class Meta:
        model = models.Mission

    acronym = factory.Sequence(lambda n: f"MISSION{n}")
    name = factory.LazyAttribute(lambda o: f"Mission {o.acronym}")
    host_country_code = factory.LazyFunction(lambda: CountryFactory().code)
    working_language = "en"
    status = models.MissionStatus.active


class UnitTypeFactory(Base):
    class Meta:
        model = models.UnitType

    slug = factory.Sequence(lambda n: f"unit_type_{n}")
    name = factory.LazyAttribute(lambda o: o.slug.replace("_", " ").title())
    branch = models.Branch.military
    typical_strength = 100


class CourseFactory(Base):
    class Meta:
        model = models.Course

    code = factory.Sequence(lambda n: f"COURSE-{n}")
    title = factory.LazyAttribute(lambda o: f"Course {o.code}")
    category = models.CourseCategory.core_predeployment
    validity_months = None
    assessed = False


class UnitFactory(Base):
    class Meta:
        model = models.Unit

    code = factory.Sequence(lambda n: f"UNIT-{n}")
    country_code = factory.LazyFunction(lambda: CountryFactory().code)
    name = factory.LazyAttribute(lambda o: f"Unit {o.code}")
    unit_type_id = factory.LazyFunction(lambda: UnitTypeFactory().id)
    authorised_strength = 100
    status = models.UnitStatus.forming


class PersonFactory(Base):
    class Meta:
        model = models.Person

    country_code = factory.LazyFunction(lambda: CountryFactory().code)
    service_number = factory.Sequence(lambda n: f"SN{n:06d}")
    family_name = factory.Sequence(lambda n: f"Family{n}")
    given_name = "Alex"
    gender = models.Gender.M
    rank = "Private"
    role = "rifleman"


class AssignmentFactory(Base):
    class Meta:
        model = models.Assignment

    person_id = factory.LazyFunction(lambda: PersonFactory().id)
    unit_id = factory.LazyFunction(lambda: UnitFactory().id)
    start_on = date(2025, 1, 1)
    end_on = None


class CompletionFactory(Base):
    class Meta:
        model = models.Completion

    person_id = factory.LazyFunction(lambda: PersonFactory().id)
    course_id = factory.LazyFunction(lambda: CourseFactory().id)
    completed_on = date(2025, 6, 1)
    result = models.CompletionResult.passed
    source = models.CompletionSource.form
    recorded_by = "tests"


class RequirementFactory(Base):
    class Meta:
        model = models.Requirement

    code = factory.Sequence(lambda n: f"REQ-{n}")
    mission_id = factory.LazyFunction(lambda: MissionFactory().id)
    unit_type_id = factory.LazyFunction(lambda: UnitTypeFactory().id)
    title = factory.LazyAttribute(lambda o: f"Requirement {o.code}")
    version = 1
    tour_months = 12
    min_women_pct = None


class RequirementLineFactory(Base):
    class Meta:
        model = models.RequirementLine

    requirement_id = factory.LazyFunction(lambda: RequirementFactory().id)
    course_id = factory.LazyFunction(lambda: CourseFactory().id)
    min_pct = 100
    role = None


class CourseEquivalenceFactory(Base):
    class Meta:
        model = models.CourseEquivalence

    course_id = factory.LazyFunction(lambda: CourseFactory().id)
    counts_as_id = factory.LazyFunction(lambda: CourseFactory().id)
    recorded_by = "tests"


class PartnerFactory(Base):
    class Meta:
        model = models.Partner

    code = factory.Sequence(lambda n: f"PARTNER{n}")
    name = factory.LazyAttribute(lambda o: f"Partner {o.code}")
    kind = models.PartnerKind.organisation


class PartnerCountryFactory(Base):
    class Meta:
        model = models.PartnerCountry

    partner_id = factory.LazyFunction(lambda: PartnerFactory().id)
    country_code = factory.LazyFunction(lambda: CountryFactory().code)


# Every factory user's password; hashed once, because Argon2 is slow on purpose.
USER_PASSWORD = "factory-password-1"
_hashed = {}


def _password_hash() -> str:
    from readiness.accounts.passwords import hash_password

    if "hash" not in _hashed:
        _hashed["hash"] = hash_password(USER_PASSWORD)
    return _hashed["hash"]


class UserFactory(Base):
    """A user; for national roles pass country_code (and centre_id / partner_id) as needed."""

    class Meta:
        model = models.User

    email = factory.Sequence(lambda n: f"user{n}@example.org")
    password_hash = factory.LazyFunction(_password_hash)
    role = models.Role.mission_planner
    active = True


class CourseSessionFactory(Base):
    class Meta:
        model = models.CourseSession

    course_id = factory.LazyFunction(lambda: CourseFactory().id)
    centre_id = factory.LazyFunction(lambda: TrainingCentreFactory().id)
    start_on = date(2026, 3, 2)
    end_on = date(2026, 3, 6)
    language = "en"
    seats = 30
    seats_for_women = 6


class IdentityLinkFactory(Base):
    class Meta:
        model = models.IdentityLink

    actor_key = factory.Sequence(lambda n: f"mbox:mailto:learner{n}@example.org")
    person_id = factory.LazyFunction(lambda: PersonFactory().id)
    created_by = "tests"


class SessionPlaceFactory(Base):
    class Meta:
        model = models.SessionPlace

    session_id = factory.LazyFunction(lambda: CourseSessionFactory().id)
    person_id = factory.LazyFunction(lambda: PersonFactory().id)
    booked_by = "test"
