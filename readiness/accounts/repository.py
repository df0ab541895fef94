"""Queries for users, partner countries, API tokens and login failures."""

from datetime import datetime

from sqlalchemy import delete, func
from sqlmodel import Session, select

from readiness.models import (
    ApiToken,
    LoginFailure,
    Partner,
    PartnerCountry,
    TrainingCentre,
    User,
)


def user_by_email(session: Session, email: str) -> User | None:
    return session.exec(select(User).where(func.lower(User.email) == email.lower())).first()


def user_by_id(session: Session, user_id: int) -> User | None:
    return session.get(User, user_id)


def set_locale(session: Session, user_id: int, locale: str) -> None:
    user = session.get(User, user_id)
    if user is not None:
        user.locale = locale
        session.flush()


def all_users(session: Session) -> list[User]:
    return list(session.exec(select(User).order_by(User.email)).all())


def partner_countries(session: Session, partner_id: int) -> frozenset[str]:
    rows = session.exec(
        select(PartnerCountry.country_code).where(PartnerCountry.partner_id == partner_id)
    ).all()
    return frozenset(rows)


def centre_by_code(session: Session, code: str) -> TrainingCentre | None:
    return session.exec(select(TrainingCentre).where(TrainingCentre.code == code)).first()


def partner_by_code(session: Session, code: str) -> Partner | None:
    return session.exec(select(Partner).where(Partner.code == code)).first()


def add(session: Session, record) -> None:
    session.add(record)
    session.flush()


def count_failures_since(session: Session, *, email: str, address: str, since: datetime) -> tuple[int, int]:
    """(failures for this e-mail, failures from this address) since `since`."""
    recent = select(func.count(LoginFailure.id)).where(LoginFailure.at >= since)
    by_email = session.exec(recent.where(LoginFailure.email == email)).one()
    by_address = session.exec(recent.where(LoginFailure.address == address)).one()
    return by_email, by_address


def forget_failures(session: Session, *, email: str) -> None:
    """Drop an account's failures after a successful login."""
    session.execute(delete(LoginFailure).where(LoginFailure.email == email))


def forget_failures_before(session: Session, before: datetime) -> None:
    """Old failures throttle nothing; keep the table small."""
    session.execute(delete(LoginFailure).where(LoginFailure.at < before))


def token_by_hash(session: Session, token_hash: str) -> ApiToken | None:
    return session.exec(select(ApiToken).where(ApiToken.token_hash == token_hash)).first()


def tokens_of(session: Session, user_id: int) -> list[ApiToken]:
    return list(
        session.exec(
            select(ApiToken)
            .where(ApiToken.user_id == user_id)
            .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())
        ).all()
    )
