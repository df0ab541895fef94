"""Queries for needs: stated needs, pledged units, and partners offering courses or categories."""

from dataclasses import dataclass, field
from datetime import date

import sqlalchemy as sa
from sqlmodel import Session, select

from readiness.models import (
    CapacityNeed,
    Country,
    Course,
    Mission,
    Partner,
    PartnerCountry,
    Partnership,
    PartnershipCategory,
    PartnershipCourse,
    Unit,
    UnitStatus,
)
from readiness.partnerships.rules import OFFERING



@dataclass(frozen=True)
class NeedFilter:
    countries: frozenset[str] | None = None  # the readable ones; None: every country
    country: str | None = None
    category: str | None = None
    status: str | None = None
    course: str | None = None


def _needs_query() -> sa.Select:
    return (
        sa.select(CapacityNeed.id, CapacityNeed.country_code.label("country"), CapacityNeed.category,
                  Course.code.label("course"), Course.title.label("course_title"), CapacityNeed.capability,
                  CapacityNeed.quantity, CapacityNeed.needed_by, CapacityNeed.status, CapacityNeed.note,
                  CapacityNeed.recorded_at, CapacityNeed.recorded_by, CapacityNeed.course_id)
        .outerjoin(Course, Course.id == CapacityNeed.course_id)
    )


def _filtered(query: sa.Select, filters: NeedFilter) -> sa.Select:
    if filters.countries is not None:
        query = query.where(CapacityNeed.country_code.in_(filters.countries))
    conditions = {CapacityNeed.country_code: filters.country, CapacityNeed.category: filters.category,
                  CapacityNeed.status: filters.status, Course.code: filters.course}
    for column, value in conditions.items():
        if value:
            query = query.where(column == value)
    return query


def needs(session: Session, filters: NeedFilter, *, offset: int = 0, limit: int | None = None):
    """Stated needs matching the filters: soonest needed first (undated last), then country."""
    undated_last = sa.case((CapacityNeed.needed_by.is_(None), 1), else_=0)
    query = _filtered(_needs_query(), filters).order_by(
        undated_last, CapacityNeed.needed_by, CapacityNeed.country_code, CapacityNeed.id)
    if limit is not None:
        query = query.offset(offset).limit(limit)
    return session.execute(query).mappings().all()


def count_needs(session: Session, filters: NeedFilter) -> int:
    base = sa.select(sa.func.count()).select_from(CapacityNeed).outerjoin(Course, Course.id == CapacityNeed.course_id)
    return session.execute(_filtered(base, filters)).scalar_one()


def need_row(session: Session, need_id: int):
    return session.execute(_needs_query().where(CapacityNeed.id == need_id)).mappings().first()


def get(session: Session, need_id: int) -> CapacityNeed | None:
    return session.get(CapacityNeed, need_id)


def add(session: Session, need: CapacityNeed) -> CapacityNeed:
    session.add(need)
    session.flush()
    return need


def delete(session: Session, need: CapacityNeed) -> None:
    session.delete(need)
    session.flush()


def course_by_code(session: Session, code: str) -> Course | None:
    return session.exec(select(Course).where(Course.code == code)).first()


def courses_by_code(session: Session, codes: set[str]) -> dict[str, Course]:
    if not codes:
        return {}
    return {course.code: course for course in session.exec(select(Course).where(Course.code.in_(codes))).all()}


def course_choices(session: Session) -> list[Course]:
    return list(session.exec(select(Course).where(Course.active).order_by(Course.code)).all())


def country_exists(session: Session, code: str) -> bool:
    return session.get(Country, code) is not None


def countries(session: Session, codes: frozenset[str] | None) -> list[Country]:
    """The countries among `codes` (None: all), by name."""
    query = select(Country).order_by(Country.name)
    if codes is not None:
        query = query.where(Country.code.in_(codes))
    return list(session.exec(query).all())


# --- pledged units --------------------------------------------------------------------


