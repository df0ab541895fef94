"""The course catalogue as pages read it: filtered and paginated, and one course with its links."""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from readiness.courses import repository
from readiness.errors import Invalid, NotFound
from readiness.models import Course, CourseCategory, CourseEquivalence
from readiness.web.i18n import gettext as _
from readiness.web.pagination import Page, PageRequest

CATEGORIES = tuple(category.value for category in CourseCategory)


@dataclass(frozen=True)
class CatalogueFilter:
    category: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class CourseDetail:
    """A course, the courses it counts as, those that count for it, and its sessions to come."""

    course: Course
    counts_as: list[tuple[CourseEquivalence, Course]]
    accepted_for: list[tuple[CourseEquivalence, Course]]
    sessions: list


def catalogue_filter(category: str, text: str) -> CatalogueFilter:
    """The filter from the URL's text; an unknown category is refused."""
    if category and category not in CATEGORIES:
        raise Invalid(_("Choose a category from the list."))
    return CatalogueFilter(category or None, text.strip() or None)


def catalogue_page(session: Session, *, filters: CatalogueFilter, request: PageRequest) -> Page:
    """One page of the courses matching `filters`, by code."""
    total = repository.count_courses(session, category=filters.category, text=filters.text)
    items = repository.courses(session, category=filters.category, text=filters.text,
                               offset=request.offset, limit=request.per_page)
    return Page.of(items, request, total)


def catalogue(session: Session, *, filters: CatalogueFilter) -> list[Course]:
    """Every course matching `filters`, by code (for exports)."""
    return repository.courses(session, category=filters.category, text=filters.text)


def all_courses(session: Session) -> list[Course]:
    """The whole catalogue by code: the choices of course pickers."""
    return repository.courses(session, category=None, text=None)


def course_detail(session: Session, *, code: str, today: date) -> CourseDetail:
    """One course with its equivalences and the sessions that have not ended by `today`."""
    course = repository.find_course(session, code)
    if course is None:
        raise NotFound(_("There is no course %(code)s.", code=code))
    return CourseDetail(course=course, counts_as=repository.counts_as(session, course.id),
                        accepted_for=repository.accepted_for(session, course.id),
                        sessions=repository.upcoming_sessions(session, course.id, today))
