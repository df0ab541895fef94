"""Demo data: eight contributing countries, thirty units, about three thousand people.

Everything is generated from a fixed random seed, so the same seed and reference day give
the same data. Units that already exist are left alone, which makes a second run a no-op.
The people, names and figures are illustrative, not records of real personnel.
"""

import random
from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta
from sqlalchemy import func, insert
from sqlmodel import Session, select

from readiness.accounts.demo import ensure_demo_users
from readiness.caveats import demo as caveats_demo
from readiness.evaluations import demo as evaluations_demo
from readiness.needs import demo as needs_demo
from readiness.parity import demo as parity_demo
from readiness.partnerships import demo as partnerships_demo
from readiness.planning import demo as planning_demo
from readiness.pcrs import demo as pcrs_demo
from readiness.pledges import demo as pledges_demo
from readiness.models import (
    Assignment,
    Completion,
    CompletionResult,
    CompletionSource,
    Course,
    Mission,
    PcrsLevel,
    Person,
    Requirement,
    RequirementLine,
    TrainingCentre,
    Unit,
    UnitStatus,
    UnitType,
)

# Demo rosters are cut to this many people so that the demo stays small (an infantry
# battalion is about 850 strong); authorised strength keeps the real figure.
ROSTER_CAP = 140
RECORDED_BY = "seed demo"


@dataclass(frozen=True)
class Profile:
    """How well a unit's people are trained: the share holding each course, and how long ago."""

    trained_share: tuple[float, float]
    months_ago: tuple[int, int]
    women_pct: tuple[float, float]
    level: PcrsLevel | None
    status: UnitStatus
    # Days from the reference day to the planned deployment (negative: deployed already).
    deploys_in: tuple[int, int]


# A ready unit deploys soon and trained recently, so that even 12-month courses are still
# valid on its deployment date; an "expired" one trained long ago.
PROFILES = {
    "ready": Profile((1.0, 1.0), (0, 5), (17, 25), PcrsLevel.RDL, UnitStatus.pledged, (30, 120)),
    "partial": Profile((0.78, 0.95), (2, 20), (6, 16), PcrsLevel.L2, UnitStatus.pledged, (45, 300)),
    "expired": Profile((1.0, 1.0), (18, 34), (5, 15), PcrsLevel.L3, UnitStatus.pledged, (60, 300)),
    "early": Profile((0.25, 0.5), (1, 10), (3, 10), PcrsLevel.L1, UnitStatus.forming, (120, 365)),
    "deployed": Profile((0.95, 1.0), (8, 16), (8, 18), PcrsLevel.L3, UnitStatus.deployed, (-200, -90)),
}

# (country, unit type slug, target mission or None, profile)
UNIT_PLAN = [
    ("GHA", "infantry_battalion", "UNMISS", "deployed"),
    ("GHA", "formed_police_unit", "MINUSCA", "partial"),
    ("GHA", "level2_hospital", "UNMISS", "ready"),
    ("GHA", "engagement_platoon", "UNISFA", "partial"),
    ("RWA", "infantry_battalion", "MINUSCA", "ready"),
    ("RWA", "formed_police_unit", "MINUSCA", "ready"),
    ("RWA", "level2_hospital", "MINUSCA", "partial"),
    ("RWA", "level1_hospital", None, "early"),
    ("NPL", "infantry_battalion", "UNIFIL", "expired"),
    ("NPL", "formed_police_unit", "MINUSCA", "partial"),
    ("NPL", "engagement_platoon", "UNISFA", "ready"),
    ("NPL", "military_police_company", None, "partial"),
    ("BGD", "infantry_battalion", "MONUSCO", "partial"),
    ("BGD", "formed_police_unit", "MONUSCO", "expired"),
    ("BGD", "level2_hospital", "MONUSCO", "ready"),
    ("BGD", "uas_unit", None, "early"),
    ("IND", "infantry_battalion", "UNMISS", "ready"),
    ("IND", "level2_hospital", "UNMISS", "expired"),
    ("IND", "formed_police_unit", "UNMISS", "ready"),
    ("IND", "engineering_company", "UNMISS", "partial"),
    ("PAK", "infantry_battalion", "MONUSCO", "expired"),
    ("PAK", "level2_hospital", "MONUSCO", "partial"),
    ("PAK", "engagement_platoon", "UNISFA", "early"),
    ("SEN", "formed_police_unit", "MINUSCA", "partial"),
    ("SEN", "infantry_battalion", "MINUSCA", "early"),
    ("SEN", "level1_hospital", None, "partial"),
    ("IDN", "infantry_battalion", "UNIFIL", "ready"),
    ("IDN", "formed_police_unit", "MINUSCA", "early"),
    ("IDN", "level2_hospital", "UNMISS", "partial"),
    ("IDN", "military_police_company", None, "ready"),
]

