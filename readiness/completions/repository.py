"""Queries for completions, joined with what names them (person, course, centre)."""

import sqlalchemy as sa
from sqlmodel import Session

from readiness.models import Completion, Course, Person, TrainingCentre


def _completions_query() -> sa.Select:
    return (
        sa.select(
            Completion.id, Completion.person_id, Person.country_code.label("country"), Person.service_number,
            Course.code.label("course"), Completion.completed_on, Completion.result, Completion.waiver_reason,
            Completion.score, TrainingCentre.code.label("centre"), Completion.source, Completion.source_ref,
            Completion.recorded_at, Completion.recorded_by,
        )
        .join(Person, Person.id == Completion.person_id)
        .join(Course, Course.id == Completion.course_id)
        .outerjoin(TrainingCentre, TrainingCentre.id == Completion.centre_id)
    )


def completion_by_id(session: Session, completion_id: int):
    return session.execute(_completions_query().where(Completion.id == completion_id)).mappings().first()


def completions_of_person(session: Session, person_id: int):
    query = _completions_query().where(Completion.person_id == person_id)
    return session.execute(query.order_by(Completion.completed_on.desc(), Course.code)).mappings().all()
