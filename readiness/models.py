"""Every table of the product, in one place.

Enumerations are stored as short strings guarded by CHECK constraints (not native
PostgreSQL enums), so the same migrations serve SQLite and PostgreSQL.
"""

from datetime import date, datetime, timezone
from enum import StrEnum

import sqlalchemy as sa
from sqlmodel import Field, SQLModel

SQLModel.metadata.naming_convention = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


def enum_type(enum_cls: type[StrEnum], name: str) -> sa.Enum:
    """A portable enum column type: VARCHAR plus a named CHECK constraint."""
    return sa.Enum(
        enum_cls,
        name=name,
        native_enum=False,
        create_constraint=True,
        length=max(16, *(len(member.value) for member in enum_cls)),
        values_callable=lambda members: [member.value for member in members],
        validate_strings=True,
    )


class Branch(StrEnum):
    military = "military"
    police = "police"


class MissionStatus(StrEnum):
    active = "active"
    drawdown = "drawdown"
    closing = "closing"


class PartnerKind(StrEnum):
    country = "country"
    organisation = "organisation"


class CourseCategory(StrEnum):
    core_predeployment = "core_predeployment"
    rules_of_engagement = "rules_of_engagement"
    protection_of_civilians = "protection_of_civilians"
    technology = "technology"
    women_peace_security = "women_peace_security"
    medical = "medical"
    conduct_discipline = "conduct_discipline"
    specialised = "specialised"
    leadership = "leadership"
    language = "language"


class PcrsLevel(StrEnum):
    L1 = "L1"
    L2 = "L2"
    L3 = "L3"
    RDL = "RDL"


class UnitStatus(StrEnum):
    forming = "forming"
    pledged = "pledged"
    deployed = "deployed"
    rotated_out = "rotated_out"


class Gender(StrEnum):
    F = "F"
    M = "M"


class CompletionResult(StrEnum):
    passed = "passed"
    failed = "failed"
    completed = "completed"
    waived = "waived"


class CompletionSource(StrEnum):
    form = "form"
    csv = "csv"
    xlsx = "xlsx"
    xapi = "xapi"
    api = "api"
    seed = "seed"


class Country(SQLModel, table=True):
    code: str = Field(primary_key=True, max_length=3, description="ISO 3166-1 alpha-3")
    name: str = Field(max_length=100)
    region: str = Field(max_length=20)


class TrainingCentre(SQLModel, table=True):
    __tablename__ = "training_centre"
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=20, unique=True)
    name: str = Field(max_length=200)
    country_code: str = Field(foreign_key="country.code", max_length=3, index=True)


class Partner(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=20, unique=True)
    name: str = Field(max_length=200)
    kind: PartnerKind = Field(sa_type=enum_type(PartnerKind, "partner_kind"))
    country_code: str | None = Field(default=None, foreign_key="country.code", max_length=3)


