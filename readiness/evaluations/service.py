"""Performance evaluations and the feedback loop: the training that findings recommend, who on the
roster still lacks it, and the sessions and partners that could deliver it.

The UN side (mission planners) and administrators write evaluations; whoever may read a
country's units reads its evaluations and its feedback report (its own staff and its partners).
"""

from collections import defaultdict
from dataclasses import replace
from datetime import date
from fractions import Fraction

from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.audit.service import record as audit_record
from readiness.course_sessions.seats import session_seats
from readiness.errors import Forbidden, Invalid, NotFound
from readiness.evaluations import repository
from readiness.evaluations.repository import EvaluationFilter, RecommendationRow
from readiness.evaluations.schemas import (
    AreaMean,
    CountryFeedback,
    EvaluationCreate,
    EvaluationLine,
    EvaluationPublic,
    EvaluationUpdate,
    FindingFields,
    FindingPublic,
    PersonLacking,
    Recommendation,
    RecommendedCourse,
    SessionOffer,
    UnitFeedback,
)
from readiness.models import (
    Evaluation,
    EvaluationFinding,
    EvaluationRating,
    FindingCategory,
    FindingCourse,
    Mission,
)
from readiness.readiness.rules import add_months, round_half_up
from readiness.web.i18n import gettext as _
from readiness.web.labels import EVALUATION_AREAS
from readiness.web.pagination import Page, PageRequest

FEEDBACK_MONTHS = 24
SESSIONS_PER_COURSE = 5


def _require_keeper(actor: Actor) -> None:
    if not actor.can_keep_evaluations():
        raise Forbidden(_("Performance evaluations are written by mission planners and administrators."))


def _invalid(field: str, message: str) -> Invalid:
    return Invalid(message, details=[{"field": field, "message": message}])


# --- reading --------------------------------------------------------------------------------


def evaluations_page(session: Session, *, actor: Actor, where: EvaluationFilter,
                     paging: PageRequest) -> Page[EvaluationPublic]:
    """One page of the evaluations of the countries the actor may read, most recent first."""
    where = replace(where, countries=actor.readable_countries())
    rows = repository.evaluations(session, where, offset=paging.offset, limit=paging.per_page)
    return Page.of(_publics(session, rows), paging, repository.count_evaluations(session, where))


def get_evaluation(session: Session, *, actor: Actor, evaluation_id: int) -> EvaluationPublic:
    """One evaluation of a unit the actor may read; others are not found."""
    row = repository.evaluation_row(session, evaluation_id)
    if row is None or not actor.can_read_country(row["country"]):
        raise NotFound(_("There is no evaluation with id %(id)s.", id=evaluation_id))
    return _publics(session, [row])[0]


def _publics(session: Session, rows) -> list[EvaluationPublic]:
    ids = [row["id"] for row in rows]
    ratings = repository.ratings_of(session, ids)
    findings: dict[int, list[FindingPublic]] = defaultdict(list)
    for finding in repository.findings_of(session, ids):
        findings[finding.evaluation_id].append(FindingPublic(id=finding.finding_id, text=finding.text,
                                                             courses=list(finding.courses),
                                                             categories=list(finding.categories)))
    return [EvaluationPublic(**row, ratings=_ordered(ratings[row["id"]]), findings=findings[row["id"]],
                             mean_rating=_mean(sum(ratings[row["id"]].values()), len(ratings[row["id"]])))
            for row in rows]


def _ordered(ratings: dict[str, int]) -> dict[str, int]:
    return {area: ratings[area] for area in EVALUATION_AREAS if area in ratings} | {
        area: rating for area, rating in ratings.items() if area not in EVALUATION_AREAS}


def _mean(total: int, count: int) -> float | None:
    return round_half_up(Fraction(total, count), 1) if count else None


# --- writing --------------------------------------------------------------------------------


