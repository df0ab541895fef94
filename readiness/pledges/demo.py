"""Demo data for pledges (called by readiness.seeding.demo.load_demo_data; creates only what is missing).

The ministerials are real (seed/ministerials.yaml); every pledge and progress note here is
illustrative, and its text says so. A pledge is matched on (event, country, category, detail) and
a note on its text, so a second run creates nothing.
"""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from readiness.accounts.demo import SEED
from readiness.pledges import repository, service
from readiness.pledges.schemas import NoteCreate, PledgeCreate

MARK = " (illustrative)"


@dataclass(frozen=True)
class DemoPledge:
    event: str
    country: str
    category: str
    detail: str
    status: str
    unit: str | None = None
    notes: tuple[tuple[date, str], ...] = ()


DEMO_PLEDGES = (
    DemoPledge("seoul-2021", "GHA", "units", "A level 2 hospital", "fulfilled", "GHA-L2H-03",
               ((date(2022, 6, 15), "Registered in PCRS at level 1"),
                (date(2023, 3, 10), "Assessment and advisory visit passed; the hospital reached level 2"))),
    DemoPledge("seoul-2021", "RWA", "training", "Two regional formed police unit courses a year", "fulfilled",
               notes=((date(2023, 11, 20), "Fourth course held; the pledge is met"),)),
    DemoPledge("seoul-2021", "BGD", "medical", "Field medical assistant training for contingent medics",
               "fulfilled", notes=((date(2022, 9, 5), "First forty medics trained"),)),
    DemoPledge("seoul-2021", "IND", "technology", "Telemedicine support to field hospitals", "in_progress",
               notes=((date(2023, 5, 2), "Equipment delivered to two hospitals; training under way"),)),
    DemoPledge("seoul-2021", "NPL", "wps", "Raise the share of women in contingents", "in_progress"),
    DemoPledge("seoul-2021", "IDN", "units", "An infantry battalion", "fulfilled", "IDN-INF-27"),
    DemoPledge("accra-2023", "GHA", "training", "Protection of civilians courses at KAIPTC for the region",
               "in_progress", notes=((date(2024, 9, 12), "Two courses held; twelve countries attended"),)),
    DemoPledge("accra-2023", "RWA", "units", "A formed police unit", "in_progress", "RWA-FPU-06",
               ((date(2024, 4, 8), "Registered in PCRS"), (date(2025, 2, 17), "Assessment and advisory visit done"))),
    DemoPledge("accra-2023", "NPL", "units", "An engagement platoon, at least half of it women", "in_progress",
               "NPL-EP-11", ((date(2024, 7, 1), "Platoon formed; pre-deployment training started"),)),
    DemoPledge("accra-2023", "PAK", "safety", "Counter-IED training for every deploying unit", "announced"),
    DemoPledge("accra-2023", "SEN", "units", "A formed police unit", "announced", "SEN-FPU-24"),
    DemoPledge("berlin-2025", "GHA", "units", "An engagement platoon", "announced", "GHA-EP-04",
               ((date(2025, 9, 22), "Women's share of the platoon at one third; recruitment continues"),)),
    DemoPledge("berlin-2025", "GHA", "wps", "Women in every formed police unit section", "announced"),
    DemoPledge("berlin-2025", "IND", "units", "An engineering company", "in_progress", "IND-ENG-20"),
    DemoPledge("berlin-2025", "PAK", "units", "An engagement platoon", "announced", "PAK-EP-23"),
    DemoPledge("berlin-2025", "BGD", "technology", "An unmanned aircraft systems unit", "announced"),
    DemoPledge("berlin-2025", "IDN", "training", "French language training for police officers", "announced"),
    DemoPledge("berlin-2025", "SEN", "training", "A mobile training team for the sub-region", "withdrawn",
               notes=((date(2025, 10, 6), "Withdrawn: the instructors are needed for national courses"),)),
)


def seed_demo(session: Session, *, today: date) -> dict[str, int]:
    """Create the demo pledges and progress notes that do not exist yet; returns counts of what was created."""
    counts = {"pledges": 0, "pledge_notes": 0}
    for demo in DEMO_PLEDGES:
        event = repository.event_by_code(session, demo.event)
        if event is None or not repository.country_exists(session, demo.country):
            continue
        pledge = repository.find(session, event_id=event.id, country_code=demo.country, category=demo.category,
                                 detail=demo.detail + MARK)
        if pledge is None:
            pledge_id = _create(session, demo)
            counts["pledges"] += 1
        else:
            pledge_id = pledge.id
        counts["pledge_notes"] += _add_notes(session, pledge_id, demo, today)
    return counts


def _create(session: Session, demo: DemoPledge) -> int:
    unit = demo.unit if demo.unit and repository.unit_by_code(session, demo.unit) else None
    fields = PledgeCreate(event=demo.event, country=demo.country, category=demo.category, detail=demo.detail + MARK,
                          status=demo.status, unit=unit)
    return service.create_pledge(session, actor=SEED, fields=fields).id


def _add_notes(session: Session, pledge_id: int, demo: DemoPledge, today: date) -> int:
    added = 0
    for noted_on, text in demo.notes:
        text = text + MARK
        if noted_on > today or repository.has_note(session, pledge_id, text):
            continue
        service.add_note(session, actor=SEED, pledge_id=pledge_id, note=NoteCreate(noted_on=noted_on, text=text),
                         today=today)
        added += 1
    return added
