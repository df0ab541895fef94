"""xAPI statements to completions: mapped as a batch, all-or-nothing, idempotent on the statement id.

A statement maps when its actor is linked to a person (an identity link), its object is a
course's xapi_activity_id, and its verb is passed, failed, completed (ADL) or waived (cmi5).
Any statement that does not map is reported by id and nothing of the batch is stored.
"""

from dataclasses import dataclass
from datetime import date

from pydantic import ValidationError
from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.audit.service import record as audit_record
from readiness.completions import rules
from readiness.errors import Forbidden, Invalid
from readiness.imports import repository as import_repository
from readiness.models import CompletionResult, CompletionSource, utcnow
from readiness.web.i18n import gettext as _
from readiness.web.pagination import Page, PageRequest
from readiness.xapi import repository
from readiness.xapi.actors import ActorUnreadable, key_of_statement_actor
from readiness.xapi.schemas import Statement, StatementsAccepted

ADL = "http://adlnet.gov/expapi/verbs/"
VERB_RESULTS = {
    ADL + "passed": CompletionResult.passed,
    ADL + "failed": CompletionResult.failed,
    ADL + "completed": CompletionResult.completed,
    "https://w3id.org/xapi/adl/verbs/waived": CompletionResult.waived,
}
CMI5_REASON = "https://w3id.org/xapi/cmi5/result/extensions/reason"
# Stored when a cmi5 "waived" statement gives no reason: the database requires one.
DEFAULT_WAIVER_REASON = "waived in the learning management system (xAPI)"
MAX_BATCH = 1000


@dataclass
class Mapped:
    """One statement read: who, which course, when, and the result it records."""

    statement_id: str
    actor_key: str
    activity_id: str
    completed_on: date
    result: str
    score: float | None
    waiver_reason: str | None
    person_id: int | None = None
    course_id: int | None = None


class StatementProblems:
    """The statements refused in a batch, by id, and whether any was refused for scope."""

    def __init__(self) -> None:
        self.details: list[dict] = []
        self.out_of_scope = False

    def add(self, statement_id: str, reason: str) -> None:
        self.details.append({"statement": statement_id, "reason": reason})

    def raise_any(self) -> None:
        if not self.details:
            return
        message = _("%(count)d statement(s) cannot be stored; none of the batch was stored.",
                    count=len(self.details))
        raise (Forbidden if self.out_of_scope else Invalid)(message, details=self.details)


def record_statements(session: Session, *, actor: Actor, statements: list[dict]) -> StatementsAccepted:
    """Store the batch's completions, or none of them when any statement cannot be mapped."""
    if not statements or len(statements) > MAX_BATCH:
        raise Invalid(_("Send between 1 and %(max)d statements.", max=MAX_BATCH))
    problems = StatementProblems()
    mapped = [read for index, raw in enumerate(statements) if (read := _read(raw, index, problems))]
    _resolve(session, actor, mapped, problems)
    problems.raise_any()
    accepted = _store(session, actor, _new_statements(session, mapped))
    accepted["unchanged"] = len(mapped) - accepted["created"] - accepted["updated"]
    ids = [read.statement_id for read in mapped]
    result = StatementsAccepted(ids=ids, **accepted)
    if result.created or result.updated:
        audit_record(session, actor=actor, action="import", entity="xapi_statements", entity_id=ids[0],
                     after={"statements": len(ids), **accepted},
                     summary=_("%(count)d xAPI statement(s): %(created)d created, %(updated)d updated, "
                               "%(unchanged)d unchanged", count=len(ids), **accepted))
    return result


def _read(raw: object, index: int, problems: StatementProblems) -> Mapped | None:
    """The statement's parts, or None (and a problem named by its id, or its place in the batch)."""
    name = str(raw.get("id")) if isinstance(raw, dict) and raw.get("id") else f"#{index + 1}"
    try:
        statement = Statement.model_validate(raw)
        return _mapped(statement, name)
    except ValidationError as invalid:
        problems.add(name, _("not an xAPI statement: %(error)s", error=_first_error(invalid)))
    except (ActorUnreadable, _Unmappable) as unreadable:
        problems.add(name, str(unreadable))
    return None


class _Unmappable(ValueError):
    """A statement that is read but records nothing this product knows."""


def _first_error(invalid: ValidationError) -> str:
    error = invalid.errors()[0]
    return f"{'.'.join(str(part) for part in error['loc'])}: {error['msg']}"


