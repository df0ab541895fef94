"""JSON: who the caller is (useful to check an API token)."""

from fastapi import APIRouter

from readiness.web.auth import CurrentActor

router = APIRouter(prefix="/api/v1", tags=["accounts"])


@router.get("/me")
def me(actor: CurrentActor) -> dict:
    """The caller's e-mail, role and the countries they may read (null: every country)."""
    countries = actor.readable_countries()
    return {
        "email": actor.email,
        "role": actor.role.value,
        "country": actor.country_code,
        "readable_countries": None if countries is None else sorted(countries),
    }
