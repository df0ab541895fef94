"""Who is asking: the signed session cookie, bearer tokens on /api/v1, CSRF, and login by default.

Every route of the app depends on `require_login` (set once in create_app), so a new route is
private unless its path is listed in PUBLIC_PATHS. Routes that need the actor ask for it:

    @router.get("/units/{unit_id}")
    def unit_page(unit_id: int, actor: CurrentActor, session: SessionDep): ...

The cookie holds no personal data: a user id, a CSRF token, and the times of sign-in and last
activity, signed with settings.secret_key. It is re-signed on activity (idle timeout), and it
stops working when the user is deactivated or their password changes.
"""

import hashlib
import secrets
import time
from dataclasses import asdict, dataclass, replace
from typing import Annotated
from urllib.parse import quote

from fastapi import Depends, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from itsdangerous import BadSignature, URLSafeSerializer

from readiness.accounts import service as accounts
from readiness.accounts.scope import Actor
from readiness.config import get_settings
from readiness.errors import Forbidden, ReadinessError
from readiness.models import User
from readiness.web.deps import SessionDep
from readiness.web.i18n import gettext as _

SESSION_COOKIE = "readiness_session"
CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
# The only paths that answer without a login (mounted /static/ never reaches a dependency).
PUBLIC_PATHS = frozenset({"/login", "/healthz"})
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
API_PREFIX = "/api/v1/"
# Even an active session ends after this many seconds; a stolen cookie does not live forever.
SESSION_MAX_SECONDS = 12 * 3600
# Re-sign the cookie at most once a minute, not on every request.
REFRESH_AFTER_SECONDS = 60
OUTGOING_COOKIE = "readiness.session_cookie"


def clock() -> float:
    """Seconds since the epoch; tests move it to check the idle timeout."""
    return time.time()


class NotAuthenticated(ReadinessError):
    status_code = 401
    title = "Sign-in needed"


class CsrfRefused(Forbidden):
    """A state-changing request without the session's CSRF token."""


@dataclass(frozen=True)
class BrowserSession:
    csrf: str
    seen: float
    issued: float
    user_id: int | None = None
    password_mark: str | None = None


# --- the cookie -------------------------------------------------------------------------


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(get_settings().secret_key, salt="readiness.session")


def password_mark(user: User) -> str:
    """A short fingerprint of the password hash: a password change ends other sessions."""
    return hashlib.sha256(user.password_hash.encode()).hexdigest()[:16]


def encode_session(browser: BrowserSession) -> str:
    return _serializer().dumps(asdict(browser))


def decode_session(value: str | None) -> BrowserSession | None:
    """The session in a cookie value, or None when forged, malformed, idle or too old."""
    if not value:
        return None
    try:
        browser = BrowserSession(**_serializer().loads(value))
    except (BadSignature, TypeError, ValueError):
        return None
    now = clock()
    idle_limit = get_settings().session_idle_minutes * 60
    if now - browser.seen > idle_limit or now - browser.issued > SESSION_MAX_SECONDS:
        return None
    return browser


def new_session(user: User | None = None) -> BrowserSession:
    """A fresh session (anonymous, or signed in as `user`) with a new CSRF token."""
    now = clock()
    return BrowserSession(
        csrf=secrets.token_urlsafe(32),
        seen=now,
        issued=now,
        user_id=user.id if user else None,
        password_mark=password_mark(user) if user else None,
    )


def cookie_header(browser: BrowserSession | None) -> str:
    """The Set-Cookie value that stores `browser`, or deletes the cookie when None."""
    settings = get_settings()
    response = Response()
    if browser is None:
        response.delete_cookie(SESSION_COOKIE, path="/", httponly=True, samesite="lax",
                               secure=settings.cookie_secure)
    else:
        response.set_cookie(SESSION_COOKIE, encode_session(browser), path="/", httponly=True,
                            samesite="lax", secure=settings.cookie_secure)
    return response.headers["set-cookie"]


def _send_cookie(request: Request, browser: BrowserSession | None) -> None:
    # The security middleware adds this header to whatever response the route returns.
    request.scope[OUTGOING_COOKIE] = cookie_header(browser)
    request.state.browser_session = browser
    request.state.csrf_token = browser.csrf if browser else ""


def start_session(request: Request, user: User) -> None:
    """Sign `user` in: a new session and a new CSRF token (the old one may be known to others)."""
    _send_cookie(request, new_session(user))


def end_session(request: Request, session) -> None:
    """Sign out: the cookie is deleted, and every session of the user issued until now ends,
    so a copy of the cookie taken earlier no longer works."""
    browser = getattr(request.state, "browser_session", None)
    if browser and browser.user_id:
        accounts.record_sign_out(session, browser.user_id, at=clock())
    _send_cookie(request, None)


def ensure_session(request: Request) -> BrowserSession:
    """The request's session, starting an anonymous one so a form (login) can carry a CSRF token."""
    browser = getattr(request.state, "browser_session", None)
    if browser is None:
        browser = new_session()
        _send_cookie(request, browser)
    return browser