@dataclass(frozen=True)
class PledgedUnit:
    id: int
    code: str
    name: str
    country: str
    mission: str
    deploys_on: date


def pledged_units(session: Session, *, countries: frozenset[str] | None, after: date,
                  mission_id: int | None = None) -> list[PledgedUnit]:
    """Units pledged (or forming) for a mission with a planned deployment after `after`, by date.

    A forming unit counts once it has a target mission and a planned date: its training gap is
    as real as a pledged one's, and the earlier it shows the more time there is to close it.
    """
    query = (
        sa.select(Unit.id, Unit.code, Unit.name, Unit.country_code, Mission.acronym, Unit.planned_deployment)
        .join(Mission, Mission.id == Unit.target_mission_id)
        .where(Unit.status.in_((UnitStatus.pledged, UnitStatus.forming)), Unit.planned_deployment > after)
        .order_by(Unit.planned_deployment, Unit.code)
    )
    if countries is not None:
        query = query.where(Unit.country_code.in_(countries))
    if mission_id is not None:
        query = query.where(Unit.target_mission_id == mission_id)
    return [PledgedUnit(*row) for row in session.execute(query).all()]


def mission_by_acronym(session: Session, acronym: str) -> Mission | None:
    return session.exec(select(Mission).where(Mission.acronym == acronym)).first()


# --- partners and what they offer -----------------------------------------------------


@dataclass
class Offer:
    """What one partner offers through its planned or active partnerships."""

    partner_id: int
    code: str
    name: str
    course_ids: set[int] = field(default_factory=set)
    categories: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)


def offers(session: Session, *, partner_id: int | None = None) -> list[Offer]:
    """Every partner's offer (or one partner's), in three statements, by partner code."""
    base = (
        sa.select(Partner.id, Partner.code, Partner.name, Partnership.id.label("partnership_id"),
                  Partnership.country_code)
        .join(Partnership, Partnership.partner_id == Partner.id)
        .where(Partnership.status.in_(OFFERING))
    )
    if partner_id is not None:
        base = base.where(Partner.id == partner_id)
    partnerships = base.subquery()
    by_partner: dict[int, Offer] = {}
    for row in session.execute(sa.select(partnerships)).all():
        offer = by_partner.setdefault(row.id, Offer(row.id, row.code, row.name))
        offer.countries.add(row.country_code)
    courses = sa.select(partnerships.c.id, PartnershipCourse.course_id).join(
        PartnershipCourse, PartnershipCourse.partnership_id == partnerships.c.partnership_id)
    for partner, course_id in session.execute(courses).all():
        by_partner[partner].course_ids.add(course_id)
    categories = sa.select(partnerships.c.id, PartnershipCategory.category).join(
        PartnershipCategory, PartnershipCategory.partnership_id == partnerships.c.partnership_id)
    for partner, category in session.execute(categories).all():
        by_partner[partner].categories.add(getattr(category, "value", category))
    return sorted(by_partner.values(), key=lambda offer: offer.code)


def partner_by_code(session: Session, code: str) -> Partner | None:
    return session.exec(select(Partner).where(Partner.code == code)).first()


def supported_countries(session: Session, partner_id: int) -> set[str]:
    """The countries a partner supports: its PartnerCountry rows and its partnerships' countries."""
    listed = sa.select(PartnerCountry.country_code).where(PartnerCountry.partner_id == partner_id)
    partnered = sa.select(Partnership.country_code).where(Partnership.partner_id == partner_id)
    return set(session.execute(sa.union(listed, partnered)).scalars().all())


def course_codes(session: Session, ids: set[int]) -> list[str]:
    if not ids:
        return []
    return list(session.execute(sa.select(Course.code).where(Course.id.in_(ids)).order_by(Course.code)).scalars())


def missions(session: Session) -> list[Mission]:
    return list(session.exec(select(Mission).order_by(Mission.acronym)).all())


def partners(session: Session) -> list[Partner]:
    return list(session.exec(select(Partner).order_by(Partner.code)).all())
