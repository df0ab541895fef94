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
    # The dates that move a pledge through the PCRS levels (Force Generation Manual 2021.05).
    pledge_registered_on: date | None = Field(default=None, description="L1: pledge registered")
    last_aav_on: date | None = Field(default=None, description="Last assessment and advisory visit")
    l3_since: date | None = Field(default=None, description="Elevated to L3")
    last_self_cert_on: date | None = Field(default=None, description="Last yearly self-certification")
    rdl_verified_on: date | None = Field(default=None, description="RDL verification visit")


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
    signed_out_at: float | None = Field(
        default=None, description="Epoch seconds of the last sign-out: older browser sessions end"
    )


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
    action: str = Field(max_length=20, description="create, update, delete, import or generate")
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


# --- Partnerships for performance -------------------------------------------------------------


class CaveatKind(StrEnum):
    geographic = "geographic"
    task = "task"
    time_night = "time_night"
    use_of_force = "use_of_force"
    movement = "movement"
    other = "other"


class CaveatRecord(StrEnum):
    """Where a caveat is written down."""

    mou = "mou"
    sur_variation = "sur_variation"
    none = "none"


class Caveat(SQLModel, table=True):
    """A restriction a country places on how its unit may be employed."""

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    declared: bool
    kind: CaveatKind = Field(sa_type=enum_type(CaveatKind, "caveat_kind"))
    text: str = Field(max_length=1000)
    accepted_by_un: bool = Field(default=False)
    recorded_in: CaveatRecord = Field(
        default=CaveatRecord.none, sa_type=enum_type(CaveatRecord, "caveat_record")
    )
    active_from: date
    active_to: date | None = Field(default=None, description="null: still in force")
    recorded_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))
    recorded_by: str = Field(max_length=254)


class EvaluationInstrument(StrEnum):
    fc_unit_eval = "fc_unit_eval"
    fhq_eval = "fhq_eval"
    fpu_paer = "fpu_paer"
    ipo_appraisal = "ipo_appraisal"
    so_mo_appraisal = "so_mo_appraisal"


class Evaluation(SQLModel, table=True):
    """A performance evaluation of a unit in a mission."""

    id: int | None = Field(default=None, primary_key=True)
    unit_id: int = Field(foreign_key="unit.id", index=True)
    mission_id: int = Field(foreign_key="mission.id", index=True)
    instrument: EvaluationInstrument = Field(
        sa_type=enum_type(EvaluationInstrument, "evaluation_instrument")
    )
    evaluated_on: date
    summary: str | None = Field(default=None, max_length=2000)
    improvement_plan_required: bool = Field(default=False)
    recorded_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))
    recorded_by: str = Field(max_length=254)


class EvaluationRating(SQLModel, table=True):
    """A 1-5 rating of one area of an evaluation."""

    __tablename__ = "evaluation_rating"
    evaluation_id: int = Field(foreign_key="evaluation.id", primary_key=True)
    area: str = Field(max_length=40, primary_key=True)
    rating: int = Field(ge=1, le=5)


class EvaluationFinding(SQLModel, table=True):
    """What an evaluation found; tagged with the training that addresses it."""

    __tablename__ = "evaluation_finding"
    id: int | None = Field(default=None, primary_key=True)
    evaluation_id: int = Field(foreign_key="evaluation.id", index=True)
    text: str = Field(max_length=2000)


class FindingCourse(SQLModel, table=True):
    __tablename__ = "finding_course"
    finding_id: int = Field(foreign_key="evaluation_finding.id", primary_key=True)
    course_id: int = Field(foreign_key="course.id", primary_key=True)


class FindingCategory(SQLModel, table=True):
    __tablename__ = "finding_category"
    finding_id: int = Field(foreign_key="evaluation_finding.id", primary_key=True)
    category: CourseCategory = Field(
        sa_type=enum_type(CourseCategory, "course_category"), primary_key=True
    )


class SupportCategory(StrEnum):
    """The Light Coordination Mechanism's list of capacity-building categories."""

    training = "training"
    mentoring = "mentoring"
    advise_and_assist = "advise_and_assist"
    equipment = "equipment"
    infrastructure = "infrastructure"
    logistics = "logistics"
    financial = "financial"
    lessons_learned = "lessons_learned"


class PartnershipStatus(StrEnum):
    planned = "planned"
    active = "active"
    completed = "completed"
    suspended = "suspended"


class Partnership(SQLModel, table=True):
    """A partner's capacity-building support to a recipient country."""

    id: int | None = Field(default=None, primary_key=True)
    partner_id: int = Field(foreign_key="partner.id", index=True)
    country_code: str = Field(foreign_key="country.code", max_length=3, index=True)
    title: str = Field(max_length=200)
    start_on: date
    end_on: date | None = None
    long_term: bool = Field(default=False)
    status: PartnershipStatus = Field(
        default=PartnershipStatus.planned, sa_type=enum_type(PartnershipStatus, "partnership_status")
    )
    note: str | None = Field(default=None, max_length=2000)
    recorded_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))
    recorded_by: str = Field(max_length=254)