# --- who is asking ----------------------------------------------------------------------


def _bearer_token(request: Request) -> str | None:
    scheme, _sep, token = request.headers.get("authorization", "").partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def _actor_from_token(request: Request, session, token: str) -> Actor:
    user = accounts.user_for_token(session, token)
    if user is None:
        raise NotAuthenticated(_("The API token is not valid or was revoked."))
    request.state.via_token = True
    return accounts.actor_for(session, user)


def _actor_from_cookie(request: Request, session) -> Actor | None:
    browser = decode_session(request.cookies.get(SESSION_COOKIE))
    user = accounts.active_user(session, browser.user_id) if browser and browser.user_id else None
    if browser and browser.user_id and (user is None or not _still_signed_in(browser, user)):
        browser = None  # deactivated, password changed or signed out since this sign-in
    request.state.browser_session = browser
    request.state.csrf_token = browser.csrf if browser else ""
    if browser and clock() - browser.seen >= REFRESH_AFTER_SECONDS:
        _send_cookie(request, replace(browser, seen=clock()))
    return accounts.actor_for(session, user) if user and browser else None


def _still_signed_in(browser: BrowserSession, user: User) -> bool:
    if browser.password_mark != password_mark(user):
        return False
    return user.signed_out_at is None or browser.issued > user.signed_out_at


def identify(request: Request, session: SessionDep) -> Actor | None:
    """The actor behind the request, or None: a bearer token on /api/v1, else the cookie."""
    request.state.via_token = False
    token = _bearer_token(request)
    if token is not None and request.url.path.startswith(API_PREFIX):
        actor = _actor_from_token(request, session, token)
    else:
        actor = _actor_from_cookie(request, session)
    request.state.actor = actor
    return actor


def is_public(path: str) -> bool:
    return path in PUBLIC_PATHS


async def _check_csrf(request: Request) -> None:
    if request.method not in UNSAFE_METHODS or request.state.via_token:
        return
    browser = request.state.browser_session
    sent = request.headers.get(CSRF_HEADER) or await _form_token(request)
    if browser is None or not sent or not secrets.compare_digest(str(sent), browser.csrf):
        raise CsrfRefused(
            _("This form is out of date or came from another site. Reload the page and try again.")
        )


async def _form_token(request: Request) -> str | None:
    content_type = request.headers.get("content-type", "")
    if content_type.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
        return (await request.form()).get(CSRF_FIELD)
    return None


async def require_login(request: Request, actor: Annotated[Actor | None, Depends(identify)]) -> None:
    """Set on the whole app: refuse anonymous requests to non-public paths, then check CSRF."""
    if actor is None and not is_public(request.url.path):
        raise NotAuthenticated(_("Sign in to continue."))
    await _check_csrf(request)


def current_actor(actor: Annotated[Actor | None, Depends(identify)]) -> Actor:
    if actor is None:
        raise NotAuthenticated(_("Sign in to continue."))
    return actor


def admin_actor(actor: Annotated[Actor, Depends(current_actor)]) -> Actor:
    if not actor.is_admin:
        raise Forbidden(_("This page is for administrators."))
    return actor


CurrentActor = Annotated[Actor, Depends(current_actor)]
AdminActor = Annotated[Actor, Depends(admin_actor)]


# --- answering anonymous requests -------------------------------------------------------


def safe_next(target: str | None) -> str:
    """A local path to return to after sign-in; anything else (other sites) becomes home."""
    if not target or not target.startswith("/") or target.startswith("//") or "\\" in target:
        return "/"
    return target


def login_url(request: Request) -> str:
    here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return "/login?next=" + quote(here, safe="")


def not_authenticated_response(request: Request, exc: NotAuthenticated) -> Response:
    """401 JSON for the API, HX-Redirect for htmx, a redirect to the login page otherwise."""
    if request.url.path.startswith("/api/"):
        body = {"error": _(exc.title), "detail": exc.message}
        return JSONResponse(body, status_code=401, headers={"WWW-Authenticate": "Bearer"})
    target = login_url(request)
    if request.headers.get("HX-Request") == "true":
        return Response(status_code=401, headers={"HX-Redirect": target})
    return RedirectResponse(target, status_code=303)


def see_other(request: Request, url: str) -> Response:
    """After a successful POST: a full-page load for htmx (HX-Redirect), a 303 otherwise.

    A full load matters after sign-in and sign-out: the page's CSRF header on <body> changes.
    """
    if request.headers.get("HX-Request") == "true":
        return Response(status_code=204, headers={"HX-Redirect": url})
    return RedirectResponse(url, status_code=303)


def form_status(request: Request, status_code: int) -> int:
    """The status of a form shown again with its errors: htmx only swaps 2xx answers in."""
    return 200 if request.headers.get("HX-Request") == "true" else status_code