UNIT_ABBREVIATIONS = {
    "infantry_battalion": "INF",
    "formed_police_unit": "FPU",
    "level1_hospital": "L1H",
    "level2_hospital": "L2H",
    "engagement_platoon": "EP",
    "military_police_company": "MP",
    "uas_unit": "UAS",
    "engineering_company": "ENG",
}

# Role mix per unit type: (role, share); the first role takes whatever share is left.
ROLE_MIX = {
    "formed_police_unit": [("police_officer", 0), ("commander", 0.04), ("driver", 0.1),
                           ("medic", 0.04), ("interpreter", 0.02)],
    "level1_hospital": [("medic", 0), ("doctor", 0.18), ("nurse", 0.3), ("commander", 0.09)],
    "level2_hospital": [("nurse", 0), ("doctor", 0.15), ("medic", 0.3), ("driver", 0.1),
                        ("commander", 0.04)],
    "engagement_platoon": [("rifleman", 0), ("commander", 0.07), ("interpreter", 0.1),
                           ("medic", 0.07)],
    "uas_unit": [("uas_operator", 0), ("signaller", 0.2), ("commander", 0.05)],
    "engineering_company": [("engineer", 0), ("driver", 0.15), ("commander", 0.04)],
}
DEFAULT_ROLE_MIX = [("rifleman", 0), ("commander", 0.04), ("driver", 0.08), ("medic", 0.05),
                    ("signaller", 0.04), ("staff_officer", 0.03), ("uas_operator", 0.02)]
RANKS = {"commander": "Major", "staff_officer": "Captain", "doctor": "Captain",
         "police_officer": "Constable", "nurse": "Sergeant"}

# Illustrative given and family names per country, for the demo only.
NAMES = {
    "GHA": (["Kwame", "Ama", "Kofi", "Abena", "Yaw", "Akosua", "Kojo", "Efua"],
            ["Mensah", "Owusu", "Boateng", "Asante", "Osei", "Addo", "Agyeman", "Quaye"]),
    "RWA": (["Jean", "Aline", "Eric", "Diane", "Claude", "Grace", "Patrick", "Josiane"],
            ["Habimana", "Uwase", "Niyonzima", "Mukamana", "Nkurunziza", "Ingabire", "Mugisha"]),
    "NPL": (["Ram", "Sita", "Bishnu", "Gita", "Hari", "Kamala", "Suresh", "Anita"],
            ["Shrestha", "Gurung", "Tamang", "Thapa", "Rai", "Magar", "Karki", "Adhikari"]),
    "BGD": (["Rahim", "Fatema", "Karim", "Nasrin", "Habib", "Sumaiya", "Tanvir", "Rokeya"],
            ["Hossain", "Rahman", "Islam", "Akter", "Chowdhury", "Uddin", "Begum", "Sarker"]),
    "IND": (["Arjun", "Priya", "Vikram", "Anjali", "Rahul", "Kavita", "Sanjay", "Meera"],
            ["Singh", "Sharma", "Patel", "Nair", "Reddy", "Gupta", "Iyer", "Das"]),
    "PAK": (["Ahmed", "Ayesha", "Bilal", "Sana", "Usman", "Hina", "Imran", "Mehwish"],
            ["Khan", "Malik", "Qureshi", "Butt", "Chaudhry", "Shah", "Abbasi", "Raza"]),
    "SEN": (["Mamadou", "Awa", "Ousmane", "Fatou", "Cheikh", "Aminata", "Ibrahima", "Khady"],
            ["Diop", "Ndiaye", "Fall", "Sarr", "Faye", "Ba", "Sy", "Gueye"]),
    "IDN": (["Agus", "Dewi", "Budi", "Siti", "Eko", "Rina", "Joko", "Wulan"],
            ["Santoso", "Wijaya", "Pratama", "Lestari", "Hidayat", "Saputra", "Kusuma"]),
}
CENTRE_OF = {"GHA": "KAIPTC", "RWA": "RPA", "NPL": "BPOTC", "BGD": "BIPSOT", "IND": "CUNPK",
             "PAK": "CIPS", "IDN": "PMPP", "ETH": "PSTC", "KEN": "IPSTC"}