def create_evaluation(session: Session, *, actor: Actor, fields: EvaluationCreate,
                      today: date | None = None) -> EvaluationPublic:
    """Record an evaluation with its ratings and tagged findings; audited."""
    _require_keeper(actor)
    unit_id, mission_id, course_ids = _checked(session, fields, today or date.today())
    evaluation = Evaluation(unit_id=unit_id, mission_id=mission_id, instrument=fields.instrument,
                            evaluated_on=fields.evaluated_on, summary=_text(fields.summary),
                            improvement_plan_required=fields.improvement_plan_required, recorded_by=actor.email)
    repository.add(session, evaluation)
    _store_ratings(session, evaluation.id, fields.ratings)
    _store_findings(session, evaluation.id, fields.findings, course_ids)
    created = get_evaluation(session, actor=actor, evaluation_id=evaluation.id)
    audit_record(session, actor=actor, action="create", entity="evaluation", entity_id=evaluation.id,
                 after=_audited(created), summary=f"{created.unit} {created.instrument.value} {created.evaluated_on}")
    return created


def update_evaluation(session: Session, *, actor: Actor, evaluation_id: int, fields: EvaluationUpdate,
                      today: date | None = None) -> EvaluationPublic:
    """Change an evaluation: fields given replace the stored ones (ratings and findings as a whole); audited."""
    _require_keeper(actor)
    before = get_evaluation(session, actor=actor, evaluation_id=evaluation_id)
    given = {key: value for key, value in fields.model_dump(exclude_unset=True).items()
             if value is not None or key == "summary"}
    merged = EvaluationCreate.model_validate({**_audited(before), **given})
    unit_id, mission_id, course_ids = _checked(session, merged, today or date.today())
    evaluation = repository.get(session, evaluation_id)
    evaluation.unit_id, evaluation.mission_id, evaluation.instrument = unit_id, mission_id, merged.instrument
    evaluation.evaluated_on, evaluation.summary = merged.evaluated_on, _text(merged.summary)
    evaluation.improvement_plan_required = merged.improvement_plan_required
    repository.delete_children(session, evaluation_id, ratings="ratings" in given, findings="findings" in given)
    if "ratings" in given:
        _store_ratings(session, evaluation_id, merged.ratings)
    if "findings" in given:
        _store_findings(session, evaluation_id, merged.findings, course_ids)
    after = get_evaluation(session, actor=actor, evaluation_id=evaluation_id)
    old, new = _audited(before), _audited(after)
    keys = [key for key in new if old.get(key) != new.get(key)]
    audit_record(session, actor=actor, action="update", entity="evaluation", entity_id=evaluation_id,
                 before={key: old.get(key) for key in keys}, after={key: new[key] for key in keys})
    return after


def delete_evaluation(session: Session, *, actor: Actor, evaluation_id: int) -> None:
    """Delete an evaluation with its ratings and findings; audited."""
    _require_keeper(actor)
    before = get_evaluation(session, actor=actor, evaluation_id=evaluation_id)
    repository.delete(session, repository.get(session, evaluation_id))
    audit_record(session, actor=actor, action="delete", entity="evaluation", entity_id=evaluation_id,
                 before=_audited(before), summary=f"{before.unit} {before.instrument.value} {before.evaluated_on}")


def _audited(evaluation: EvaluationPublic) -> dict:
    """The evaluation as a client would send it (findings by their tags), JSON-ready."""
    data = evaluation.model_dump(mode="json", include={"unit", "mission", "instrument", "evaluated_on", "ratings",
                                                       "summary", "improvement_plan_required"})
    data["findings"] = [finding.model_dump(mode="json", exclude={"id"}) for finding in evaluation.findings]
    return data


def _checked(session: Session, fields: EvaluationCreate, today: date) -> tuple[int, int, dict[str, int]]:
    """The unit's, the mission's and the tagged courses' ids; Invalid naming the field otherwise."""
    unit = repository.find_unit(session, fields.unit)
    if unit is None:
        raise _invalid("unit", _("There is no unit %(code)s.", code=fields.unit))
    mission = repository.find_mission(session, fields.mission)
    if mission is None:
        raise _invalid("mission", _("There is no mission %(code)s.", code=fields.mission))
    if fields.evaluated_on > today:
        raise _invalid("evaluated_on", _("The evaluation date cannot be in the future."))
    codes = sorted({code for finding in fields.findings for code in finding.courses})
    course_ids = repository.course_ids(session, codes)
    for index, finding in enumerate(fields.findings):
        unknown = [code for code in finding.courses if code not in course_ids]
        if unknown:
            raise _invalid(f"findings.{index}.courses",
                           _("Unknown course: %(codes)s.", codes=", ".join(unknown)))
    return unit.id, mission.id, course_ids


