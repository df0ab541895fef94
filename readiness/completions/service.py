"""Completions: reading them (personal data, scoped) and logging, correcting and deleting them one by one."""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.audit.service import changed, snapshot
from readiness.audit.service import record as audit_record
from readiness.completions import repository
from readiness.completions.schemas import (
    CompletionEntry,
    CompletionPublic,
    PersonSummary,
    RecentCompletion,
)
from readiness.errors import Forbidden, Invalid, NotFound
from readiness.models import Completion, CompletionResult, CompletionSource, utcnow
from readiness.people.service import get_person
from readiness.web.i18n import gettext as _
from readiness.web.pagination import Page, PageRequest

# What an edit may change: the person stays (a completion of someone else is a new completion).
EDITABLE = ("course_id", "completed_on", "result", "score", "waiver_reason", "session_id")


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


def may_log(actor: Actor) -> bool:
    """Whether the actor logs completions at all (training centres and administrators)."""
    return actor.is_admin or actor.can_write_completions_of(actor.country_code or "")


def find_person(session: Session, *, actor: Actor, service_number: str,
                country: str | None = None) -> PersonSummary | None:
    """The person the actor may log completions for with this service number, or None."""
    country = _country_of(actor, country)
    if not country or not actor.can_write_completions_of(country):
        return None
    row = repository.person_with_unit(session, country, service_number.strip())
    return PersonSummary.model_validate(dict(row)) if row else None


def _country_of(actor: Actor, country: str | None) -> str | None:
    """A training centre logs for its own country; an administrator names the country."""
    return actor.country_code if actor.country_code else (country or "").strip().upper() or None


def course_choices(session: Session) -> list:
    """The courses a completion may be of: the active catalogue."""
    return repository.active_courses(session)


def recent_completions(session: Session, *, actor: Actor) -> list[RecentCompletion]:
    """The last completions logged at the actor's centre (an administrator: by themselves)."""
    rows = repository.recent(session, centre_id=actor.centre_id, recorded_by=actor.email)
    return [RecentCompletion.model_validate(dict(row)) for row in rows]


def create_completion(session: Session, *, actor: Actor, entry: CompletionEntry) -> Completion:
    """Log one completion entered on the form; audited."""
    if not may_log(actor):
        raise Forbidden(_("Only training centres and administrators log completions."))
    person = find_person(session, actor=actor, service_number=entry.service_number, country=entry.country)
    if person is None:
        raise _invalid("service_number", _("No person with this service number in your country."))
    values = _checked_values(session, actor, entry, person.id)
    completion = repository.add(session, Completion(
        person_id=person.id, **values, centre_id=_centre_of(session, actor, entry),
        source=CompletionSource.form, recorded_by=actor.email))
    audit_record(session, actor=actor, action="create", entity="completion", entity_id=completion.id,
                 after=snapshot(completion))
    return completion


def update_completion(session: Session, *, actor: Actor, completion_id: int, entry: CompletionEntry) -> Completion:
    """Correct a completion (not its person); audited with the values before and after."""
    completion = editable_completion(session, actor=actor, completion_id=completion_id)
    values = _checked_values(session, actor, entry, completion.person_id, keep=completion)
    before = snapshot(completion)
    for name, value in values.items():
        setattr(completion, name, value)
    completion.source, completion.recorded_by, completion.recorded_at = CompletionSource.form, actor.email, utcnow()
    session.flush()
    old, new = changed(before, snapshot(completion))
    audit_record(session, actor=actor, action="update", entity="completion", entity_id=completion.id,
                 before=old, after=new)
    return completion


def delete_completion(session: Session, *, actor: Actor, completion_id: int) -> None:
    """Delete a completion; audited with the values it had."""
    completion = editable_completion(session, actor=actor, completion_id=completion_id)
    before = snapshot(completion)
    repository.delete(session, completion)
    audit_record(session, actor=actor, action="delete", entity="completion", entity_id=completion_id,
                 before=before)


def editable_completion(session: Session, *, actor: Actor, completion_id: int) -> Completion:
    """A completion the actor may change; others are not found (or refused when merely readable)."""
    completion = repository.get(session, completion_id)
    person = repository.person_of(session, completion.person_id) if completion else None
    if person is None or not actor.can_see_people_of(person.country_code):
        raise NotFound(_("There is no completion with id %(id)s.", id=completion_id))
    if not actor.can_write_completions_of(person.country_code):
        raise Forbidden(_("Only training centres and administrators change completions."))
    return completion


