"""JSON API for missions (/api/v1/missions) with their requirements at their latest version."""

from fastapi import APIRouter
from pydantic import BaseModel

from readiness.missions import service
from readiness.requirements.schemas import RequirementOut
from readiness.web.auth import CurrentActor
from readiness.web.deps import SessionDep

router = APIRouter(prefix="/api/v1/missions", tags=["missions"])


class MissionOut(BaseModel):
    acronym: str
    name: str
    status: str
    requirements: list[RequirementOut]


@router.get("", response_model=list[MissionOut])
def list_missions(session: SessionDep, _actor: CurrentActor) -> list[MissionOut]:
    """Every mission by acronym, with the latest version of each of its requirements."""
    return [MissionOut(acronym=entry.mission.acronym, name=entry.mission.name, status=entry.mission.status,
                       requirements=entry.requirements)
            for entry in service.missions_with_requirements(session)]
