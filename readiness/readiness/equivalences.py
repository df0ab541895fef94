"""Declaring that a completion of one course counts as another (audited)."""

from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.audit import service as audit
from readiness.errors import Conflict, Forbidden, Invalid, NotFound
from readiness.models import Course, CourseEquivalence
from readiness.readiness import repository
from readiness.web.i18n import gettext as _


def declare_equivalence(
    session: Session, *, actor: Actor, course_code: str, counts_as_code: str, note: str | None = None
) -> CourseEquivalence:
    """Record that a valid completion of `course_code` counts for lines on `counts_as_code`."""
    _require_keeper(actor)
    course, counts_as = _course(session, course_code), _course(session, counts_as_code)
    if course.id == counts_as.id:
        raise Invalid(_("A course cannot be declared equivalent to itself."))
    if repository.find_equivalence(session, course.id, counts_as.id):
        raise Conflict(_("%(course)s already counts as %(counts_as)s.", course=course.code, counts_as=counts_as.code))
    equivalence = CourseEquivalence(
        course_id=course.id, counts_as_id=counts_as.id, note=note, recorded_by=actor.email
    )
    repository.add(session, equivalence)
    audit.record(
        session, actor=actor, action="create", entity="course_equivalence",
        entity_id=equivalence.id, after=audit.snapshot(equivalence),
        summary=f"{course.code} counts as {counts_as.code}",
    )
    return equivalence


def remove_equivalence(session: Session, *, actor: Actor, course_code: str, counts_as_code: str) -> None:
    """Withdraw a declared equivalence; reports computed afterwards no longer count it."""
    _require_keeper(actor)
    course, counts_as = _course(session, course_code), _course(session, counts_as_code)
    equivalence = repository.find_equivalence(session, course.id, counts_as.id)
    if equivalence is None:
        raise NotFound(_("%(course)s is not declared to count as %(counts_as)s.", course=course.code, counts_as=counts_as.code))
    before = audit.snapshot(equivalence)
    repository.delete(session, equivalence)
    audit.record(
        session, actor=actor, action="delete", entity="course_equivalence",
        entity_id=before["id"], before=before, summary=f"{course.code} no longer counts as {counts_as.code}",
    )


def _require_keeper(actor: Actor) -> None:
    # Recognising a national course as meeting a UN standard is the UN side's call.
    if not actor.can_keep_requirements():
        raise Forbidden(_("Only administrators and mission planners may declare equivalences."))


def _course(session: Session, code: str) -> Course:
    course = repository.find_course(session, code)
    if course is None:
        raise NotFound(_("There is no course %(code)s.", code=code))
    return course
