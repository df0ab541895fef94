"""Message catalogues: `python -m readiness.web.catalogues extract|update|compile`.

extract  writes readiness/translations/messages.pot from the code and templates
update   merges the template into each language's messages.po
compile  builds the .mo files the application loads (run by `make setup`)
"""

import sys
from pathlib import Path

from babel.messages.frontend import CommandLineInterface

from readiness.web.i18n import SUPPORTED_LOCALES, TRANSLATIONS_DIR, translations_for

PROJECT_ROOT = TRANSLATIONS_DIR.parent.parent
TEMPLATE = TRANSLATIONS_DIR / "messages.pot"


def _babel(*arguments: str) -> None:
    CommandLineInterface().run(["pybabel", "-q", *arguments])


def extract() -> None:
    _babel("extract", "-F", str(PROJECT_ROOT / "babel.cfg"), "-k", "_n", "--no-location",
           "--sort-output", "-o", str(TEMPLATE), str(PROJECT_ROOT))


def update() -> None:
    for locale in SUPPORTED_LOCALES[1:]:
        catalogue = TRANSLATIONS_DIR / locale / "LC_MESSAGES" / "messages.po"
        command = "update" if catalogue.exists() else "init"
        _babel(command, "-i", str(TEMPLATE), "-d", str(TRANSLATIONS_DIR), "-l", locale)


def compile_catalogues() -> None:
    if any(Path(TRANSLATIONS_DIR).glob("*/LC_MESSAGES/messages.po")):
        _babel("compile", "-d", str(TRANSLATIONS_DIR))


def compile_if_stale() -> None:
    """Build the .mo files that are missing or older than their .po (tests and fresh checkouts)."""
    for catalogue in TRANSLATIONS_DIR.glob("*/LC_MESSAGES/messages.po"):
        compiled = catalogue.with_suffix(".mo")
        if not compiled.exists() or compiled.stat().st_mtime < catalogue.stat().st_mtime:
            compile_catalogues()
            translations_for.cache_clear()
            return


COMMANDS = {"extract": extract, "update": update, "compile": compile_catalogues}

if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in COMMANDS:
        sys.exit(f"usage: python -m readiness.web.catalogues {'|'.join(COMMANDS)}")
    COMMANDS[sys.argv[1]]()
