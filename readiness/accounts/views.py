"""Pages: sign in and out, the user's account, password and API tokens, and the admin's users."""

import logging
from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request

from readiness.accounts import service as accounts
from readiness.accounts.scope import Actor
from readiness.errors import Invalid, ReadinessError
from readiness.models import Role
from readiness.web import auth, i18n
from readiness.web.auth import AdminActor, CurrentActor
from readiness.web.deps import SessionDep
from readiness.web.exports import download
from readiness.web.i18n import SUPPORTED_LOCALES
from readiness.web.i18n import gettext as _
from readiness.web.language import set_locale_cookie
from readiness.web.listing import ListQuery
from readiness.web.templating import render

log = logging.getLogger("readiness.accounts")
router = APIRouter()
FormText = Annotated[str, Form()]


def _address(request: Request) -> str:
    return request.client.host if request.client else "unknown"


@router.get("/login", name="login")
def login_page(request: Request, actor: Annotated[Actor | None, Depends(auth.identify)], next: str = "/",
               language: str | None = None):
    if actor is not None:
        return auth.see_other(request, auth.safe_next(next))
    auth.ensure_session(request)
    chosen = language in SUPPORTED_LOCALES
    if chosen:
        # A visitor chose a language before signing in: show this page in it and remember it.
        i18n.current_locale.set(language)
    response = render(request, "login.html", {"next": auth.safe_next(next)})
    if chosen:
        set_locale_cookie(response, language)
    return response


@router.post("/login")
def login(request: Request, session: SessionDep, email: FormText = "", password: FormText = "",
          next: FormText = "/"):
    try:
        user = accounts.authenticate(session, email=email, password=password, address=_address(request))
    except (accounts.LoginRefused, accounts.LoginThrottled) as refusal:
        # Returned, not raised: the failure just recorded must be committed to throttle the next try.
        log.info("sign-in refused (%s) from %s", type(refusal).__name__, _address(request))
        context = {"next": auth.safe_next(next), "email": email, "error": refusal.message}
        return render(request, "login.html", context,
                      status_code=auth.form_status(request, refusal.status_code))
    auth.start_session(request, user)
    response = auth.see_other(request, auth.safe_next(next))
    if user.locale:
        set_locale_cookie(response, user.locale)  # the language chosen last time, on any device
    return response


@router.post("/logout", name="logout")
def logout(request: Request, actor: CurrentActor, session: SessionDep):
    auth.end_session(request, session)
    return auth.see_other(request, "/login")


@router.get("/account", name="account")
def account_page(request: Request, actor: CurrentActor):
    return render(request, "account/index.html", {"actor": actor})


@router.get("/account/password", name="password")
def password_page(request: Request, actor: CurrentActor):
    return render(request, "account/password.html", {})


@router.post("/account/password")
def change_password(request: Request, actor: CurrentActor, session: SessionDep,
                    current: FormText = "", new: FormText = "", repeat: FormText = ""):
    try:
        if new != repeat:
            raise Invalid(_("The two new passwords differ."))
        accounts.change_password(session, actor=actor, current=current, new=new)
    except ReadinessError as problem:
        return render(request, "account/password.html", {"error": problem.message},
                      status_code=auth.form_status(request, problem.status_code))
    # The cookie carries the old password's mark: sign this browser in again with the new one.
    auth.start_session(request, accounts.active_user(session, actor.user_id))
    return render(request, "account/password.html", {"changed": True})


@router.get("/account/tokens", name="tokens")
def tokens_page(request: Request, actor: CurrentActor, session: SessionDep):
    return _tokens(request, session, actor)


def _tokens(request: Request, session, actor: Actor, status_code: int = 200, **context):
    tokens = accounts.tokens(session, actor=actor)
    return render(request, "account/tokens.html", {"tokens": tokens, **context}, status_code=status_code)


