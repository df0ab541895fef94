"""Set-based look-ups for a batch of statements: identity links, activity ids, stored statement ids."""

from collections.abc import Collection

import sqlalchemy as sa
from sqlmodel import Session, select

from readiness.models import Completion, CompletionSource, Course, IdentityLink, Person, TrainingCentre


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


def links_of_centre(session: Session, centre_id: int | None, *, limit: int = 500):
    """A centre's identity links (all links when `centre_id` is None), with the person they name."""
    query = (sa.select(IdentityLink.id, IdentityLink.actor_key, Person.country_code.label("country"),
                       Person.service_number, Person.family_name, Person.given_name,
                       TrainingCentre.code.label("centre"), IdentityLink.created_at, IdentityLink.created_by)
             .join(Person, Person.id == IdentityLink.person_id)
             .outerjoin(TrainingCentre, TrainingCentre.id == IdentityLink.centre_id))
    if centre_id is not None:
        query = query.where(IdentityLink.centre_id == centre_id)
    query = query.order_by(Person.country_code, Person.service_number, IdentityLink.actor_key).limit(limit)
    return session.execute(query).mappings().all()
