"""Accounts: sign-in with throttling, users and their bindings, passwords and API tokens."""

import hashlib
import re
import secrets
from datetime import datetime, timedelta

from sqlmodel import Session

from readiness.accounts import passwords, repository
from readiness.accounts.scope import Actor
from readiness.audit import service as audit
from readiness.errors import Conflict, Forbidden, Invalid, NotFound, ReadinessError
from readiness.models import ApiToken, Country, LoginFailure, Role, User, utcnow
from readiness.web.i18n import gettext as _

THROTTLE_WINDOW = timedelta(minutes=15)
MAX_FAILURES_PER_ACCOUNT = 5
MAX_FAILURES_PER_ADDRESS = 20
TOKEN_PREFIX = "rdy_"
# Writing last_used_at on every API call would turn each read into a write.
TOKEN_USE_RESOLUTION = timedelta(minutes=1)
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


class LoginRefused(ReadinessError):
    status_code = 401
    title = "Sign-in refused"


class LoginThrottled(ReadinessError):
    status_code = 429
    title = "Too many attempts"


def normalise_email(email: str) -> str:
    return email.strip().lower()


def actor_for(session: Session, user: User) -> Actor:
    """The Actor a signed-in user acts as, with the countries their partner supports."""
    countries = repository.partner_countries(session, user.partner_id) if user.partner_id else frozenset()
    return Actor(
        email=user.email,
        role=Role(user.role),
        user_id=user.id,
        country_code=user.country_code,
        centre_id=user.centre_id,
        partner_id=user.partner_id,
        partner_countries=countries,
    )


def record_sign_out(session: Session, user_id: int, *, at: float) -> None:
    """Remember when the user signed out: browser sessions issued before then are over."""
    user = repository.user_by_id(session, user_id)
    if user is not None:
        user.signed_out_at = at
        session.add(user)
        session.flush()


def active_user(session: Session, user_id: int) -> User | None:
    """The user with `user_id` when the account is still active."""
    user = repository.user_by_id(session, user_id)
    return user if user is not None and user.active else None


# --- signing in -------------------------------------------------------------------------


def authenticate(session: Session, *, email: str, password: str, address: str) -> User:
    """The active user with these credentials; raises one neutral error for any wrong detail.

    Callers must let the unit of work commit after a refusal: the recorded failure is what
    throttles the next attempt.
    """
    email, now = normalise_email(email), utcnow()
    _refuse_when_throttled(session, email=email, address=address, now=now)
    user = repository.user_by_email(session, email)
    known = user if user is not None and user.active else None
    if not passwords.verify_password(known.password_hash if known else None, password):
        repository.add(session, LoginFailure(email=email[:254], address=address[:64], at=now))
        raise LoginRefused(_("The e-mail address or the password is not correct."))
    repository.forget_failures(session, email=email)
    _upgrade_hash(known, password)
    known.last_login_at = now
    session.flush()
    return known


