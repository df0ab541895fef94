"""Queries for partnerships, their categories and courses, and the partners that offer support."""

from dataclasses import dataclass

import sqlalchemy as sa
from sqlmodel import Session, select

from readiness.models import (
    Country,
    Course,
    Partner,
    Partnership,
    PartnershipCategory,
    PartnershipCourse,
    SupportCategory,
)
from readiness.partnerships.rules import OFFERING
from readiness.partnerships.schemas import PartnerOffer, PartnershipFilter

SORT_COLUMNS = {"partner": Partner.code, "country": Partnership.country_code, "title": Partnership.title,
                "start_on": Partnership.start_on, "end_on": Partnership.end_on, "status": Partnership.status}


@dataclass(frozen=True)
class Visibility:
    """Which partnerships a reader sees: all, or those of `partner_id` or with one of `countries`."""

    everything: bool
    partner_id: int | None = None
    countries: frozenset[str] = frozenset()


def _base() -> sa.Select:
    return (
        sa.select(Partnership, Partner.code.label("partner"), Partner.name.label("partner_name"),
                  Country.name.label("country_name"))
        .join(Partner, Partner.id == Partnership.partner_id)
        .join(Country, Country.code == Partnership.country_code)
    )


def _visible(query: sa.Select, visibility: Visibility) -> sa.Select:
    if visibility.everything:
        return query
    seen = Partnership.country_code.in_(sorted(visibility.countries))
    if visibility.partner_id is not None:
        seen = sa.or_(seen, Partnership.partner_id == visibility.partner_id)
    return query.where(seen)


def _filtered(query: sa.Select, filters: PartnershipFilter) -> sa.Select:
    if filters.partner:
        query = query.where(Partner.code == filters.partner)
    if filters.country:
        query = query.where(Partnership.country_code == filters.country)
    if filters.status:
        query = query.where(Partnership.status == filters.status)
    if filters.long_term is not None:
        query = query.where(Partnership.long_term == filters.long_term)
    if filters.category:
        covered = sa.select(PartnershipCategory.partnership_id).where(
            PartnershipCategory.category == filters.category)
        query = query.where(Partnership.id.in_(covered))
    return query


def partnerships(session: Session, *, visibility: Visibility, filters: PartnershipFilter, sort: str = "start_on",
                 descending: bool = True, offset: int = 0, limit: int | None = None) -> list:
    """Rows (Partnership, partner, partner_name, country_name) the reader sees, filtered and sorted."""
    query = _filtered(_visible(_base(), visibility), filters)
    column = SORT_COLUMNS.get(sort, Partnership.start_on)
    query = query.order_by(column.desc() if descending else column.asc(), Partnership.id)
    if limit is not None:
        query = query.offset(offset).limit(limit)
    return list(session.execute(query).all())


def count(session: Session, *, visibility: Visibility, filters: PartnershipFilter) -> int:
    query = sa.select(sa.func.count()).select_from(Partnership).join(Partner, Partner.id == Partnership.partner_id)
    return session.execute(_filtered(_visible(query, visibility), filters)).scalar_one()


def partnership_row(session: Session, partnership_id: int):
    return session.execute(_base().where(Partnership.id == partnership_id)).first()


def get(session: Session, partnership_id: int) -> Partnership | None:
    return session.get(Partnership, partnership_id)


def categories_of(session: Session, ids: list[int]) -> dict[int, list[str]]:
    """Each partnership's categories, in the LCM list's order."""
    rows = session.execute(sa.select(PartnershipCategory.partnership_id, PartnershipCategory.category)
                           .where(PartnershipCategory.partnership_id.in_(ids))).all()
    order = list(SupportCategory)  # the LCM list's own order
    found: dict[int, list[str]] = {}
    for partnership_id, category in sorted(rows, key=lambda row: (row[0], order.index(row[1]))):
        found.setdefault(partnership_id, []).append(category.value)
    return found


