"""Every query of evaluations and of the feedback loop: set-based, the same SQL on SQLite and PostgreSQL.

Who still lacks a recommended course is counted with the readiness engine's rules: a passed or
waived completion counts, a merely completed one only for a course that is not assessed, a
declared equivalence counts as the course itself, and the latest counting completion must be
inside its validity window on the day (rules.earliest_valid_completion turns that into dates).
"""

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy import and_, case, func, literal, or_, select
from sqlmodel import Session

from readiness.models import (
    Assignment,
    Completion,
    Country,
    Course,
    CourseEquivalence,
    Evaluation,
    EvaluationFinding,
    EvaluationRating,
    FindingCategory,
    FindingCourse,
    Mission,
    Person,
    SupportCategory,
    Unit,
    UnitStatus,
)
from readiness.partnerships.repository import offering_partners
from readiness.readiness.repository import COUNTING_ALWAYS
from readiness.readiness.rules import earliest_valid_completion



@dataclass(frozen=True)
class EvaluationFilter:
    countries: frozenset[str] | None = None  # None: every country
    country: str | None = None
    unit: str | None = None
    mission: str | None = None
    instrument: str | None = None
    improvement_plan: bool | None = None
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class FindingRow:
    evaluation_id: int
    finding_id: int
    text: str
    courses: tuple[str, ...]
    categories: tuple[str, ...]


@dataclass(frozen=True)
class RecommendationRow:
    evaluation_id: int
    evaluated_on: date
    unit: str
    finding_id: int
    finding: str
    course_id: int
    course: str
    title: str
    category: str
    validity_months: int | None
    via_category: str | None


# --- lookups --------------------------------------------------------------------------------


def find_unit(session: Session, code: str) -> Unit | None:
    return session.execute(select(Unit).where(Unit.code == code)).scalars().first()


def find_mission(session: Session, acronym: str) -> Mission | None:
    return session.execute(select(Mission).where(Mission.acronym == acronym)).scalars().first()


def find_country(session: Session, code: str) -> Country | None:
    return session.get(Country, code)


def course_ids(session: Session, codes: list[str]) -> dict[str, int]:
    """The ids of the courses among `codes` that exist, by code."""
    if not codes:
        return {}
    return dict(session.execute(select(Course.code, Course.id).where(Course.code.in_(codes))).all())


def get(session: Session, evaluation_id: int) -> Evaluation | None:
    return session.get(Evaluation, evaluation_id)


def missions(session: Session) -> list[Mission]:
    return list(session.execute(select(Mission).order_by(Mission.acronym)).scalars().all())


def units(session: Session, countries: frozenset[str] | None) -> list[Unit]:
    query = select(Unit).order_by(Unit.code)
    if countries is not None:
        query = query.where(Unit.country_code.in_(countries))
    return list(session.execute(query).scalars().all())


def courses(session: Session) -> list[Course]:
    return list(session.execute(select(Course).where(Course.active.is_(True)).order_by(Course.code)).scalars())


# --- evaluations ----------------------------------------------------------------------------


def _evaluations_query() -> sa.Select:
    return (
        select(Evaluation.id, Unit.code.label("unit"), Unit.name.label("unit_name"),
               Unit.country_code.label("country"), Mission.acronym.label("mission"), Evaluation.instrument,
               Evaluation.evaluated_on, Evaluation.summary, Evaluation.improvement_plan_required,
               Evaluation.recorded_by, Evaluation.recorded_at)
        .join(Unit, Unit.id == Evaluation.unit_id)
        .join(Mission, Mission.id == Evaluation.mission_id)
    )


def _filtered(query: sa.Select, where: EvaluationFilter) -> sa.Select:
    conditions = [
        (where.countries is not None, lambda: Unit.country_code.in_(where.countries)),
        (where.country, lambda: Unit.country_code == where.country),
        (where.unit, lambda: Unit.code == where.unit),
        (where.mission, lambda: Mission.acronym == where.mission),
        (where.instrument, lambda: Evaluation.instrument == where.instrument),
        (where.improvement_plan is not None, lambda: Evaluation.improvement_plan_required.is_(where.improvement_plan)),
        (where.start, lambda: Evaluation.evaluated_on >= where.start),
        (where.end, lambda: Evaluation.evaluated_on <= where.end),
    ]
    for applies, condition in conditions:
        if applies:
            query = query.where(condition())
    return query