def _store_ratings(session: Session, evaluation_id: int, ratings: dict[str, int]) -> None:
    repository.add_all(session, [EvaluationRating(evaluation_id=evaluation_id, area=area, rating=rating)
                                 for area, rating in ratings.items()])


def _store_findings(session: Session, evaluation_id: int, findings: list[FindingFields],
                    course_ids: dict[str, int]) -> None:
    for fields in findings:
        finding = EvaluationFinding(evaluation_id=evaluation_id, text=fields.text)
        repository.add(session, finding)
        repository.add_all(session, [FindingCourse(finding_id=finding.id, course_id=course_ids[code])
                                     for code in fields.courses])
        repository.add_all(session, [FindingCategory(finding_id=finding.id, category=category)
                                     for category in fields.categories])


def _text(value: str | None) -> str | None:
    return value.strip() or None if value else None


def form_choices(session: Session, *, actor: Actor) -> dict:
    """What the evaluation form offers: units, missions, courses."""
    _require_keeper(actor)
    return {"units": repository.units(session, actor.readable_countries()),
            "missions": repository.missions(session), "courses": repository.courses(session)}


def new_evaluation_values(session: Session, *, actor: Actor, unit: str, today: date) -> dict:
    """A blank evaluation of `unit` (when known) in its target mission, dated today, with one empty finding."""
    _require_keeper(actor)
    found = repository.find_unit(session, unit) if unit else None
    mission = session.get(Mission, found.target_mission_id) if found and found.target_mission_id else None
    return {"unit": found.code if found else "", "mission": mission.acronym if mission else "",
            "evaluated_on": today.isoformat(), "ratings": {},
            "findings": [{"text": "", "courses": [], "categories": []}]}


def filter_choices(session: Session, *, actor: Actor) -> dict:
    """What the evaluations list filters offer: the readable units and countries, the missions."""
    units = repository.units(session, actor.readable_countries())
    return {"units": units, "countries": sorted({unit.country_code for unit in units}),
            "missions": repository.missions(session)}


# --- the feedback loop ----------------------------------------------------------------------


def unit_feedback(session: Session, *, actor: Actor, code: str, as_of: date) -> UnitFeedback:
    """A unit's evaluations and the training they recommend, with who lacks it and the sessions."""
    unit = repository.find_unit(session, code)
    if unit is None or not actor.can_read_country(unit.country_code):
        raise NotFound(_("There is no unit %(code)s.", code=code))
    where = EvaluationFilter(unit=unit.code)
    sees_people = actor.can_see_people_of(unit.country_code)
    recommended = _recommended(session, repository.recommendations(session, where), [unit.id],
                               as_of=as_of, sees_people=sees_people, country=None)
    return UnitFeedback(unit=unit.code, unit_name=unit.name, country=unit.country_code, as_of=as_of,
                        evaluations=_lines(session, repository.evaluations(session, where)),
                        recommended=recommended, sees_people=sees_people)


def country_feedback(session: Session, *, actor: Actor, country: str, as_of: date, start: date | None = None,
                     end: date | None = None) -> CountryFeedback:
    """The country feedback report: its units' evaluations over the period (24 months by default),
    mean rating per area, the training the findings recommend with the people who lack it per unit,
    the sessions and partners that could deliver it, and the improvement plans required."""
    found = repository.find_country(session, country)
    if found is None:
        raise NotFound(_("There is no country %(code)s.", code=country))
    if not actor.can_read_country(found.code):
        raise Forbidden(_("You may not read the feedback of %(code)s.", code=found.code))
    end = end or as_of
    start = start or add_months(end, -FEEDBACK_MONTHS)
    if start > end:
        raise _invalid("from", _("The period starts after it ends."))
    where = EvaluationFilter(country=found.code, start=start, end=end)
    lines = _lines(session, repository.evaluations(session, where))
    recommended = _recommended(session, repository.recommendations(session, where),
                               repository.current_unit_ids(found.code), as_of=as_of,
                               sees_people=False, country=found.code)
    areas = [AreaMean(area=area, mean=_mean(total, count), ratings=count)
             for area, total, count in repository.area_sums(session, where)]
    areas.sort(key=lambda mean: EVALUATION_AREAS.index(mean.area) if mean.area in EVALUATION_AREAS else 99)
    return CountryFeedback(country=found.code, country_name=found.name, start=start, end=end, as_of=as_of,
                           evaluations=lines, areas=areas, recommended=recommended,
                           improvement_plans=[line for line in lines if line.improvement_plan_required])


