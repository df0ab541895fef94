"""Set-based look-ups for a batch of statements: identity links, activity ids, stored statement ids."""

from collections.abc import Collection

import sqlalchemy as sa
from sqlmodel import Session, select

from readiness.models import (
    Completion,
    CompletionSource,
    Course,
    IdentityLink,
    Person,
    TrainingCentre,
)


def people_by_actor_key(session: Session, keys: Collection[str]) -> dict[str, tuple[int, str]]:
    """(person id, country) by actor key, for the keys that are linked."""
    if not keys:
        return {}
    query = (sa.select(IdentityLink.actor_key, Person.id, Person.country_code)
             .join(Person, Person.id == IdentityLink.person_id)
             .where(IdentityLink.actor_key.in_(set(keys))))
    return {key: (person_id, country) for key, person_id, country in session.execute(query)}


def courses_by_activity(session: Session, activity_ids: Collection[str]) -> dict[str, int]:
    if not activity_ids:
        return {}
    query = select(Course.xapi_activity_id, Course.id).where(Course.xapi_activity_id.in_(set(activity_ids)))
    return dict(session.exec(query).all())


def stored_statement_ids(session: Session, statement_ids: Collection[str]) -> set[str]:
    """The statement ids already stored as completions from xAPI."""
    if not statement_ids:
        return set()
    query = select(Completion.source_ref).where(Completion.source == CompletionSource.xapi,
                                                Completion.source_ref.in_(set(statement_ids)))
    return set(session.exec(query).all())


def _links_filtered(query: sa.Select, centre_id: int | None, text: str | None) -> sa.Select:
    query = query.join(Person, Person.id == IdentityLink.person_id).outerjoin(
        TrainingCentre, TrainingCentre.id == IdentityLink.centre_id)
    if centre_id is not None:
        query = query.where(IdentityLink.centre_id == centre_id)
    if text:
        pattern = f"%{text.lower()}%"
        query = query.where(sa.or_(*(sa.func.lower(sa.func.coalesce(column, "")).like(pattern) for column in (
            IdentityLink.actor_key, Person.service_number, Person.family_name, Person.given_name,
            TrainingCentre.code))))
    return query


def links_of_centre(session: Session, centre_id: int | None, *, text: str | None = None, offset: int = 0,
                    limit: int = 500):
    """A centre's identity links (all links when `centre_id` is None) matching `text`, with the person they name."""
    query = _links_filtered(
        sa.select(IdentityLink.id, IdentityLink.actor_key, Person.country_code.label("country"),
                  Person.service_number, Person.family_name, Person.given_name,
                  TrainingCentre.code.label("centre"), IdentityLink.created_at, IdentityLink.created_by),
        centre_id, text)
    query = query.order_by(Person.country_code, Person.service_number, IdentityLink.actor_key)
    return session.execute(query.offset(offset).limit(limit)).mappings().all()


def count_links(session: Session, centre_id: int | None, *, text: str | None = None) -> int:
    query = _links_filtered(sa.select(sa.func.count()).select_from(IdentityLink), centre_id, text)
    return session.execute(query).scalar_one()