def evaluations(session: Session, where: EvaluationFilter, *, offset: int = 0, limit: int | None = None):
    """Evaluations matching the filter with their unit and mission, most recent first."""
    query = _filtered(_evaluations_query(), where).order_by(Evaluation.evaluated_on.desc(), Evaluation.id.desc())
    if limit is not None:
        query = query.offset(offset).limit(limit)
    return session.execute(query).mappings().all()


def count_evaluations(session: Session, where: EvaluationFilter) -> int:
    query = (select(func.count()).select_from(Evaluation).join(Unit, Unit.id == Evaluation.unit_id)
             .join(Mission, Mission.id == Evaluation.mission_id))
    return session.execute(_filtered(query, where)).scalar_one()


def evaluation_row(session: Session, evaluation_id: int):
    return session.execute(_evaluations_query().where(Evaluation.id == evaluation_id)).mappings().first()


def ratings_of(session: Session, evaluation_ids: list[int]) -> dict[int, dict[str, int]]:
    """Each evaluation's ratings by area."""
    ratings: dict[int, dict[str, int]] = {evaluation_id: {} for evaluation_id in evaluation_ids}
    if evaluation_ids:
        query = select(EvaluationRating).where(EvaluationRating.evaluation_id.in_(evaluation_ids))
        for rating in session.execute(query).scalars():
            ratings[rating.evaluation_id][rating.area] = rating.rating
    return ratings


def findings_of(session: Session, evaluation_ids: list[int]) -> list[FindingRow]:
    """The findings of the evaluations with their course codes and categories, in entry order (3 queries)."""
    if not evaluation_ids:
        return []
    findings = session.execute(
        select(EvaluationFinding).where(EvaluationFinding.evaluation_id.in_(evaluation_ids))
        .order_by(EvaluationFinding.evaluation_id, EvaluationFinding.id)).scalars().all()
    ids = [finding.id for finding in findings]
    course_tags: dict[int, list[str]] = {}
    for finding_id, code in session.execute(
            select(FindingCourse.finding_id, Course.code).join(Course, Course.id == FindingCourse.course_id)
            .where(FindingCourse.finding_id.in_(ids)).order_by(Course.code)):
        course_tags.setdefault(finding_id, []).append(code)
    category_tags: dict[int, list[str]] = {}
    for finding_id, category in session.execute(
            select(FindingCategory.finding_id, FindingCategory.category)
            .where(FindingCategory.finding_id.in_(ids)).order_by(FindingCategory.category)):
        category_tags.setdefault(finding_id, []).append(str(getattr(category, "value", category)))
    return [FindingRow(f.evaluation_id, f.id, f.text, tuple(course_tags.get(f.id, ())),
                       tuple(category_tags.get(f.id, ()))) for f in findings]


def add(session: Session, record) -> None:
    session.add(record)
    session.flush()


def add_all(session: Session, records: list) -> None:
    session.add_all(records)
    session.flush()


def delete_children(session: Session, evaluation_id: int, *, ratings: bool, findings: bool) -> None:
    """Remove an evaluation's ratings and/or findings (with their tags), before replacing or deleting."""
    if ratings:
        session.execute(sa.delete(EvaluationRating).where(EvaluationRating.evaluation_id == evaluation_id))
    if findings:
        finding_ids = select(EvaluationFinding.id).where(EvaluationFinding.evaluation_id == evaluation_id)
        session.execute(sa.delete(FindingCourse).where(FindingCourse.finding_id.in_(finding_ids)))
        session.execute(sa.delete(FindingCategory).where(FindingCategory.finding_id.in_(finding_ids)))
        session.execute(sa.delete(EvaluationFinding).where(EvaluationFinding.evaluation_id == evaluation_id))
    session.flush()


def delete(session: Session, evaluation: Evaluation) -> None:
    delete_children(session, evaluation.id, ratings=True, findings=True)
    session.delete(evaluation)
    session.flush()


