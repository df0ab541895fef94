"""Reading completions: personal data, only for the roles and countries allowed to see it."""

from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.completions import repository
from readiness.completions.schemas import CompletionPublic
from readiness.errors import NotFound
from readiness.people.service import get_person
from readiness.web.i18n import gettext as _


def get_completion(session: Session, *, actor: Actor, completion_id: int) -> CompletionPublic:
    """One completion; one of a person the actor may not see is not found."""
    row = repository.completion_by_id(session, completion_id)
    if row is None or not actor.can_see_people_of(row["country"]):
        raise NotFound(_("There is no completion with id %(id)s.", id=completion_id))
    return CompletionPublic.model_validate(dict(row))


def completions_of(session: Session, *, actor: Actor, person_id: int) -> list[CompletionPublic]:
    """A person's completion history, newest first."""
    get_person(session, actor=actor, person_id=person_id)  # the same visibility rule as the person
    rows = repository.completions_of_person(session, person_id)
    return [CompletionPublic.model_validate(dict(row)) for row in rows]
