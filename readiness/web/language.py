"""The language choice: a cookie for everyone, remembered on the account of a signed-in user."""

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse

from readiness.accounts import repository as accounts
from readiness.web import auth
from readiness.web.deps import SessionDep
from readiness.web.i18n import SUPPORTED_LOCALES

LOCALE_COOKIE = "locale"
ONE_YEAR = 365 * 24 * 3600

router = APIRouter()


def set_locale_cookie(response, locale: str) -> None:
    response.set_cookie(LOCALE_COOKIE, locale, max_age=ONE_YEAR, httponly=True, samesite="lax")


@router.post("/language", name="choose_language")
def choose_language(request: Request, session: SessionDep,
                    language: Annotated[str, Form()], next: Annotated[str, Form()] = "/"):
    """Switch the interface language and go back to the page the user was on."""
    locale = language if language in SUPPORTED_LOCALES else SUPPORTED_LOCALES[0]
    actor = getattr(request.state, "actor", None)
    if actor is not None and actor.user_id is not None:
        accounts.set_locale(session, actor.user_id, locale)
    response = RedirectResponse(auth.safe_next(next), status_code=303)
    set_locale_cookie(response, locale)
    return response