def rating_sums(session: Session, evaluation_ids: list[int]) -> dict[int, tuple[int, int]]:
    """(sum, count) of the ratings of each evaluation, for exact means."""
    if not evaluation_ids:
        return {}
    query = (select(EvaluationRating.evaluation_id, func.sum(EvaluationRating.rating), func.count())
             .where(EvaluationRating.evaluation_id.in_(evaluation_ids)).group_by(EvaluationRating.evaluation_id))
    return {evaluation_id: (int(total), int(count)) for evaluation_id, total, count in session.execute(query)}


def area_sums(session: Session, where: EvaluationFilter) -> list[tuple[str, int, int]]:
    """(area, sum, count) of the ratings of the evaluations matching the filter."""
    query = (select(EvaluationRating.area, func.sum(EvaluationRating.rating), func.count())
             .join(Evaluation, Evaluation.id == EvaluationRating.evaluation_id)
             .join(Unit, Unit.id == Evaluation.unit_id).join(Mission, Mission.id == Evaluation.mission_id)
             .group_by(EvaluationRating.area))
    return [(area, int(total), int(count)) for area, total, count in session.execute(_filtered(query, where))]


# --- the feedback loop ----------------------------------------------------------------------


def recommendations(session: Session, where: EvaluationFilter) -> list[RecommendationRow]:
    """Each (finding, course) pair the evaluations matching the filter recommend: the courses tagged
    on the finding, and the active courses of the categories tagged; most recent evaluation first."""
    direct = select(FindingCourse.finding_id, FindingCourse.course_id,
                    sa.cast(literal(None), sa.String).label("via_category"))
    by_category = (select(FindingCategory.finding_id, Course.id.label("course_id"),
                          sa.cast(FindingCategory.category, sa.String).label("via_category"))
                   .join(Course, and_(Course.category == FindingCategory.category, Course.active.is_(True))))
    tagged = sa.union_all(direct, by_category).subquery("tagged")
    query = (
        select(Evaluation.id, Evaluation.evaluated_on, Unit.code, EvaluationFinding.id, EvaluationFinding.text,
               Course.id, Course.code, Course.title, Course.category, Course.validity_months,
               tagged.c.via_category)
        .select_from(tagged)
        .join(EvaluationFinding, EvaluationFinding.id == tagged.c.finding_id)
        .join(Evaluation, Evaluation.id == EvaluationFinding.evaluation_id)
        .join(Unit, Unit.id == Evaluation.unit_id).join(Mission, Mission.id == Evaluation.mission_id)
        .join(Course, Course.id == tagged.c.course_id)
        .order_by(Evaluation.evaluated_on.desc(), Evaluation.id.desc(), EvaluationFinding.id,
                  case((tagged.c.via_category.is_(None), 0), else_=1), Course.code)
    )
    rows = session.execute(_filtered(query, where)).all()
    return [RecommendationRow(*row[:8], str(getattr(row[8], "value", row[8])), row[9], row[10]) for row in rows]


def current_unit_ids(country: str) -> sa.Select:
    """The ids of a country's units that have not rotated out."""
    return select(Unit.id).where(Unit.country_code == country, Unit.status != UnitStatus.rotated_out)


def _roster(unit_ids: sa.Select | list[int], as_of: date) -> sa.CTE:
    return (
        select(Assignment.unit_id, Assignment.person_id)
        .where(Assignment.unit_id.in_(unit_ids), Assignment.start_on <= as_of,
               or_(Assignment.end_on.is_(None), Assignment.end_on >= as_of))
        .distinct().cte("roster")
    )