@router.post("/account/tokens")
def issue_token(request: Request, actor: CurrentActor, session: SessionDep, name: FormText = ""):
    try:
        token, clear = accounts.issue_token(session, actor=actor, name=name)
    except ReadinessError as problem:
        return _tokens(request, session, actor, auth.form_status(request, problem.status_code),
                       error=problem.message)
    return _tokens(request, session, actor, new_token=clear, new_token_name=token.name)


@router.post("/account/tokens/{token_id}/revoke")
def revoke_token(request: Request, token_id: int, actor: CurrentActor, session: SessionDep):
    accounts.revoke_token(session, actor=actor, token_id=token_id)
    return auth.see_other(request, "/account/tokens")


# --- administration ---------------------------------------------------------------------


USER_SORT_KEYS = {"email": lambda u: u.email,
                  "role": lambda u: (u.role, u.email),
                  "last_login": lambda u: (u.last_login_at.timestamp() if u.last_login_at else float("-inf"), u.email)}


@router.get("/admin/users.{fmt}", name="export_users")
def export_users(fmt: str, actor: AdminActor, session: SessionDep):
    """Every user account (administrators only), as CSV or XLSX."""
    header = [_("E-mail address"), _("Role"), _("Country"), _("Centre"), _("Partner"), _("State"),
              _("Last sign-in")]
    rows = [[user.email, user.role.value, user.country_code, user.centre_id, user.partner_id,
             _("Active") if user.active else _("Deactivated"),
             # Spreadsheets hold no time zones: the sign-in time is written in UTC.
             user.last_login_at.replace(tzinfo=None) if user.last_login_at else None]
            for user in accounts.users(session, actor=actor)]
    return download(fmt, "users", header, rows, sheet=_("Users"))


@router.get("/admin/users", name="admin_users")
def users_page(request: Request, actor: AdminActor, session: SessionDep, role: str = "", q: str = "",
               sort: str = "email", dir: str = "asc", page: int = 1):
    listing = ListQuery.read({"q": q, "role": role}, sort, dir, page, sort_keys=USER_SORT_KEYS,
                             default_sort="email")
    return _users(request, session, actor, listing=listing)


def _users(request: Request, session, actor: Actor, status_code: int = 200, listing: ListQuery | None = None,
           **context):
    listing = listing or ListQuery(sort="email")
    text, role = listing.filters.get("q", "").lower(), listing.filters.get("role", "")
    users = [user for user in accounts.users(session, actor=actor)
             if (not role or user.role == role) and (not text or text in user.email.lower()
                                                    or text in (user.country_code or "").lower())]
    values = {"result": listing.paged(users, USER_SORT_KEYS), "listing": listing, "roles": list(Role), **context}
    return render(request, "admin/users.html", values, block="results", status_code=status_code)


@router.post("/admin/users")
def create_user(request: Request, actor: AdminActor, session: SessionDep, email: FormText = "",
                role: FormText = "", password: FormText = "", country: FormText = "",
                centre: FormText = "", partner: FormText = ""):
    entered = {"email": email, "role": role, "country": country, "centre": centre, "partner": partner}
    try:
        user = accounts.create_user(session, actor=actor, email=email, password=password, role=role,
                                    country_code=country or None, centre_code=centre or None,
                                    partner_code=partner or None)
    except ReadinessError as problem:
        return _users(request, session, actor, auth.form_status(request, problem.status_code),
                      error=problem.message, entered=entered)
    return _users(request, session, actor, created=user.email)


@router.post("/admin/users/{user_id}/deactivate")
def deactivate_user(request: Request, user_id: int, actor: AdminActor, session: SessionDep):
    accounts.set_active(session, actor=actor, user_id=user_id, active=False)
    return auth.see_other(request, "/admin/users")


@router.post("/admin/users/{user_id}/activate")
def activate_user(request: Request, user_id: int, actor: AdminActor, session: SessionDep):
    accounts.set_active(session, actor=actor, user_id=user_id, active=True)
    return auth.see_other(request, "/admin/users")
