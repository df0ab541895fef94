"""The evidence pack: a unit's readiness figures for a requirement, with the records behind them.

The figures are the engine's (readiness.service.unit_readiness); this module adds the
completions that make them, the waivers and equivalences used, the caveats in force, and
who generated the pack. Names and service numbers appear only for readers who may see the
unit's people; others get counts by provenance. Every generation is audited.
"""

import secrets
from datetime import UTC, date, datetime, timedelta

from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.audit import service as audit
from readiness.errors import NotFound
from readiness.evidence import repository
from readiness.evidence.repository import CountingRow, PackScope
from readiness.evidence.schemas import (
    CaveatInForce,
    CountingCompletion,
    EquivalenceUsed,
    EvidenceLine,
    EvidencePack,
    ProvenanceCount,
    WaiverUsed,
)
from readiness.models import Requirement
from readiness.readiness import repository as engine_repository
from readiness.readiness import rules
from readiness.readiness import service as engine
from readiness.readiness.repository import LineSpec
from readiness.readiness.schemas import LineResult, UnitReadiness
from readiness.units import repository as units_repository
from readiness.units import service as units
from readiness.web.i18n import gettext as _

# Generating a pack writes a document with its own reference: an audited "create".
AUDIT_ACTION = "generate"
AUDIT_ENTITY = "evidence_pack"


def evidence_pack(
    session: Session, *, actor: Actor, unit_code: str, requirement_code: str | None = None,
    as_of: date | None = None, output: str = "page", today: date | None = None, now: datetime | None = None,
) -> EvidencePack:
    """The pack for a unit against a requirement (default: its target) on `as_of` (default:
    planned deployment, else today); audited as generated in `output` (page, xlsx or json)."""
    today = today or date.today()
    unit = units.readable_unit(session, actor=actor, code=unit_code, on=today)
    requirement = engine.get_requirement(session, requirement_code or _default_requirement(session, unit))
    day = as_of or unit.planned_deployment or today
    report = engine.unit_readiness(session, actor=actor, unit_code=unit.code,
                                   requirement_code=f"{requirement.code}@{requirement.version}", as_of=day)
    pack = _assemble(session, actor, unit, requirement, report, now or datetime.now(UTC))
    _audit(session, actor, pack, output)
    return pack


def _default_requirement(session: Session, unit) -> str:
    # As the unit page: the unit's target requirement, else the newest for its type.
    if unit.requirement:
        return f"{unit.requirement}@{unit.requirement_version}"
    choices = units_repository.requirements_for_type(session, unit.unit_type_id)
    if not choices:
        raise NotFound(_("No requirement applies to this unit's type yet."))
    return f"{choices[0].code}@{choices[0].version}"


def _assemble(session, actor, unit, requirement: Requirement, report: UnitReadiness, now: datetime) -> EvidencePack:
    specs = engine_repository.line_specs(session, requirement.id)
    scope = PackScope(unit_id=unit.id, requirement_id=requirement.id, as_of=report.as_of,
                      earliest=_earliest(specs, report.as_of))
    shows_people = actor.can_see_people_of(unit.country)
    facts = repository.header_facts(session, unit.unit_type_id, unit.country, requirement.mission_id)
    caveats = [_caveat(caveat, flags) for caveat, flags in repository.caveats_in_force(session, unit.id, report.as_of)]
    return EvidencePack(
        reference=_reference(now), generated_by=actor.email, generated_at=now,
        unit=unit.code, unit_name=unit.name, country=unit.country, country_name=facts.country_name,
        unit_type=unit.unit_type, unit_type_name=facts.unit_type_name, pcrs_level=unit.pcrs_level,
        requirement=requirement.code, requirement_version=requirement.version,
        requirement_title=requirement.title, mission=facts.mission, mission_name=facts.mission_name,
        as_of=report.as_of, tour_end=report.tour_end, status=report.status, score=report.score,
        lines_met=report.lines_met, lines_total=report.lines_total, shows_people=shows_people,
        flagged=any(caveat.flags_unit for caveat in caveats),
        lines=_lines(session, scope, specs, report.lines, shows_people),
        waivers=_waivers(session, scope, specs), equivalences=_equivalences(session, scope, specs),
        caveats=caveats,
    )


