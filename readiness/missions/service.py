"""The missions list and the choices of the comparison's filters."""

from dataclasses import dataclass

from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.missions import repository
from readiness.models import Country, Mission
from readiness.requirements import service as requirements
from readiness.requirements.schemas import RequirementOut


@dataclass(frozen=True)
class MissionRequirements:
    """A mission and the latest version of each of its requirements."""

    mission: Mission
    requirements: list[RequirementOut]


def missions_with_requirements(session: Session) -> list[MissionRequirements]:
    """Every mission, by acronym, with its requirements at their latest version."""
    latest = latest_versions(requirements.list_requirements(session))
    return [
        MissionRequirements(mission, [r for r in latest if r.mission == mission.acronym])
        for mission in repository.missions(session)
    ]


def latest_versions(versions: list[RequirementOut]) -> list[RequirementOut]:
    """The latest version of each code, by code (versions arrive by code then version)."""
    latest: dict[str, RequirementOut] = {}
    for requirement in versions:
        latest[requirement.code] = requirement
    return list(latest.values())


def country_choices(session: Session, *, actor: Actor) -> list[Country]:
    """The countries the actor may filter the comparison by: those it may read."""
    return repository.countries(session, actor.readable_countries())
