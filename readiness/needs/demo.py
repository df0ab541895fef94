"""Demo data for needs (called by readiness.seeding.demo.load_demo_data; creates only what is missing).

Every stated need here is illustrative: its note says so. Dates are days from the reference day,
so the needs stay ahead whenever the demo is loaded. A need is matched on (country, course or
capability), so a second run creates nothing. Derived needs are not seeded: they come from the
demo units (pledged, or forming with a target mission) by themselves.
"""

from dataclasses import dataclass
from datetime import date, timedelta

from sqlmodel import Session

from readiness.accounts.demo import SEED
from readiness.models import NeedStatus
from readiness.needs import repository, service
from readiness.needs.repository import NeedFilter
from readiness.needs.schemas import NeedCreate, NeedUpdate

ILLUSTRATIVE = "Illustrative demo record."


@dataclass(frozen=True)
class DemoNeed:
    country: str
    category: str
    course: str | None
    capability: str | None
    quantity: int
    needed_in_days: int | None
    status: str
    note: str


DEMO_NEEDS = (
    DemoNeed("GHA", "training", "UAS-OPS", None, 12, 240, "open",
             "Operators for the small unmanned aircraft of the engagement platoon."),
    DemoNeed("GHA", "mentoring", None, "Mentoring on the protection of civilians for company commanders", 6, 180,
             "open", "Mentors through the last pre-deployment exercise."),
    DemoNeed("RWA", "equipment", None, "Equipment for a level 2 hospital: sterilisation and surgical lighting", 1,
             300, "open", "One set for the hospital pledged to MINUSCA."),
    DemoNeed("RWA", "training", "FMAC", None, 20, 200, "open", "Field medical assistants for the level 2 hospital."),
    DemoNeed("NPL", "training", "CIED", None, 30, 270, "open", "Counter-IED for the infantry battalion's engineers."),
    DemoNeed("NPL", "advise_and_assist", None, "Advice on camp security technology (C4ISR)", 1, None, "open",
             "A visit to the training centre, then remote advice."),
    DemoNeed("BGD", "training", "UAS-OPS", None, 16, 365, "open", "Operators for the UAS unit now forming."),
    DemoNeed("BGD", "lessons_learned", None, "Lessons from the last MONUSCO rotation shared with the centre", 1,
             None, "met", "Shared at the centre's after-action review."),
)


def seed_demo(session: Session, *, today: date) -> dict[str, int]:
    """Create the demo needs that do not exist yet; returns counts of what was created."""
    created = 0
    for demo in DEMO_NEEDS:
        if not repository.country_exists(session, demo.country) or _exists(session, demo):
            continue
        if demo.course and repository.course_by_code(session, demo.course) is None:
            continue
        need = service.create_need(session, actor=SEED, fields=_fields(demo, today), today=today)
        if demo.status != NeedStatus.open.value:
            service.update_need(session, actor=SEED, need_id=need.id, changes=NeedUpdate(status=demo.status),
                                today=today)
        created += 1
    return {"needs": created}


def _fields(demo: DemoNeed, today: date) -> NeedCreate:
    needed_by = today + timedelta(days=demo.needed_in_days) if demo.needed_in_days is not None else None
    return NeedCreate(country=demo.country, category=demo.category, course=demo.course, capability=demo.capability,
                      quantity=demo.quantity, needed_by=needed_by, note=f"{ILLUSTRATIVE} {demo.note}")


def _exists(session: Session, demo: DemoNeed) -> bool:
    stated = repository.needs(session, NeedFilter(country=demo.country))
    return any(row["course"] == demo.course and row["capability"] == demo.capability for row in stated)