def _earliest(specs: list[LineSpec], day: date) -> dict[int, date]:
    validities = {spec.validity_months for spec in specs if spec.validity_months}
    return {months: rules.earliest_valid_completion(day, months) for months in validities}


def _lines(session, scope: PackScope, specs: list[LineSpec], results: list[LineResult],
           shows_people: bool) -> list[EvidenceLine]:
    # The engine lists the course lines in line order, then the women line.
    provenance = _by_line(repository.provenance_counts(session, scope))
    completions = _by_line(repository.counting_rows(session, scope)) if shows_people else {}
    titles = repository.course_titles(session, [spec.course_id for spec in specs])
    lines = [
        _course_line(spec, result, titles.get(spec.course_id), provenance.get(spec.line_id, []),
                     completions.get(spec.line_id, []))
        for spec, result in zip(specs, results)
    ]
    lines += [_women_line(result) for result in results[len(specs):]]
    return lines


def _by_line(rows) -> dict[int, list]:
    grouped: dict[int, list] = {}
    for row in rows:
        grouped.setdefault(row.line_id, []).append(row)
    return grouped


def _course_line(spec: LineSpec, result: LineResult, title, provenance, rows: list[CountingRow]) -> EvidenceLine:
    return EvidenceLine(
        **result.model_dump(), course_title=title,
        provenance=[ProvenanceCount(source=p.source, centre=p.centre, result=p.result, people=p.people)
                    for p in provenance],
        completions=[_completion(row, spec.validity_months) for row in rows],
    )


def _women_line(result: LineResult) -> EvidenceLine:
    return EvidenceLine(**result.model_dump(), course_title=None, provenance=[], completions=[])


def _completion(row: CountingRow, validity_months: int | None) -> CountingCompletion:
    values = {key: value for key, value in vars(row).items() if key not in ("line_id", "person_id")}
    return CountingCompletion(**values, valid_until=valid_until(row.completed_on, validity_months))


def valid_until(completed_on: date, validity_months: int | None) -> date | None:
    """The last day a completion is valid: the day before it lapses; None when it never does."""
    if not validity_months:
        return None
    return rules.add_months(completed_on, validity_months) - timedelta(days=1)


def _waivers(session, scope: PackScope, specs: list[LineSpec]) -> list[WaiverUsed]:
    courses = {spec.line_id: spec.course for spec in specs}
    return [WaiverUsed(line_course=courses[w.line_id], course=w.course, reason=w.reason, people=w.people)
            for w in repository.waiver_counts(session, scope)]


def _equivalences(session, scope: PackScope, specs: list[LineSpec]) -> list[EquivalenceUsed]:
    courses = {spec.line_id: spec.course for spec in specs}
    return [EquivalenceUsed(line_course=courses[e.line_id], course=e.course, course_title=e.course_title,
                            note=e.note, declared_by=e.recorded_by, people=e.people)
            for e in repository.equivalence_counts(session, scope)]


def _caveat(caveat, flags: bool) -> CaveatInForce:
    return CaveatInForce(
        kind=str(caveat.kind), declared=caveat.declared, accepted_by_un=caveat.accepted_by_un,
        recorded_in=str(caveat.recorded_in), text=caveat.text, active_from=caveat.active_from,
        active_to=caveat.active_to, flags_unit=flags,
    )


def _reference(now: datetime) -> str:
    # Time-ordered and unique enough to quote in a visit report and find in the audit trail.
    return f"EP-{now:%Y%m%d-%H%M%S}-{secrets.token_hex(3).upper()}"


def _audit(session: Session, actor: Actor, pack: EvidencePack, output: str) -> None:
    audit.record(
        session, actor=actor, action=AUDIT_ACTION, entity=AUDIT_ENTITY, entity_id=pack.reference,
        after={"unit": pack.unit, "requirement": f"{pack.requirement}@{pack.requirement_version}",
               "as_of": pack.as_of.isoformat(), "output": output, "names_shown": pack.shows_people},
        summary=f"Evidence pack {pack.reference} generated ({output}): {pack.unit} against "
                f"{pack.requirement}@{pack.requirement_version} as of {pack.as_of.isoformat()}",
    )
