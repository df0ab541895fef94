"""Units as the API shows them."""

from datetime import date

from pydantic import BaseModel, ConfigDict


class UnitFilter(BaseModel):
    country: str | None = None
    unit_type: str | None = None
    pcrs_level: str | None = None
    mission: str | None = None
    status: str | None = None
    search: str | None = None


class UnitPublic(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    code: str
    name: str
    country: str
    unit_type: str
    authorised_strength: int
    strength: int
    women: int
    pcrs_level: str | None
    target_mission: str | None
    planned_deployment: date | None
    status: str