class Mission(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    acronym: str = Field(max_length=20, unique=True)
    name: str = Field(max_length=200)
    host_country_code: str = Field(foreign_key="country.code", max_length=3)
    working_language: str = Field(max_length=8)
    status: MissionStatus = Field(sa_type=enum_type(MissionStatus, "mission_status"))


class UnitType(SQLModel, table=True):
    __tablename__ = "unit_type"
    id: int | None = Field(default=None, primary_key=True)
    slug: str = Field(max_length=40, unique=True)
    name: str = Field(max_length=100)
    branch: Branch = Field(sa_type=enum_type(Branch, "branch"))
    typical_strength: int = Field(ge=1)


class Course(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=30, unique=True)
    title: str = Field(max_length=200)
    category: CourseCategory = Field(sa_type=enum_type(CourseCategory, "course_category"))
    standard_ref: str | None = Field(default=None, max_length=200)
    duration_hours: float | None = Field(default=None, ge=0)
    validity_months: int | None = Field(default=None, ge=1, description="null: never expires")
    assessed: bool = Field(default=False, description="true: only a pass counts")
    version: str = Field(default="1", max_length=20)
    active: bool = Field(default=True)
    xapi_activity_id: str | None = Field(default=None, max_length=500, unique=True)


class Unit(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=30, unique=True)
    country_code: str = Field(foreign_key="country.code", max_length=3, index=True)
    name: str = Field(max_length=200)
    unit_type_id: int = Field(foreign_key="unit_type.id", index=True)
    authorised_strength: int = Field(ge=1)
    pcrs_level: PcrsLevel | None = Field(default=None, sa_type=enum_type(PcrsLevel, "pcrs_level"))
    target_mission_id: int | None = Field(default=None, foreign_key="mission.id", index=True)
    planned_deployment: date | None = None
    status: UnitStatus = Field(
        default=UnitStatus.forming, sa_type=enum_type(UnitStatus, "unit_status")
    )


class Person(SQLModel, table=True):
    __table_args__ = (sa.UniqueConstraint("country_code", "service_number"),)
    id: int | None = Field(default=None, primary_key=True)
    country_code: str = Field(foreign_key="country.code", max_length=3)
    service_number: str = Field(max_length=40)
    family_name: str | None = Field(default=None, max_length=100)
    given_name: str | None = Field(default=None, max_length=100)
    gender: Gender = Field(sa_type=enum_type(Gender, "gender"))
    rank: str | None = Field(default=None, max_length=40)
    role: str | None = Field(default=None, max_length=40, index=True)


class Assignment(SQLModel, table=True):
    __table_args__ = (
        # At most one open assignment per person: a person serves in one unit at a time.
        sa.Index(
            "uq_assignment_open_person",
            "person_id",
            unique=True,
            sqlite_where=sa.text("end_on IS NULL"),
            postgresql_where=sa.text("end_on IS NULL"),
        ),
        sa.Index("ix_assignment_unit_dates", "unit_id", "start_on", "end_on"),
        sa.CheckConstraint("end_on IS NULL OR end_on >= start_on", name="dates_in_order"),
    )
    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    unit_id: int = Field(foreign_key="unit.id")
    start_on: date
    end_on: date | None = None


class Completion(SQLModel, table=True):
    __table_args__ = (
        sa.UniqueConstraint("person_id", "course_id", "completed_on"),
        sa.Index("ix_completion_course_person", "course_id", "person_id", "completed_on"),
        # Covers the readiness engine's read of each person's completions: the database
        # answers from the index alone, without visiting the table.
        sa.Index("ix_completion_person_course_result", "person_id", "course_id", "completed_on", "result"),
        # Finds an xAPI statement already stored (idempotency on the statement id).
        sa.Index("ix_completion_source_ref", "source_ref"),
        sa.CheckConstraint(
            "result <> 'waived' OR waiver_reason IS NOT NULL", name="waiver_has_reason"
        ),
        sa.CheckConstraint("score IS NULL OR (score >= 0 AND score <= 100)", name="score_range"),
    )
    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id")
    course_id: int = Field(foreign_key="course.id")
    completed_on: date
    result: CompletionResult = Field(sa_type=enum_type(CompletionResult, "completion_result"))
    waiver_reason: str | None = Field(default=None, max_length=500)
    score: float | None = Field(default=None, ge=0, le=100)
    centre_id: int | None = Field(default=None, foreign_key="training_centre.id")
    session_id: int | None = Field(default=None, foreign_key="course_session.id")
    source: CompletionSource = Field(sa_type=enum_type(CompletionSource, "completion_source"))
    source_ref: str | None = Field(default=None, max_length=300)
    recorded_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))
    recorded_by: str = Field(max_length=200)


class Requirement(SQLModel, table=True):
    """A mission's statement of unit requirement for one unit type, versioned."""

    __table_args__ = (sa.UniqueConstraint("code", "version"),)
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=50)
    mission_id: int = Field(foreign_key="mission.id", index=True)
    unit_type_id: int = Field(foreign_key="unit_type.id", index=True)
    title: str = Field(max_length=200)
    version: int = Field(default=1, ge=1)
    tour_months: int = Field(ge=1)
    min_women_pct: float | None = Field(default=None, ge=0, le=100)


class RequirementLine(SQLModel, table=True):
    __tablename__ = "requirement_line"
    id: int | None = Field(default=None, primary_key=True)
    requirement_id: int = Field(foreign_key="requirement.id", index=True)
    course_id: int = Field(foreign_key="course.id")
    min_pct: float = Field(ge=0, le=100)
    role: str | None = Field(default=None, max_length=40)


class CourseEquivalence(SQLModel, table=True):
    """A completion of `course` counts as a completion of `counts_as` (e.g. a national POC course)."""

    __tablename__ = "course_equivalence"
    __table_args__ = (
        sa.UniqueConstraint("course_id", "counts_as_id"),
        sa.CheckConstraint("course_id <> counts_as_id", name="not_itself"),
    )
    id: int | None = Field(default=None, primary_key=True)
    course_id: int = Field(foreign_key="course.id")
    counts_as_id: int = Field(foreign_key="course.id", index=True)
    note: str | None = Field(default=None, max_length=500)
    recorded_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))
    recorded_by: str = Field(max_length=200)