# Courses most people also hold, whatever their unit's target requirement.
COMMON_COURSES = ["CPTM-1.1", "CPTM-1.5", "CPTM-2.5", "CPTM-3.3", "PSEA-ONL"]
WAIVABLE = {"UNBFAC": "Qualified paramedic: national certificate recognised by the unit's medical officer"}


# Caveats, evaluations, partnerships, pledges, needs, sessions and parity, in dependency order:
# each creates only what is missing, so a second seeding changes nothing.
PARTNERSHIP_DEMOS = [
    planning_demo.seed_demo, pcrs_demo.seed_demo, caveats_demo.seed_demo, evaluations_demo.seed_demo,
    partnerships_demo.seed_demo, pledges_demo.seed_demo, needs_demo.seed_demo, parity_demo.seed_demo,
]


def load_demo_data(session: Session, *, seed: int, today: date) -> dict[str, int]:
    """Create the demo units that do not exist yet, with their people, rosters and completions."""
    rng = random.Random(seed)
    catalogue = _Catalogue.load(session)
    existing = set(session.exec(select(Unit.code)).all())
    counts: Counter = Counter(units=0, people=0, assignments=0, completions=0)
    planned = [(_unit_code(plan, index), plan) for index, plan in enumerate(UNIT_PLAN)]
    new_units = []
    for code, (country, type_slug, mission, profile_name) in planned:
        # Draw for every unit, created or not, so one unit's data never depends on another's.
        unit_rng = random.Random(rng.random())
        if code not in existing:
            new_units.append((code, country, type_slug, mission, PROFILES[profile_name], unit_rng))
    next_number = _next_service_numbers(session)
    for code, country, type_slug, mission, profile, unit_rng in new_units:
        unit = _create_unit(session, catalogue, code, country, type_slug, mission, profile,
                            unit_rng, today)
        counts["units"] += 1
        counts += _populate(session, catalogue, unit, type_slug, profile, unit_rng, today,
                            next_number)
    counts["users"] = ensure_demo_users(session)
    session.flush()
    for seed_feature in PARTNERSHIP_DEMOS:
        counts.update(seed_feature(session, today=today))
    session.flush()
    return dict(counts)


def _unit_code(plan: tuple, index: int) -> str:
    country, type_slug, _mission, _profile = plan
    return f"{country}-{UNIT_ABBREVIATIONS[type_slug]}-{index + 1:02d}"


class _Catalogue:
    """Reference rows the generator needs, looked up once."""

    def __init__(self, unit_types, missions, courses, centres, requirement_lines):
        self.unit_types = unit_types
        self.missions = missions
        self.courses = courses
        self.centres = centres
        self.requirement_lines = requirement_lines

    @classmethod
    def load(cls, session: Session) -> "_Catalogue":
        unit_types = {t.slug: t for t in session.exec(select(UnitType)).all()}
        if not unit_types:
            raise RuntimeError("reference data is missing: run `readiness seed reference` first")
        return cls(
            unit_types,
            {m.acronym: m for m in session.exec(select(Mission)).all()},
            {c.code: c for c in session.exec(select(Course)).all()},
            {c.code: c for c in session.exec(select(TrainingCentre)).all()},
            _latest_requirement_lines(session),
        )


def _latest_requirement_lines(session: Session) -> dict[tuple[int, int], list[tuple[str, str | None]]]:
    """(mission id, unit type id) → [(course code, role)] of the latest requirement version."""
    latest = (
        select(Requirement.code, func.max(Requirement.version).label("version"))
        .group_by(Requirement.code)
        .subquery()
    )
    rows = session.exec(
        select(Requirement.mission_id, Requirement.unit_type_id, Course.code, RequirementLine.role)
        .join(latest, (latest.c.code == Requirement.code) & (latest.c.version == Requirement.version))
        .join(RequirementLine, RequirementLine.requirement_id == Requirement.id)
        .join(Course, Course.id == RequirementLine.course_id)
    ).all()
    lines: dict[tuple[int, int], list[tuple[str, str | None]]] = {}
    for mission_id, unit_type_id, course_code, role in rows:
        lines.setdefault((mission_id, unit_type_id), []).append((course_code, role))
    return lines


def _create_unit(session, catalogue, code, country, type_slug, mission, profile, rng, today) -> Unit:
    unit_type = catalogue.unit_types[type_slug]
    offset = rng.randint(*profile.deploys_in)
    unit = Unit(
        code=code,
        country_code=country,
        name=f"{country} {unit_type.name} {code[-2:]}",
        unit_type_id=unit_type.id,
        authorised_strength=unit_type.typical_strength,
        pcrs_level=profile.level,
        target_mission_id=catalogue.missions[mission].id if mission else None,
        planned_deployment=today + timedelta(days=offset) if mission else None,
        status=profile.status if mission else UnitStatus.forming,
    )
    session.add(unit)
    session.flush()
    return unit


