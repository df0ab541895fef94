"""French is complete: every message of the code and templates is translated, pages render in French,
and dates and numbers follow the French conventions.

The compiled catalogue (.mo) is git-ignored and built by `make setup`; this module compiles it when it is
missing or older than the .po, at import, so that it exists before any test of the session runs (pytest
imports every test module before running the first test).
"""

import re
from datetime import date
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from readiness.web import catalogues, i18n, templating

FRENCH_PO = i18n.TRANSLATIONS_DIR / "fr" / "LC_MESSAGES" / "messages.po"
FRENCH_MO = FRENCH_PO.with_suffix(".mo")

# A printf conversion as Python's % operator reads it: %(name)s, %d, %.1f, %%...
CONVERSION = re.compile(r"%(?:\(\w+\))?[#0 +\-]*(?:\d+|\*)?(?:\.(?:\d+|\*))?[diouxXeEfFgGcrsa%]")
# A str.format field, as in the messages the browser fills in ("error {status}").
FIELD = re.compile(r"\{\w*\}")


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogue():
    catalogues.compile_if_stale()


@pytest.fixture
def french():
    """The current locale is French for the test."""
    token = i18n.current_locale.set("fr")
    yield
    i18n.current_locale.reset(token)


def _read(path: Path):
    with path.open("rb") as file:
        return read_po(file, locale="fr" if path == FRENCH_PO else None)


def _ids(message) -> tuple[str, ...]:
    return message.id if isinstance(message.id, tuple) else (message.id,)


def _strings(message) -> tuple[str, ...]:
    return message.string if isinstance(message.string, tuple) else (message.string,)


def _is_translated(message) -> bool:
    return message is not None and not message.fuzzy and all(_strings(message))


def _placeholders(text: str) -> list[str]:
    return sorted(CONVERSION.findall(text) + FIELD.findall(text))


@pytest.fixture(scope="module")
def extracted(tmp_path_factory, monkeypatch_module):
    """The messages of the current code and templates, extracted exactly as `catalogues extract` does."""
    template = tmp_path_factory.mktemp("catalogue") / "messages.pot"
    monkeypatch_module.setattr(catalogues, "TEMPLATE", template)
    catalogues.extract()
    return [message for message in _read(template) if message.id]


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


@pytest.fixture(scope="module")
def french_catalogue():
    return _read(FRENCH_PO)


def test_the_code_and_templates_have_messages(extracted):
    ids = {_ids(message)[0] for message in extracted}
    assert {"Sign in", "Units", "PCRS level", "Protection of civilians"} <= ids


def test_every_message_of_the_code_and_templates_is_translated_into_french(extracted, french_catalogue):
    missing = [_ids(message)[0] for message in extracted
               if not _is_translated(french_catalogue.get(message.id))]
    assert missing == [], (
        f"{len(missing)} message(s) missing, empty or fuzzy in {FRENCH_PO.name}: run "
        "`python -m readiness.web.catalogues extract`, then `update`, translate them, then `compile`.")


def test_every_french_catalogue_entry_is_translated(french_catalogue):
    untranslated = [_ids(message)[0] for message in french_catalogue
                    if message.id and not _is_translated(message)]
    assert untranslated == []


def test_french_keeps_every_placeholder_of_the_english(french_catalogue):
    wrong = []
    for message in french_catalogue:
        if not message.id or not _is_translated(message):
            continue
        english = _placeholders(_ids(message)[-1])
        for french in _strings(message):
            if _placeholders(french) != english:
                wrong.append((_ids(message)[0], french))
    assert wrong == []


def test_the_placeholder_check_catches_a_dropped_or_added_variable():
    assert _placeholders("%(num)s units, 40 %%") == ["%%", "%(num)s"]
    assert _placeholders("%(num)s unités, 40 %%") == _placeholders("%(num)s units, 40 %%")
    assert _placeholders("unités, 40 %%") != _placeholders("%(num)s units, 40 %%")
    assert _placeholders("%(size).1f Mo, %(nom)s") != _placeholders("%(size).1f MB")
    assert _placeholders("erreur {status}") == ["{status}"]


def test_the_french_catalogue_header_has_french_plurals(french_catalogue):
    assert str(french_catalogue.locale) == "fr"
    assert french_catalogue.num_plurals == 2
    assert french_catalogue.plural_expr.replace(" ", "") == "(n>1)"


def test_the_compiled_catalogue_is_current_and_loaded(french):
    assert FRENCH_MO.exists() and FRENCH_MO.stat().st_mtime >= FRENCH_PO.stat().st_mtime
    assert i18n.gettext("Sign in") == "Se connecter"
    assert i18n.gettext("Protection of civilians") == "Protection des civils"


def test_french_plurals_treat_zero_and_one_as_singular(french):
    assert i18n.ngettext("%(num)s unit", "%(num)s units", 0) == "0 unité"
    assert i18n.ngettext("%(num)s unit", "%(num)s units", 1) == "1 unité"
    assert i18n.ngettext("%(num)s unit", "%(num)s units", 2) == "2 unités"


def test_the_sign_in_page_renders_in_french(client):
    response = client.get("/login", params={"language": "fr"})
    assert response.status_code == 200
    assert '<html lang="fr">' in response.text
    assert "<h1>Se connecter</h1>" in response.text
    assert "Sign in" not in response.text


def test_the_browsers_french_is_followed_without_a_choice(client):
    response = client.get("/login", headers={"Accept-Language": "fr-FR,fr;q=0.9,en;q=0.5"})
    assert '<html lang="fr">' in response.text
    assert "<h1>Se connecter</h1>" in response.text


def test_numbers_are_grouped_the_french_way(french):
    assert templating._format_number(12345) in ("12\u202f345", "12\u00a0345")
    assert templating._format_number(1234.5, 1) in ("1\u202f234,5", "1\u00a0234,5")


def test_percentages_use_a_decimal_comma_and_a_no_break_space_before_the_sign(french):
    assert templating._format_percent(42.5) in ("42,5\u202f%", "42,5\u00a0%")


def test_dates_are_written_with_french_month_names(french):
    assert templating._format_date(date(2026, 3, 14)) == "14 mars 2026"
    assert templating._format_date(date(2026, 2, 1), "long") == "1 février 2026"


def test_english_stays_english():
    assert i18n.current_locale.get() == "en"
    assert templating._format_number(12345) == "12,345"
    assert templating._format_percent(42.5) == "42.5%"
    assert templating._format_date(date(2026, 3, 14)) == "Mar 14, 2026"