def courses_of(session: Session, ids: list[int]) -> dict[int, list[str]]:
    """Each partnership's course codes, by code."""
    rows = session.execute(sa.select(PartnershipCourse.partnership_id, Course.code)
                           .join(Course, Course.id == PartnershipCourse.course_id)
                           .where(PartnershipCourse.partnership_id.in_(ids))
                           .order_by(PartnershipCourse.partnership_id, Course.code)).all()
    found: dict[int, list[str]] = {}
    for partnership_id, code in rows:
        found.setdefault(partnership_id, []).append(code)
    return found


def partner_by_code(session: Session, code: str) -> Partner | None:
    return session.exec(select(Partner).where(Partner.code == code)).first()


def partner_by_id(session: Session, partner_id: int) -> Partner | None:
    return session.get(Partner, partner_id)


def country_exists(session: Session, code: str) -> bool:
    return session.get(Country, code) is not None


def course_ids_by_code(session: Session, codes: list[str]) -> dict[str, int]:
    if not codes:
        return {}
    return dict(session.execute(sa.select(Course.code, Course.id).where(Course.code.in_(codes))).all())


def partners(session: Session) -> list[Partner]:
    return list(session.exec(select(Partner).order_by(Partner.code)).all())


def countries(session: Session, codes: frozenset[str] | None = None) -> list[Country]:
    query = select(Country).order_by(Country.name)
    if codes is not None:
        query = query.where(Country.code.in_(sorted(codes)))
    return list(session.exec(query).all())


def courses(session: Session) -> list[Course]:
    return list(session.exec(select(Course).order_by(Course.code)).all())


def add(session: Session, partnership: Partnership) -> Partnership:
    session.add(partnership)
    session.flush()
    return partnership


def replace_links(session: Session, partnership_id: int, categories: list[str], course_ids: list[int]) -> None:
    """Make the partnership's categories and courses exactly these."""
    session.execute(sa.delete(PartnershipCategory).where(PartnershipCategory.partnership_id == partnership_id))
    session.execute(sa.delete(PartnershipCourse).where(PartnershipCourse.partnership_id == partnership_id))
    session.add_all([PartnershipCategory(partnership_id=partnership_id, category=category)
                     for category in categories])
    session.add_all([PartnershipCourse(partnership_id=partnership_id, course_id=course_id)
                     for course_id in course_ids])
    session.flush()


def delete(session: Session, partnership: Partnership) -> None:
    replace_links(session, partnership.id, [], [])
    session.delete(partnership)
    session.flush()


def find(session: Session, *, partner_id: int, country_code: str, title: str) -> Partnership | None:
    query = select(Partnership).where(Partnership.partner_id == partner_id,
                                      Partnership.country_code == country_code, Partnership.title == title)
    return session.exec(query).first()


def offering_partners(session: Session, *, country_code: str | None, course_ids: list[int] | None,
                      categories: list[str] | None) -> list[PartnerOffer]:
    """Planned or active partnerships (with `country_code`, or any) delivering one of `course_ids`
    or covering one of `categories`: one row per match, by partner code then partnership."""
    offers: list[PartnerOffer] = []
    if course_ids:
        offers += _offers(session, country_code, PartnershipCourse, PartnershipCourse.course_id, course_ids,
                          course=True)
    if categories:
        offers += _offers(session, country_code, PartnershipCategory, PartnershipCategory.category,
                          list(categories), course=False)
    return sorted(offers, key=lambda offer: (offer.partner, offer.partnership_id, offer.course_id or 0,
                                             offer.category or ""))


def _offers(session, country_code, link, matched, values, *, course: bool) -> list[PartnerOffer]:
    query = (
        sa.select(Partner.code, Partner.name, Partnership.id, Partnership.title, Partnership.country_code, matched)
        .join(Partnership, Partnership.partner_id == Partner.id)
        .join(link, link.partnership_id == Partnership.id)
        .where(Partnership.status.in_(OFFERING), matched.in_(values))
    )
    if country_code is not None:
        query = query.where(Partnership.country_code == country_code)
    return [PartnerOffer(partner=code, partner_name=name, partnership_id=pid, title=title, country=country,
                         course_id=value if course else None, category=None if course else value)
            for code, name, pid, title, country, value in session.execute(query).all()]
