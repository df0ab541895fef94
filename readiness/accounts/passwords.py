"""Password hashing with Argon2id; the only module that sees a clear-text password's hash."""

from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

MIN_LENGTH = 10
# Argon2 cost grows with input; a cap keeps a login request from becoming a CPU attack.
MAX_LENGTH = 200

_hasher = PasswordHasher()


@cache
def _unknown_user_hash() -> str:
    """Verified against when the e-mail is unknown, so both refusals take the same time.

    Made on first use, not at import: every command and worker would otherwise spend a hash's
    time starting up.
    """
    return _hasher.hash("no such user: the time of a real check")


def hash_password(password: str) -> str:
    """An Argon2id hash of `password`, with its own salt and parameters."""
    return _hasher.hash(password)


def verify_password(password_hash: str | None, password: str) -> bool:
    """Whether `password` matches `password_hash`; None spends the same time and says no."""
    try:
        return _hasher.verify(password_hash or _unknown_user_hash(), password) and bool(password_hash)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def needs_rehash(password_hash: str) -> bool:
    """Whether the hash was made with weaker parameters than today's."""
    return _hasher.check_needs_rehash(password_hash)


def password_problem(password: str) -> str | None:
    """Why `password` cannot be used, or None; the message is for translation by the caller."""
    if len(password) < MIN_LENGTH:
        return "too_short"
    if len(password) > MAX_LENGTH:
        return "too_long"
    return None
