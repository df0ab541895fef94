"""Demo accounts: one user per role, with published passwords, for demonstrations only."""

from dataclasses import dataclass

from sqlmodel import Session

from readiness.accounts import repository
from readiness.accounts.scope import Actor
from readiness.accounts.service import create_user
from readiness.models import PartnerCountry, Role

# The demo seed's own name in the audit trail.
SEED = Actor(email="seed", role=Role.admin)
DEMO_PARTNER = "GPOI"
DEMO_PARTNER_COUNTRIES = ("GHA", "RWA")


@dataclass(frozen=True)
class DemoUser:
    email: str
    password: str
    role: Role
    country: str | None = None
    centre: str | None = None
    partner: str | None = None


# Documented in README.md (Demo accounts); never use these outside a demonstration.
DEMO_USERS = (
    DemoUser("admin@demo.readiness", "demo-admin-2026", Role.admin),
    DemoUser("centre.gha@demo.readiness", "demo-centre-2026", Role.training_centre, "GHA", "KAIPTC"),
    DemoUser("forcegen.gha@demo.readiness", "demo-forcegen-2026", Role.force_generation, "GHA"),
    DemoUser("planner@demo.readiness", "demo-planner-2026", Role.mission_planner),
    DemoUser("partner.gpoi@demo.readiness", "demo-partner-2026", Role.partner, partner=DEMO_PARTNER),
)


def ensure_demo_users(session: Session) -> int:
    """Create the demo users (and GPOI's supported countries) that are missing; the number created."""
    _ensure_partner_countries(session)
    created = 0
    for demo in DEMO_USERS:
        if repository.user_by_email(session, demo.email) is None:
            create_user(session, actor=SEED, email=demo.email, password=demo.password, role=demo.role,
                        country_code=demo.country, centre_code=demo.centre, partner_code=demo.partner)
            created += 1
    return created


def _ensure_partner_countries(session: Session) -> None:
    partner = repository.partner_by_code(session, DEMO_PARTNER)
    if partner is None:
        raise RuntimeError(f"reference data is missing partner {DEMO_PARTNER}: run `readiness seed reference`")
    supported = repository.partner_countries(session, partner.id)
    for country_code in DEMO_PARTNER_COUNTRIES:
        if country_code not in supported:
            repository.add(session, PartnerCountry(partner_id=partner.id, country_code=country_code))
