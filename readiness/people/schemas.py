"""People (personal data) as the API shows them to the roles allowed to see them."""

from pydantic import BaseModel


class PersonPublic(BaseModel):
    id: int
    country: str
    service_number: str
    family_name: str | None
    given_name: str | None
    gender: str
    rank: str | None
    role: str | None
    unit: str | None
