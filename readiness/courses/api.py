"""JSON API for the course catalogue (/api/v1/courses): read by every signed-in user."""

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from readiness.courses import service
from readiness.courses.schemas import CourseDetailOut, CourseOut, UpcomingSession
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep
from readiness.web.pagination import Page, PageRequest

router = APIRouter(prefix="/api/v1/courses", tags=["courses"])


@router.get("", response_model=Page[CourseOut])
def list_courses(
    session: SessionDep, _actor: CurrentActor,
    category: Annotated[str, Query(description="Course category, e.g. medical")] = "",
    q: Annotated[str, Query(description="Words of the code or title")] = "",
    page: int = 1, per_page: int = 50,
) -> Page[CourseOut]:
    """One page of the catalogue, by code."""
    filters = service.catalogue_filter(category, q)
    result = service.catalogue_page(session, filters=filters, request=PageRequest(page, per_page))
    return Page[CourseOut](**{**result.model_dump(exclude={"items"}),
                              "items": [CourseOut.model_validate(c) for c in result.items]})


@router.get("/{code}", response_model=CourseDetailOut)
def get_course(code: str, session: SessionDep, _actor: CurrentActor) -> CourseDetailOut:
    """A course with its equivalences (both ways) and the sessions that have not ended."""
    detail = service.course_detail(session, code=code, today=date.today())
    return CourseDetailOut(
        **CourseOut.model_validate(detail.course).model_dump(),
        counts_as=[course.code for _eq, course in detail.counts_as],
        accepted_for=[course.code for _eq, course in detail.accepted_for],
        sessions=[UpcomingSession(**row) for row in detail.sessions],
    )