def _lines(session: Session, rows) -> list[EvaluationLine]:
    sums = repository.rating_sums(session, [row["id"] for row in rows])
    return [EvaluationLine(**{key: row[key] for key in ("id", "unit", "mission", "instrument", "evaluated_on",
                                                        "improvement_plan_required", "summary")},
                           mean_rating=_mean(*sums.get(row["id"], (0, 0)))) for row in rows]


def _recommended(session: Session, rows: list[RecommendationRow], unit_ids, *, as_of: date, sees_people: bool,
                 country: str | None) -> list[RecommendedCourse]:
    """Group the (finding, course) pairs by course, in the order of the most recent evaluation."""
    by_course: dict[int, dict[int, Recommendation]] = {}
    facts: dict[int, RecommendationRow] = {}
    for row in rows:
        findings = by_course.setdefault(row.course_id, {})
        facts.setdefault(row.course_id, row)
        known = findings.get(row.finding_id)
        if known is None or row.via_category is None:  # a direct tag wins over a category
            findings[row.finding_id] = Recommendation(evaluation_id=row.evaluation_id, evaluated_on=row.evaluated_on,
                                                      unit=row.unit, finding=row.finding,
                                                      via_category=row.via_category)
    validity = {course_id: facts[course_id].validity_months for course_id in by_course}
    counts = repository.lacking_counts(session, unit_ids, validity, as_of)
    codes = repository.unit_codes(session, sorted({unit_id for unit_id, _course in counts}))
    people = _people(session, unit_ids, validity, as_of) if sees_people else None
    offers = _offers(session, list(by_course), as_of)
    partners = _partners(session, country, by_course) if country else {}
    return [RecommendedCourse(
        course=facts[course_id].course, title=facts[course_id].title, category=facts[course_id].category,
        recommended_by=list(findings.values()),
        lacking=sum(count for (_unit, course), count in counts.items() if course == course_id),
        lacking_by_unit=dict(sorted((codes[unit], count) for (unit, course), count in counts.items()
                                    if course == course_id)),
        people=None if people is None else people.get(course_id, []),
        sessions=offers.get(course_id, []), partners=partners.get(course_id, []),
    ) for course_id, findings in by_course.items()]


def _people(session: Session, unit_ids, validity: dict[int, int | None], as_of: date) -> dict[int, list]:
    people: dict[int, list[PersonLacking]] = defaultdict(list)
    for row in repository.lacking_people(session, unit_ids, validity, as_of):
        people[row["course_id"]].append(PersonLacking(unit=row["unit"], service_number=row["service_number"],
                                                      family_name=row["family_name"], given_name=row["given_name"]))
    return people


def _offers(session: Session, course_ids: list[int], as_of: date) -> dict[int, list[SessionOffer]]:
    """The first upcoming sessions with free places of each course."""
    offers: dict[int, list[SessionOffer]] = defaultdict(list)
    if not course_ids:
        return offers
    for seats in session_seats(session, course_ids=course_ids, starting_after=as_of):
        if len(offers[seats.course_id]) < SESSIONS_PER_COURSE:
            offers[seats.course_id].append(SessionOffer(
                session_id=seats.session_id, centre=seats.centre, centre_name=seats.centre_name,
                start_on=seats.start_on, end_on=seats.end_on, language=seats.language, free=seats.free,
                free_held_for_women=seats.free_held_for_women))
    return offers


def _partners(session: Session, country: str, by_course: dict[int, dict[int, Recommendation]]) -> dict[int, list[str]]:
    """Partners delivering the course to the country; for a category tag, partners training the country."""
    named = repository.partners_by_course(session, country, list(by_course))
    trainers = repository.training_partners(session, country)
    partners = {}
    for course_id, findings in by_course.items():
        via_category = any(finding.via_category for finding in findings.values())
        partners[course_id] = sorted(set(named.get(course_id, [])) | (set(trainers) if via_category else set()))
    return partners