def _populate(session, catalogue, unit, type_slug, profile, rng, today, next_number) -> Counter:
    size = min(catalogue.unit_types[type_slug].typical_strength, ROSTER_CAP)
    women_share = rng.uniform(*profile.women_pct) / 100
    people = [_person(rng, unit.country_code, type_slug, women_share, next_number)
              for _ in range(size)]
    session.execute(insert(Person), people)
    ids = _person_ids(session, unit.country_code, [p["service_number"] for p in people])
    start = (unit.planned_deployment or today) - timedelta(days=rng.randint(120, 400))
    start = min(start, today)
    session.execute(insert(Assignment), [
        {"person_id": ids[p["service_number"]], "unit_id": unit.id, "start_on": start}
        for p in people
    ])
    required = catalogue.requirement_lines.get((unit.target_mission_id, unit.unit_type_id), [])
    completions = []
    trained_share = rng.uniform(*profile.trained_share)
    for person in people:
        courses = _courses_for(person["role"], required)
        completions += _completions(rng, catalogue, unit, ids[person["service_number"]],
                                    courses, trained_share, profile, today)
    if completions:
        session.execute(insert(Completion), completions)
    return Counter(people=len(people), assignments=len(people), completions=len(completions))


def _person(rng, country, type_slug, women_share, next_number) -> dict:
    given, family = NAMES[country]
    next_number[country] += 1
    role = _draw_role(rng, ROLE_MIX.get(type_slug, DEFAULT_ROLE_MIX))
    return {
        "country_code": country,
        "service_number": f"{country[:2]}{next_number[country]:06d}",
        "family_name": rng.choice(family),
        "given_name": rng.choice(given),
        "gender": "F" if rng.random() < women_share else "M",
        "rank": RANKS.get(role, "Corporal" if role in ("medic", "signaller") else "Private"),
        "role": role,
    }


def _draw_role(rng, mix) -> str:
    draw = rng.random()
    for role, share in mix[1:]:
        if draw < share:
            return role
        draw -= share
    return mix[0][0]


def _next_service_numbers(session: Session) -> Counter:
    """The number of people already held per country: new service numbers continue from there."""
    rows = session.exec(select(Person.country_code, func.count(Person.id)).group_by(Person.country_code))
    return Counter(dict(rows.all()))


def _person_ids(session, country, service_numbers) -> dict[str, int]:
    rows = session.exec(
        select(Person.service_number, Person.id).where(
            Person.country_code == country, Person.service_number.in_(service_numbers)
        )
    ).all()
    return dict(rows)


def _courses_for(role: str, required: list[tuple[str, str | None]]) -> list[str]:
    codes = [code for code, line_role in required if line_role in (None, role)]
    return list(dict.fromkeys(codes + COMMON_COURSES))


def _completions(rng, catalogue, unit, person_id, courses, trained_share, profile, today) -> list[dict]:
    rows = []
    centre = catalogue.centres.get(CENTRE_OF.get(unit.country_code, ""))
    for code in courses:
        course = catalogue.courses.get(code)
        if course is None or rng.random() > trained_share:
            continue
        completed_on = today - relativedelta(months=rng.randint(*profile.months_ago),
                                             days=rng.randint(0, 27))
        base = {"person_id": person_id, "course_id": course.id,
                "centre_id": centre.id if centre else None, "source": CompletionSource.seed,
                "source_ref": f"demo:{unit.code}", "recorded_by": RECORDED_BY,
                "waiver_reason": None, "score": None}
        if code in WAIVABLE and rng.random() < 0.02:
            rows.append({**base, "completed_on": completed_on, "result": CompletionResult.waived,
                         "waiver_reason": WAIVABLE[code]})
            continue
        if course.assessed and rng.random() < 0.06:
            # A first attempt failed; the person passed a re-sit a few weeks later.
            rows.append({**base, "completed_on": completed_on - timedelta(days=rng.randint(20, 60)),
                         "result": CompletionResult.failed, "score": float(rng.randint(30, 59))})
        result = CompletionResult.passed if course.assessed else CompletionResult.completed
        score = float(rng.randint(60, 100)) if course.assessed else None
        rows.append({**base, "completed_on": completed_on, "result": result, "score": score})
    return rows