def entry_values(session: Session, completion: Completion) -> dict:
    """A stored completion as the form's field values."""
    person = repository.person_of(session, completion.person_id)
    values = {name: getattr(completion, name) for name in EDITABLE}
    return {**values, "service_number": person.service_number, "country": person.country_code}


def _checked_values(session: Session, actor: Actor, entry: CompletionEntry, person_id: int,
                    keep: Completion | None = None) -> dict:
    """The fields to store, after the checks that need the database (course, session, same day)."""
    if repository.course(session, entry.course_id) is None:
        raise _invalid("course_id", _("Choose a course from the list."))
    _check_course_session(session, actor, entry)
    same_day = repository.same_day_completion(session, person_id, entry.course_id, entry.completed_on)
    if same_day is not None and same_day is not keep:
        raise _invalid("completed_on", _("This person already has this course on this day; edit that "
                                         "completion instead."))
    values = {name: getattr(entry, name) for name in EDITABLE}
    return {**values, "result": CompletionResult(entry.result)}


def _check_course_session(session: Session, actor: Actor, entry: CompletionEntry) -> None:
    if entry.session_id is None:
        return
    course_session = repository.course_session(session, entry.session_id)
    if course_session is None or not (actor.is_admin or course_session.centre_id == actor.centre_id):
        raise _invalid("session_id", _("Choose a session of your centre from the list."))
    if course_session.course_id != entry.course_id:
        raise _invalid("session_id", _("This session is of another course."))


def _centre_of(session: Session, actor: Actor, entry: CompletionEntry) -> int | None:
    """The centre that trained the person: the session's, else the actor's."""
    if entry.session_id is not None:
        return repository.course_session(session, entry.session_id).centre_id
    return actor.centre_id


def _invalid(field: str, message: str) -> Invalid:
    return Invalid(message, details=[{"field": field, "message": message}])


# --- The completions log ---

LOG_SORTS = ("newest", "oldest")


@dataclass(frozen=True)
class CompletionFilter:
    """What the completions log is narrowed to; every field optional."""

    course: str | None = None
    result: str | None = None
    centre: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    text: str | None = None
    sort: str = "newest"


class CompletionLogRow(CompletionPublic):
    family_name: str | None
    given_name: str | None


def log_filter(*, course: str = "", result: str = "", centre: str = "", date_from: str = "", date_to: str = "",
               q: str = "", sort: str = "") -> CompletionFilter:
    """The log's filters from the query string; an unknown result or sort is ignored, a bad date refused."""
    return CompletionFilter(
        course=course.strip() or None,
        result=result if result in CompletionResult.__members__ else None,
        centre=centre.strip() or None,
        date_from=_day(date_from), date_to=_day(date_to),
        text=q.strip() or None,
        sort=sort if sort in LOG_SORTS else "newest",
    )


def _day(text: str) -> date | None:
    text = (text or "").strip()
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise Invalid(_("Enter dates as YYYY-MM-DD.")) from None


def _log_countries(actor: Actor) -> frozenset[str] | None:
    countries = actor.people_countries()
    if countries is not None and not countries:
        raise Forbidden(_("Your role works on unit-level figures; people's records are not shown to it."))
    return countries


def search_completions(session: Session, *, actor: Actor, filters: CompletionFilter,
                       paging: PageRequest) -> Page[CompletionLogRow]:
    """One page of the completions of people the actor may see, matching the filters."""
    countries = _log_countries(actor)
    rows, total = repository.log_page(session, countries, filters, oldest_first=filters.sort == "oldest",
                                      offset=paging.offset, limit=paging.per_page)
    return Page[CompletionLogRow].of([CompletionLogRow.model_validate(dict(row)) for row in rows], paging, total)


def export_completions(session: Session, *, actor: Actor, filters: CompletionFilter) -> list[CompletionLogRow]:
    """Every completion of the log's filtered list (for CSV and XLSX)."""
    countries = _log_countries(actor)
    rows = repository.log_all(session, countries, filters, oldest_first=filters.sort == "oldest")
    return [CompletionLogRow.model_validate(dict(row)) for row in rows]


def log_choices(session: Session) -> dict:
    """The values the log's course, result and centre filters offer."""
    return {"courses": repository.course_codes(session), "centres": repository.centre_codes(session),
            "results": [result.value for result in CompletionResult]}
