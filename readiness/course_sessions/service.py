"""Course sessions: a training centre keeps its own; administrators keep every centre's."""

from datetime import date

from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.audit.service import changed, snapshot
from readiness.audit.service import record as audit_record
from readiness.course_sessions import repository
from readiness.course_sessions.schemas import (
    SessionCreate,
    SessionPublic,
    SessionUpdate,
)
from readiness.errors import Conflict, Forbidden, Invalid, NotFound
from readiness.models import CourseSession
from readiness.web.i18n import gettext as _
from readiness.web.pagination import Page, PageRequest


def _require_keeper(actor: Actor) -> None:
    if not actor.can_keep_sessions():
        raise Forbidden(_("Course sessions are kept by training centres and administrators."))


def list_sessions(session: Session, *, actor: Actor, course: str | None = None, start: date | None = None,
                  end: date | None = None) -> list[SessionPublic]:
    """The sessions the actor keeps (a centre: its own; an administrator: all), by start date."""
    _require_keeper(actor)
    centre_id = None if actor.is_admin else actor.centre_id
    rows = repository.sessions(session, centre_id=centre_id, course=course, start=start, end=end)
    return [SessionPublic.model_validate(dict(row)) for row in rows]


def sessions_page(session: Session, *, actor: Actor, paging: PageRequest, course: str | None = None,
                  start: date | None = None, end: date | None = None, sort: str = "start_on",
                  descending: bool = False) -> Page[SessionPublic]:
    """One page of the sessions the actor keeps, filtered and sorted (start date, course or centre)."""
    _require_keeper(actor)
    centre_id = None if actor.is_admin else actor.centre_id
    filters = {"centre_id": centre_id, "course": course, "start": start, "end": end}
    rows = repository.sessions(session, **filters, sort=sort, descending=descending, offset=paging.offset,
                               limit=paging.per_page)
    total = repository.count_sessions(session, **filters)
    return Page.of([SessionPublic.model_validate(dict(row)) for row in rows], paging, total)


def choices(session: Session, *, actor: Actor) -> list[SessionPublic]:
    """The sessions a completion logged by the actor may be tied to (none for other roles)."""
    return list_sessions(session, actor=actor) if actor.can_keep_sessions() else []


def get_session(session: Session, *, actor: Actor, session_id: int) -> SessionPublic:
    """One session the actor keeps; another centre's is not found."""
    _kept(session, actor, session_id)
    return SessionPublic.model_validate(dict(repository.session_row(session, session_id)))


def _kept(session: Session, actor: Actor, session_id: int) -> CourseSession:
    _require_keeper(actor)
    course_session = repository.get(session, session_id)
    if course_session is None or not actor.can_keep_sessions_of(course_session.centre_id):
        raise NotFound(_("There is no course session with id %(id)s.", id=session_id))
    return course_session


def create_session(session: Session, *, actor: Actor, fields: SessionCreate) -> SessionPublic:
    """A new session at the actor's centre (an administrator names the centre); audited."""
    _require_keeper(actor)
    centre_id = fields.centre_id if actor.is_admin else actor.centre_id
    if centre_id is None or not repository.centre_exists(session, centre_id):
        raise Invalid(_("Choose the training centre."), details=[{"field": "centre_id",
                                                                  "message": _("Choose the training centre.")}])
    _check_course(session, fields.course_id)
    values = fields.model_dump(exclude={"centre_id"})
    course_session = repository.add(session, CourseSession(**values, centre_id=centre_id))
    audit_record(session, actor=actor, action="create", entity="course_session", entity_id=course_session.id,
                 after=snapshot(course_session))
    return get_session(session, actor=actor, session_id=course_session.id)


def update_session(session: Session, *, actor: Actor, session_id: int, fields: SessionUpdate) -> SessionPublic:
    """Change a session's course, dates, language and seats; audited with before and after."""
    course_session = _kept(session, actor, session_id)
    _check_course(session, fields.course_id)
    before = snapshot(course_session)
    for name, value in fields.model_dump().items():
        setattr(course_session, name, value)
    session.flush()
    old, new = changed(before, snapshot(course_session))
    audit_record(session, actor=actor, action="update", entity="course_session", entity_id=session_id,
                 before=old, after=new)
    return get_session(session, actor=actor, session_id=session_id)


def delete_session(session: Session, *, actor: Actor, session_id: int) -> None:
    """Delete a session no completion is tied to; audited."""
    course_session = _kept(session, actor, session_id)
    tied = repository.completions_tied(session, session_id)
    if tied:
        raise Conflict(_("%(count)d completion(s) are tied to this session; it cannot be deleted.", count=tied))
    before = snapshot(course_session)
    repository.delete(session, course_session)
    audit_record(session, actor=actor, action="delete", entity="course_session", entity_id=session_id,
                 before=before)


def centre_choices(session: Session, *, actor: Actor) -> list:
    """The centres an administrator may choose for a session (a centre's user has none to choose)."""
    return repository.centres(session) if actor.is_admin else []


def _check_course(session: Session, course_id: int) -> None:
    if not repository.course_exists(session, course_id):
        message = _("Choose a course from the list.")
        raise Invalid(message, details=[{"field": "course_id", "message": message}])