class PartnershipCategory(SQLModel, table=True):
    __tablename__ = "partnership_category"
    partnership_id: int = Field(foreign_key="partnership.id", primary_key=True)
    category: SupportCategory = Field(
        sa_type=enum_type(SupportCategory, "support_category"), primary_key=True
    )


class PartnershipCourse(SQLModel, table=True):
    """A course the partnership delivers."""

    __tablename__ = "partnership_course"
    partnership_id: int = Field(foreign_key="partnership.id", primary_key=True)
    course_id: int = Field(foreign_key="course.id", primary_key=True)


class MinisterialEvent(SQLModel, table=True):
    """A UN Peacekeeping Ministerial, where countries announce pledges."""

    __tablename__ = "ministerial_event"
    id: int | None = Field(default=None, primary_key=True)
    code: str = Field(max_length=30, unique=True)
    city: str = Field(max_length=100)
    held_from: date
    held_to: date
    themes: str | None = Field(default=None, max_length=1000)
    summary: str | None = Field(default=None, max_length=2000, description="Sourced figures")
    source: str | None = Field(default=None, max_length=500)


class PledgeCategory(StrEnum):
    units = "units"
    training = "training"
    technology = "technology"
    medical = "medical"
    wps = "wps"
    safety = "safety"
    funding = "funding"
    other = "other"


class PledgeStatus(StrEnum):
    announced = "announced"
    in_progress = "in_progress"
    fulfilled = "fulfilled"
    withdrawn = "withdrawn"


class MinisterialPledge(SQLModel, table=True):
    __tablename__ = "ministerial_pledge"
    id: int | None = Field(default=None, primary_key=True)
    event_id: int = Field(foreign_key="ministerial_event.id", index=True)
    country_code: str = Field(foreign_key="country.code", max_length=3, index=True)
    category: PledgeCategory = Field(sa_type=enum_type(PledgeCategory, "pledge_category"))
    detail: str = Field(max_length=1000)
    status: PledgeStatus = Field(
        default=PledgeStatus.announced, sa_type=enum_type(PledgeStatus, "pledge_status")
    )
    unit_id: int | None = Field(default=None, foreign_key="unit.id", description="A pledged unit")
    recorded_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))
    recorded_by: str = Field(max_length=254)


class PledgeProgressNote(SQLModel, table=True):
    __tablename__ = "pledge_progress_note"
    id: int | None = Field(default=None, primary_key=True)
    pledge_id: int = Field(foreign_key="ministerial_pledge.id", index=True)
    noted_on: date
    text: str = Field(max_length=2000)
    recorded_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))
    recorded_by: str = Field(max_length=254)


class NeedStatus(StrEnum):
    open = "open"
    met = "met"
    withdrawn = "withdrawn"


class CapacityNeed(SQLModel, table=True):
    """A gap a country states, for partners to fill."""

    __tablename__ = "capacity_need"
    id: int | None = Field(default=None, primary_key=True)
    country_code: str = Field(foreign_key="country.code", max_length=3, index=True)
    category: SupportCategory = Field(sa_type=enum_type(SupportCategory, "support_category"))
    course_id: int | None = Field(default=None, foreign_key="course.id")
    capability: str | None = Field(default=None, max_length=300)
    quantity: int = Field(ge=1)
    needed_by: date | None = None
    status: NeedStatus = Field(default=NeedStatus.open, sa_type=enum_type(NeedStatus, "need_status"))
    note: str | None = Field(default=None, max_length=1000)
    recorded_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))
    recorded_by: str = Field(max_length=254)


class ParityCategory(StrEnum):
    """The Uniformed Gender Parity Strategy's personnel categories."""

    military_contingent = "military_contingent"
    staff_officer_observer = "staff_officer_observer"
    formed_police_unit = "formed_police_unit"
    individual_police = "individual_police"


class GenderParityTarget(SQLModel, table=True):
    """The share of women the UGPS sets for a category in a year."""

    __tablename__ = "gender_parity_target"
    year: int = Field(primary_key=True, ge=2018, le=2100)
    category: ParityCategory = Field(
        sa_type=enum_type(ParityCategory, "parity_category"), primary_key=True
    )
    target_pct: float = Field(ge=0, le=100)
    sourced: bool = Field(default=False, description="false: illustrative, set by an administrator")
    source: str | None = Field(default=None, max_length=300)


class SessionPlace(SQLModel, table=True):
    """A place in a course session held for a person."""

    __tablename__ = "session_place"
    __table_args__ = (sa.UniqueConstraint("session_id", "person_id"),)
    id: int | None = Field(default=None, primary_key=True)
    session_id: int = Field(foreign_key="course_session.id", index=True)
    person_id: int = Field(foreign_key="person.id", index=True)
    booked_at: datetime = Field(default_factory=utcnow, sa_type=sa.DateTime(timezone=True))
    booked_by: str = Field(max_length=254)
