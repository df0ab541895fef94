"""Demo data for partnerships (called by readiness.seeding.demo.load_demo_data; creates only what is missing).

The partners are the real ones of seed/partners.csv, but every partnership here is illustrative:
its note says so. A partnership is matched on (partner, country, title), so a second run creates nothing.
"""

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from readiness.accounts.demo import SEED
from readiness.partnerships import repository, service
from readiness.partnerships.schemas import PartnershipCreate

ILLUSTRATIVE = "Illustrative demo record, not a real partnership."


@dataclass(frozen=True)
class DemoPartnership:
    partner: str
    country: str
    title: str
    categories: tuple[str, ...]
    courses: tuple[str, ...]
    start_on: date
    end_on: date | None
    long_term: bool
    status: str
    note: str


DEMO_PARTNERSHIPS = (
    DemoPartnership("GPOI", "GHA", "Pre-deployment training support to KAIPTC", ("training", "equipment"),
                    ("UN-CPDT", "FPU-PDT", "UNBFAC"), date(2023, 1, 9), date(2027, 12, 17), True, "active",
                    "Three pre-deployment cycles a year and training equipment for the centre."),
    DemoPartnership("GPOI", "RWA", "Formed police unit training cycle", ("training", "mentoring"),
                    ("FPU-PDT", "RTP-FP"), date(2024, 3, 4), date(2026, 12, 18), True, "active",
                    "Courses before each rotation, with mentors from the partner in the first weeks."),
    DemoPartnership("GPOI", "SEN", "Training of trainers for the national peacekeeping school",
                    ("training", "advise_and_assist"), ("CPTM-2.5", "CPTM-3.3"), date(2027, 2, 1),
                    date(2027, 6, 25), False, "planned", "A single course for national instructors."),
    DemoPartnership("TPP", "RWA", "Heavy engineering equipment operator course", ("training",), ("HEE-B",),
                    date(2025, 2, 3), date(2025, 3, 14), False, "completed", "Six weeks, one cohort."),
    DemoPartnership("TPP", "BGD", "Engineering instructors and project management", ("training", "equipment"),
                    ("HEE-TOT", "EPM"), date(2026, 1, 12), date(2028, 12, 15), True, "active",
                    "Instructors trained to run the operator course themselves."),
    DemoPartnership("JPN", "NPL", "Buddy first aid and field medical assistant training", ("training", "equipment"),
                    ("UNBFAC", "FMAC"), date(2025, 9, 1), date(2026, 8, 28), False, "active",
                    "Training kits handed over to the centre at the end."),
    DemoPartnership("KOR", "IDN", "UAS and C4ISR capacity-building", ("training", "equipment"),
                    ("UAS-OPS", "C4ISR-TPP"), date(2027, 4, 5), date(2030, 3, 29), True, "planned",
                    "Follows the technology theme of the Seoul ministerial."),
    DemoPartnership("DEU", "SEN", "Mentoring of formed police unit commanders", ("mentoring", "advise_and_assist"),
                    ("FPU-PDT",), date(2025, 6, 2), date(2027, 5, 28), True, "active",
                    "Mentors accompany commanders through pre-deployment and the first month in mission."),
    DemoPartnership("EIF", "NPL", "Support for deploying more uniformed women", ("financial", "lessons_learned"),
                    (), date(2024, 10, 1), date(2026, 9, 30), True, "active",
                    "Funding after a barrier assessment; lessons shared with other contributors."),
    DemoPartnership("UNMAS", "PAK", "Counter-IED training for the infantry battalion", ("training",), ("CIED",),
                    date(2025, 11, 3), date(2025, 11, 21), False, "suspended",
                    "Suspended until the battalion's deployment date is confirmed."),
    DemoPartnership("CAN", "GHA", "Engagement platoon pre-deployment training", ("training", "financial"),
                    ("EP-PDT", "WMPOC"), date(2025, 1, 13), date(2026, 12, 11), True, "active",
                    "Places for women officers on the military observers course."),
    DemoPartnership("ITS", "GHA", "Review of lessons learned from the last rotation", ("lessons_learned",), (),
                    date(2026, 5, 4), None, False, "planned", "Open-ended review with the centre's staff."),
)


def seed_demo(session: Session, *, today: date) -> dict[str, int]:
    """Create the demo partnerships that do not exist yet; returns counts of what was created."""
    created = 0
    known_courses = repository.course_ids_by_code(session, sorted({c for d in DEMO_PARTNERSHIPS for c in d.courses}))
    for demo in DEMO_PARTNERSHIPS:
        partner = repository.partner_by_code(session, demo.partner)
        if partner is None or repository.find(session, partner_id=partner.id, country_code=demo.country,
                                              title=demo.title) is not None:
            continue
        fields = PartnershipCreate(
            partner=demo.partner, country=demo.country, title=demo.title, categories=list(demo.categories),
            courses=[code for code in demo.courses if code in known_courses], start_on=demo.start_on,
            end_on=demo.end_on, long_term=demo.long_term, status=demo.status, note=f"{ILLUSTRATIVE} {demo.note}")
        service.create_partnership(session, actor=SEED, fields=fields)
        created += 1
    return {"partnerships": created}