def _lacking(unit_ids: sa.Select | list[int], courses: dict[int, int | None], as_of: date) -> sa.Select:
    """(unit_id, person_id, course_id) of rostered people without a valid completion of the courses."""
    roster = _roster(unit_ids, as_of)
    targets = select(Course.id.label("course_id"), Course.validity_months).where(
        Course.id.in_(list(courses))).cte("target")
    counts_for = sa.union(
        select(targets.c.course_id.label("source"), targets.c.course_id.label("target")),
        select(CourseEquivalence.course_id, CourseEquivalence.counts_as_id)
        .where(CourseEquivalence.counts_as_id.in_(select(targets.c.course_id))),
    ).cte("counts_for")
    taken = Course.__table__.alias("taken")
    counting = or_(Completion.result.in_(COUNTING_ALWAYS),
                   and_(Completion.result == "completed", taken.c.assessed.is_(False)))
    latest = (
        select(Completion.person_id, counts_for.c.target.label("course_id"),
               func.max(Completion.completed_on).label("latest"))
        .join(counts_for, counts_for.c.source == Completion.course_id)
        .join(taken, taken.c.id == Completion.course_id)
        .where(Completion.person_id.in_(select(roster.c.person_id)), Completion.completed_on <= as_of, counting)
        .group_by(Completion.person_id, counts_for.c.target)
        .subquery("latest")
    )
    valid = _valid(latest.c.latest, targets.c.validity_months, as_of, courses)
    return (
        select(roster.c.unit_id, roster.c.person_id, targets.c.course_id)
        .select_from(roster).join(targets, sa.true())
        .outerjoin(latest, and_(latest.c.person_id == roster.c.person_id,
                                latest.c.course_id == targets.c.course_id))
        .where(~valid)
    )


def _valid(latest: sa.ColumnElement, validity_months: sa.ColumnElement, as_of: date,
           courses: dict[int, int | None]) -> sa.ColumnElement:
    months = sorted({validity for validity in courses.values() if validity is not None})
    if not months:
        return latest.is_not(None)
    earliest = case({m: literal(earliest_valid_completion(as_of, m), sa.Date) for m in months},
                    value=validity_months)
    return and_(latest.is_not(None), or_(validity_months.is_(None), latest >= earliest))


def lacking_counts(session: Session, unit_ids: sa.Select | list[int], courses: dict[int, int | None],
                   as_of: date) -> dict[tuple[int, int], int]:
    """People on the rosters on `as_of` without a valid completion, by (unit id, course id).

    `courses` maps each course id to its validity in months (None: never lapses)."""
    if not courses:
        return {}
    lacking = _lacking(unit_ids, courses, as_of).subquery("lacking")
    query = select(lacking.c.unit_id, lacking.c.course_id, func.count()).group_by(lacking.c.unit_id,
                                                                                  lacking.c.course_id)
    return {(unit_id, course_id): count for unit_id, course_id, count in session.execute(query)}


def lacking_people(session: Session, unit_ids: sa.Select | list[int], courses: dict[int, int | None],
                   as_of: date):
    """The people behind lacking_counts, with their unit code, by name."""
    if not courses:
        return []
    lacking = _lacking(unit_ids, courses, as_of).subquery("lacking")
    query = (
        select(lacking.c.course_id, Unit.code.label("unit"), Person.service_number, Person.family_name,
               Person.given_name)
        .join(Person, Person.id == lacking.c.person_id).join(Unit, Unit.id == lacking.c.unit_id)
        .order_by(Person.family_name, Person.given_name, Person.service_number)
    )
    return session.execute(query).mappings().all()


def unit_codes(session: Session, unit_ids: list[int]) -> dict[int, str]:
    if not unit_ids:
        return {}
    return dict(session.execute(select(Unit.id, Unit.code).where(Unit.id.in_(unit_ids))).all())


def partners_by_course(session: Session, country: str, course_ids: list[int]) -> dict[int, list[str]]:
    """Partners whose planned or active partnership with `country` delivers each course, by name."""
    names: dict[int, set[str]] = {}
    for offer in offering_partners(session, country_code=country, course_ids=course_ids, categories=None):
        names.setdefault(offer.course_id, set()).add(offer.partner_name)
    return {course_id: sorted(partners) for course_id, partners in names.items()}


def training_partners(session: Session, country: str) -> list[str]:
    """Partners whose planned or active partnership with `country` includes training, by name."""
    offers = offering_partners(session, country_code=country, course_ids=None,
                               categories=[SupportCategory.training])
    return sorted({offer.partner_name for offer in offers})
