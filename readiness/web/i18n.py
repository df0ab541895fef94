"""Gettext for templates and code: the request's locale lives in a context variable."""

from contextvars import ContextVar
from functools import lru_cache
from pathlib import Path

from babel.support import NullTranslations, Translations

TRANSLATIONS_DIR = Path(__file__).resolve().parent.parent / "translations"
SUPPORTED_LOCALES = ("en", "fr")
# Each language is named in itself, so that a reader finds their own whatever the page's language.
LANGUAGE_NAMES = {"en": "English", "fr": "Français"}
current_locale: ContextVar[str] = ContextVar("current_locale", default="en")


@lru_cache
def translations_for(locale: str) -> NullTranslations:
    """The compiled catalogue for `locale`, or the identity when there is none."""
    if locale == "en":
        return NullTranslations()
    return Translations.load(str(TRANSLATIONS_DIR), [locale], domain="messages")


def gettext(message: str, **variables) -> str:
    """Translate `message` into the current locale and fill its %(name)s variables."""
    text = translations_for(current_locale.get()).gettext(message)
    return text % variables if variables else text


def ngettext(singular: str, plural: str, n: int, **variables) -> str:
    """Translate a message that depends on the count `n`."""
    text = translations_for(current_locale.get()).ngettext(singular, plural, n)
    return text % {"num": n, **variables}


_ = gettext


def negotiate_locale(choice: str | None, accept_language: str | None) -> str:
    """The user's choice when supported, else the best match of Accept-Language, else English."""
    if choice in SUPPORTED_LOCALES:
        return choice
    for part in (accept_language or "").split(","):
        tag = part.split(";")[0].strip().lower()[:2]
        if tag in SUPPORTED_LOCALES:
            return tag
    return SUPPORTED_LOCALES[0]
