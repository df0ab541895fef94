"""Demo data for evaluations (called by readiness.seeding.demo.load_demo_data; creates only what is missing).

Illustrative findings of the kind force commanders' evaluations report, each tagged with the
courses or categories that address them, so the unit pages and the feedback report show the loop.
A demo evaluation is identified by its unit and instrument: a second run creates nothing.
"""

from dataclasses import dataclass
from datetime import date, timedelta

import sqlalchemy as sa
from sqlmodel import Session

from readiness.accounts.demo import SEED
from readiness.evaluations import service
from readiness.evaluations.schemas import EvaluationCreate
from readiness.models import Evaluation, Unit


@dataclass(frozen=True)
class DemoEvaluation:
    unit: str
    mission: str
    instrument: str
    days_ago: int
    ratings: dict
    summary: str
    improvement_plan: bool
    findings: tuple  # (text, course codes, categories)


DEMO_EVALUATIONS = (
    DemoEvaluation(
        "GHA-INF-01", "UNMISS", "fc_unit_eval", 75,
        {"command_and_control": 4, "training": 3, "protection_of_civilians": 2, "conduct_discipline": 4,
         "medical": 2, "equipment": 3, "logistics": 3, "safety_security": 3},
        "Well commanded and disciplined; protection of civilians reporting and night casualty evacuation "
        "fall short of the standard.", True,
        (("Casualty evacuation drills slow at night", ("UNBFAC",), ("medical",)),
         ("Patrols did not report protection-of-civilians threats", ("CPTM-2.5",), ("protection_of_civilians",)),
         ("Drivers unsure of the mission's rules on the use of force at checkpoints", ("ROE-UOF",), ())),
    ),
    DemoEvaluation(
        "GHA-INF-01", "UNMISS", "fhq_eval", 420,
        {"command_and_control": 3, "training": 4, "safety_security": 4},
        "Battalion staff integrated well with the sector headquarters.", False,
        (("Staff officers new to UN planning formats", ("UNSOC",), ()),),
    ),
    DemoEvaluation(
        "GHA-FPU-02", "MINUSCA", "fpu_paer", 300,
        {"command_and_control": 3, "training": 3, "protection_of_civilians": 3, "conduct_discipline": 5,
         "equipment": 2},
        "Previous rotation: sound public order drills, gaps in graduated use of force.", False,
        (("Graduated use of force not applied consistently in crowd control", ("ROE-UOF", "FPU-PDT"), ()),),
    ),
    DemoEvaluation(
        "RWA-INF-05", "MINUSCA", "fc_unit_eval", 160,
        {"command_and_control": 5, "training": 4, "protection_of_civilians": 4, "conduct_discipline": 5,
         "medical": 4},
        "Previous rotation: a strong battalion; community engagement can reach more women.", False,
        (("Community engagement patrols rarely met women of the villages", ("EP-PDT",), ("women_peace_security",)),),
    ),
    DemoEvaluation(
        "NPL-INF-09", "UNIFIL", "fc_unit_eval", 230,
        {"command_and_control": 4, "training": 2, "safety_security": 2, "equipment": 3},
        "Route clearance and convoy drills need refreshing.", False,
        (("Convoys stopped without counter-IED drills", ("CIED",), ()),
         ("", (), ("rules_of_engagement",))),
    ),
)


def seed_demo(session: Session, *, today: date) -> dict[str, int]:
    """Create the demo evaluations that do not exist yet; returns counts of what was created."""
    units = dict(session.execute(sa.select(Unit.code, Unit.id)).all())
    existing = set(session.execute(sa.select(Evaluation.unit_id, Evaluation.instrument)).all())
    created = 0
    for demo in DEMO_EVALUATIONS:
        unit_id = units.get(demo.unit)
        if unit_id is None or (unit_id, demo.instrument) in existing:
            continue
        service.create_evaluation(session, actor=SEED, fields=_fields(demo, today), today=today)
        created += 1
    return {"evaluations": created}


def _fields(demo: DemoEvaluation, today: date) -> EvaluationCreate:
    return EvaluationCreate(
        unit=demo.unit, mission=demo.mission, instrument=demo.instrument,
        evaluated_on=today - timedelta(days=demo.days_ago), ratings=demo.ratings, summary=demo.summary,
        improvement_plan_required=demo.improvement_plan,
        findings=[{"text": text, "courses": list(courses), "categories": list(categories)}
                  for text, courses, categories in demo.findings],
    )