def _refuse_when_throttled(session: Session, *, email: str, address: str, now: datetime) -> None:
    repository.forget_failures_before(session, now - THROTTLE_WINDOW)
    by_email, by_address = repository.count_failures_since(
        session, email=email, address=address, since=now - THROTTLE_WINDOW
    )
    if by_email >= MAX_FAILURES_PER_ACCOUNT or by_address >= MAX_FAILURES_PER_ADDRESS:
        minutes = int(THROTTLE_WINDOW.total_seconds() // 60)
        raise LoginThrottled(
            _("Too many failed sign-in attempts. Wait %(minutes)s minutes and try again.", minutes=minutes)
        )


def _upgrade_hash(user: User, password: str) -> None:
    if passwords.needs_rehash(user.password_hash):
        user.password_hash = passwords.hash_password(password)


# --- users ------------------------------------------------------------------------------


def _require_admin(actor: Actor) -> None:
    if not actor.is_admin:
        raise Forbidden(_("Only administrators may manage user accounts."))


def _check_password(password: str) -> None:
    problem = passwords.password_problem(password)
    if problem == "too_short":
        raise Invalid(_("A password needs at least %(n)s characters.", n=passwords.MIN_LENGTH))
    if problem == "too_long":
        raise Invalid(_("A password may have at most %(n)s characters.", n=passwords.MAX_LENGTH))


def _bindings(session: Session, role: Role, country_code, centre_code, partner_code) -> dict:
    """The user's country, centre and partner ids, checked against what `role` needs."""
    needs = {
        Role.admin: set(),
        Role.mission_planner: set(),
        Role.force_generation: {"country"},
        Role.training_centre: {"country", "centre"},
        Role.partner: {"partner"},
    }[role]
    given = {name for name, value in
             (("country", country_code), ("centre", centre_code), ("partner", partner_code)) if value}
    if given != needs:
        wanted = ", ".join(sorted(needs)) or _("none")
        raise Invalid(_("The role %(role)s needs these bindings: %(wanted)s.", role=role.value, wanted=wanted))
    return {
        "country_code": country_code.upper() if country_code else None,
        "centre_id": _centre_id(session, centre_code, country_code) if centre_code else None,
        "partner_id": _partner_id(session, partner_code) if partner_code else None,
    }


def _centre_id(session: Session, code: str, country_code: str) -> int:
    centre = repository.centre_by_code(session, code.upper())
    if centre is None or centre.country_code != country_code.upper():
        raise Invalid(_("There is no training centre %(code)s in %(country)s.", code=code, country=country_code))
    return centre.id


def _partner_id(session: Session, code: str) -> int:
    partner = repository.partner_by_code(session, code.upper())
    if partner is None:
        raise Invalid(_("There is no partner %(code)s.", code=code))
    return partner.id


def create_user(
    session: Session,
    *,
    actor: Actor,
    email: str,
    password: str,
    role: Role | str,
    country_code: str | None = None,
    centre_code: str | None = None,
    partner_code: str | None = None,
) -> User:
    """A new active user bound to what their role needs; admins only; audited."""
    _require_admin(actor)
    email, role = normalise_email(email), _role(role)
    if not _EMAIL.match(email) or len(email) > 254:
        raise Invalid(_("Enter a valid e-mail address."))
    if repository.user_by_email(session, email) is not None:
        raise Conflict(_("A user with this e-mail address exists already."))
    _check_password(password)
    bindings = _bindings(session, role, country_code, centre_code, partner_code)
    _check_country_exists(session, bindings["country_code"])
    user = User(email=email, password_hash=passwords.hash_password(password), role=role, **bindings)
    repository.add(session, user)
    audit.record(session, actor=actor, action="create", entity="user", entity_id=user.id,
                 after=audit.snapshot(user), summary=f"user {email} ({role.value})")
    return user


def _role(role: Role | str) -> Role:
    try:
        return Role(role)
    except ValueError:
        raise Invalid(_("Unknown role %(role)s.", role=role)) from None


def _check_country_exists(session: Session, country_code: str | None) -> None:
    if country_code and session.get(Country, country_code) is None:
        raise Invalid(_("There is no country %(code)s.", code=country_code))


def users(session: Session, *, actor: Actor) -> list[User]:
    """Every user, by e-mail; admins only."""
    _require_admin(actor)
    return repository.all_users(session)


def user_with_email(session: Session, *, actor: Actor, email: str) -> User:
    """The user with `email`; admins only."""
    _require_admin(actor)
    user = repository.user_by_email(session, normalise_email(email))
    if user is None:
        raise NotFound(_("There is no user with this e-mail address."))
    return user


def set_active(session: Session, *, actor: Actor, user_id: int, active: bool) -> User:
    """Deactivate (or reactivate) a user; their sessions and tokens stop working at once."""
    _require_admin(actor)
    user = repository.user_by_id(session, user_id)
    if user is None:
        raise NotFound(_("There is no such user."))
    if user.id == actor.user_id and not active:
        raise Invalid(_("You cannot deactivate your own account."))
    if user.active != active:
        audit.record(session, actor=actor, action="update", entity="user", entity_id=user.id,
                     before={"active": user.active}, after={"active": active},
                     summary=f"user {user.email} {'reactivated' if active else 'deactivated'}")
        user.active = active
        session.flush()
    return user


def set_password(session: Session, *, actor: Actor, user: User, password: str) -> None:
    """Give `user` a new password (an administrator's reset); audited without the values."""
    _require_admin(actor)
    _store_password(session, actor=actor, user=user, password=password, summary="password set by administrator")


def change_password(session: Session, *, actor: Actor, current: str, new: str) -> None:
    """The signed-in user replaces their own password, proving they know the current one."""
    user = active_user(session, actor.user_id) if actor.user_id else None
    if user is None or not passwords.verify_password(user.password_hash, current):
        raise Invalid(_("The current password is not correct."))
    _store_password(session, actor=actor, user=user, password=new, summary="password changed")


def _store_password(session: Session, *, actor: Actor, user: User, password: str, summary: str) -> None:
    _check_password(password)
    user.password_hash = passwords.hash_password(password)
    session.flush()
    # The trail says that the password changed, never what it was or became.
    audit.record(session, actor=actor, action="update", entity="user", entity_id=user.id,
                 summary=f"{summary}: {user.email}")


# --- API tokens -------------------------------------------------------------------------


def _digest(clear: str) -> str:
    return hashlib.sha256(clear.encode()).hexdigest()


def issue_token(session: Session, *, actor: Actor, name: str) -> tuple[ApiToken, str]:
    """A new token for the actor: the stored record and the clear text, shown only once."""
    name = name.strip()
    if not name or len(name) > 100:
        raise Invalid(_("Give the token a name of 1 to 100 characters."))
    if actor.user_id is None:
        raise Forbidden(_("Only a signed-in user can hold API tokens."))
    clear = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(user_id=actor.user_id, name=name, token_hash=_digest(clear), prefix=clear[:10])
    repository.add(session, token)
    audit.record(session, actor=actor, action="create", entity="api_token", entity_id=token.id,
                 after=audit.snapshot(token), summary=f"API token {name}")
    return token, clear


def tokens(session: Session, *, actor: Actor) -> list[ApiToken]:
    """The actor's own tokens, newest first."""
    return repository.tokens_of(session, actor.user_id) if actor.user_id else []


def revoke_token(session: Session, *, actor: Actor, token_id: int) -> ApiToken:
    """Revoke one of the actor's tokens (admins: anyone's); others' tokens are not found."""
    token = session.get(ApiToken, token_id)
    if token is None or not (actor.is_admin or token.user_id == actor.user_id):
        raise NotFound(_("There is no such token."))
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        session.flush()
        audit.record(session, actor=actor, action="update", entity="api_token", entity_id=token.id,
                     before={"revoked_at": None}, after={"revoked_at": token.revoked_at.isoformat()},
                     summary=f"API token {token.name} revoked")
    return token


def user_for_token(session: Session, clear: str) -> User | None:
    """The active owner of an unrevoked token; notes when the token was last used."""
    token = repository.token_by_hash(session, _digest(clear))
    if token is None or token.revoked_at is not None:
        return None
    user = active_user(session, token.user_id)
    if user is not None:
        _note_use(session, token)
    return user


def _note_use(session: Session, token: ApiToken) -> None:
    now = utcnow()
    last = token.last_used_at
    if last is not None and last.tzinfo is None:
        last = last.replace(tzinfo=now.tzinfo)
    if last is None or now - last >= TOKEN_USE_RESOLUTION:
        token.last_used_at = now
        session.flush()