class CourseSession(SQLModel, table=True):
    """One scheduled run of a course at a training centre."""

    __tablename__ = "course_session"
    __table_args__ = (
        sa.CheckConstraint("end_on >= start_on", name="dates_in_order"),
        sa.CheckConstraint("seats_for_women <= seats", name="women_seats_within_seats"),
    )
    id: int | None = Field(default=None, primary_key=True)
    course_id: int = Field(foreign_key="course.id", index=True)
    centre_id: int = Field(foreign_key="training_centre.id", index=True)
    start_on: date
    end_on: date
    language: str = Field(max_length=8)
    seats: int = Field(ge=0)
    seats_for_women: int = Field(default=0, ge=0)


class Role(StrEnum):
    admin = "admin"
    training_centre = "training_centre"
    force_generation = "force_generation"
    mission_planner = "mission_planner"
    partner = "partner"


class User(SQLModel, table=True):
    __tablename__ = "app_user"
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, unique=True)
    password_hash: str = Field(max_length=255)
    role: Role = Field(sa_type=enum_type(Role, "role"))
    country_code: str | None = Field(default=None, foreign_key="country.code", max_length=3)
    centre_id: int | None = Field(default=None, foreign_key="training_centre.id")
    partner_id: int | None = Field(default=None, foreign_key="partner.id")
    active: bool = Field(default=True)
    locale: str | None = Field(default=None, max_length=8)
    created_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))
    last_login_at: datetime | None = Field(default=None, sa_type=sa.DateTime(timezone=True))


class PartnerCountry(SQLModel, table=True):
    """A country a capacity-building partner supports (and so may read unit figures of)."""

    __tablename__ = "partner_country"
    partner_id: int = Field(foreign_key="partner.id", primary_key=True)
    country_code: str = Field(foreign_key="country.code", primary_key=True, max_length=3)


class ApiToken(SQLModel, table=True):
    __tablename__ = "api_token"
    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="app_user.id", index=True)
    name: str = Field(max_length=100)
    token_hash: str = Field(max_length=128, unique=True)
    prefix: str = Field(max_length=16, description="First characters, shown to tell tokens apart")
    created_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))
    last_used_at: datetime | None = Field(default=None, sa_type=sa.DateTime(timezone=True))
    revoked_at: datetime | None = Field(default=None, sa_type=sa.DateTime(timezone=True))


class LoginFailure(SQLModel, table=True):
    """A failed login, kept in the database so that every app worker throttles alike."""

    __tablename__ = "login_failure"
    __table_args__ = (
        sa.Index("ix_login_failure_email_at", "email", "at"),
        sa.Index("ix_login_failure_address_at", "address", "at"),
    )
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254)
    address: str = Field(max_length=64)
    at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))


class AuditEntry(SQLModel, table=True):
    __tablename__ = "audit_entry"
    __table_args__ = (
        sa.Index("ix_audit_entry_at", "at"),
        sa.Index("ix_audit_entry_entity", "entity", "entity_id"),
    )
    id: int | None = Field(default=None, primary_key=True)
    at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))
    user_id: int | None = Field(default=None, foreign_key="app_user.id", index=True)
    actor: str = Field(max_length=254, description="Who: the user's e-mail, or 'seed'/'cli'")
    action: str = Field(max_length=20, description="create, update, delete or import")
    entity: str = Field(max_length=50)
    entity_id: str | None = Field(default=None, max_length=100)
    before: dict | None = Field(default=None, sa_type=sa.JSON)
    after: dict | None = Field(default=None, sa_type=sa.JSON)
    summary: str | None = Field(default=None, max_length=500)


class IdentityLink(SQLModel, table=True):
    """Ties an LMS identity (an xAPI actor: account or mbox) to a person, so statements find them."""

    __tablename__ = "identity_link"
    id: int | None = Field(default=None, primary_key=True)
    actor_key: str = Field(
        max_length=600, unique=True,
        description="'account:<homePage>|<name>' or 'mbox:mailto:<address>', normalised",
    )
    person_id: int = Field(foreign_key="person.id", index=True)
    centre_id: int | None = Field(default=None, foreign_key="training_centre.id")
    created_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))
    created_by: str = Field(max_length=254)