def _mapped(statement: Statement, name: str) -> Mapped:
    if not statement.id:
        raise _Unmappable(_("the statement has no id (needed to store it once only)"))
    result = VERB_RESULTS.get(statement.verb.id)
    if result is None:
        raise _Unmappable(_("verb `%(verb)s` is not passed, failed, completed or waived", verb=statement.verb.id))
    outcome = statement.result
    result = _with_success(result, outcome.success if outcome else None)
    score = _score(statement)
    if problem := rules.score_problem(score):
        raise _Unmappable(problem)
    return Mapped(statement_id=statement.id, actor_key=key_of_statement_actor(statement.actor),
                  activity_id=statement.object.id, completed_on=_day(statement), result=result.value,
                  score=score, waiver_reason=_waiver_reason(statement, result))


def _with_success(result: CompletionResult, success: bool | None) -> CompletionResult:
    """A bare 'completed' with result.success says whether it was passed or failed."""
    if result != CompletionResult.completed or success is None:
        return result
    return CompletionResult.passed if success else CompletionResult.failed


def _score(statement: Statement) -> float | None:
    """result.score.scaled (-1…1) as a score of 0–100."""
    score = statement.result.score if statement.result else None
    if score is None or score.scaled is None:
        return None
    return round(score.scaled * 100, 2)


def _day(statement: Statement) -> date:
    return statement.timestamp.date() if statement.timestamp else date.today()


def _waiver_reason(statement: Statement, result: CompletionResult) -> str | None:
    if result != CompletionResult.waived:
        return None
    extensions = (statement.result.extensions if statement.result else None) or {}
    return str(extensions.get(CMI5_REASON) or DEFAULT_WAIVER_REASON)[:500]


def _resolve(session: Session, actor: Actor, mapped: list[Mapped], problems: StatementProblems) -> None:
    """Find each statement's person and course; refuse the unlinked, the unknown and the out of scope."""
    people = repository.people_by_actor_key(session, {read.actor_key for read in mapped})
    courses = repository.courses_by_activity(session, {read.activity_id for read in mapped})
    for read in mapped:
        person = people.get(read.actor_key)
        read.course_id = courses.get(read.activity_id)
        if person is None:
            problems.add(read.statement_id, _("actor `%(key)s` is not linked to any person (identity links)",
                                              key=read.actor_key))
        elif not actor.can_write_completions_of(person[1]):
            problems.out_of_scope = True
            problems.add(read.statement_id, _("the person is of country %(country)s, whose completions "
                                              "%(actor)s may not record", country=person[1], actor=actor.email))
        else:
            read.person_id = person[0]
        if read.course_id is None:
            problems.add(read.statement_id, _("activity `%(id)s` is not the xAPI activity id of any course",
                                              id=read.activity_id))


def _new_statements(session: Session, mapped: list[Mapped]) -> list[Mapped]:
    """The statements not stored before (and the first of any id repeated in the batch)."""
    stored = repository.stored_statement_ids(session, {read.statement_id for read in mapped})
    fresh, seen = [], set(stored)
    for read in mapped:
        if read.statement_id not in seen:
            seen.add(read.statement_id)
            fresh.append(read)
    return fresh


def _store(session: Session, actor: Actor, fresh: list[Mapped]) -> dict:
    """Create or update one completion per person, course and day; the counts of each."""
    latest: dict[tuple, Mapped] = {}
    for read in fresh:
        key = (read.person_id, read.course_id, read.completed_on)
        if key not in latest or rules.outranks(read.result, latest[key].result):
            latest[key] = read
    existing = import_repository.existing_completions(session, latest.keys())
    creates, updates = [], []
    for key, read in latest.items():
        stored = existing.get(key)
        if stored is None:
            creates.append({**_values(read, actor), "person_id": key[0], "course_id": key[1], "completed_on": key[2]})
        elif rules.outranks(read.result, stored.result) and _differs(read, stored):
            updates.append({"id": stored.id, **_values(read, actor)})
    import_repository.insert_completions(session, creates)
    import_repository.update_completions(session, updates)
    return {"created": len(creates), "updated": len(updates)}


def _differs(read: Mapped, stored) -> bool:
    return (read.result, read.score, read.waiver_reason) != (stored.result, stored.score, stored.waiver_reason)


def _values(read: Mapped, actor: Actor) -> dict:
    return {"result": read.result, "score": read.score, "waiver_reason": read.waiver_reason,
            "centre_id": actor.centre_id, "source": CompletionSource.xapi.value, "source_ref": read.statement_id,
            "recorded_by": actor.email, "recorded_at": utcnow()}


def identity_links(session: Session, *, actor: Actor, paging: PageRequest, text: str | None = None) -> Page:
    """One page of the identity links of the actor's centre (an administrator: every link) matching `text`."""
    if not (actor.is_admin or actor.can_write_completions_of(actor.country_code or "")):
        raise Forbidden(_("Identity links are kept by training centres and administrators."))
    centre_id = None if actor.is_admin else actor.centre_id
    rows = repository.links_of_centre(session, centre_id, text=text, offset=paging.offset, limit=paging.per_page)
    return Page.of(list(rows), paging, repository.count_links(session, centre_id, text=text))
