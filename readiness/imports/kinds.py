"""The kinds of import file, who imports each, and a downloadable template (the header row) for each."""

import csv
import io
from enum import StrEnum
from types import ModuleType

from readiness.accounts.scope import Actor
from readiness.errors import NotFound
from readiness.imports import completions, courses, identity_links, roster, units
from readiness.web.i18n import gettext as _


class ImportKind(StrEnum):
    courses = "courses"
    units = "units"
    roster = "roster"
    completions = "completions"
    identity_links = "identity_links"


# Each module offers COLUMNS, CHUNK_SIZE, parse(row) and an importer class.
MODULES: dict[ImportKind, ModuleType] = {
    ImportKind.courses: courses,
    ImportKind.units: units,
    ImportKind.roster: roster,
    ImportKind.completions: completions,
    ImportKind.identity_links: identity_links,
}
IMPORTERS = {
    ImportKind.courses: courses.CoursesImport,
    ImportKind.units: units.UnitsImport,
    ImportKind.roster: roster.RosterImport,
    ImportKind.completions: completions.CompletionsImport,
    ImportKind.identity_links: identity_links.IdentityLinksImport,
}


def kind_of(name: str) -> ImportKind:
    """The kind called `name`, or NotFound naming the kinds there are."""
    try:
        return ImportKind(name)
    except ValueError:
        raise NotFound(_("There is no import of `%(name)s`; the kinds are %(kinds)s.",
                         name=name, kinds=", ".join(ImportKind))) from None


def template_header(kind: ImportKind | str) -> list[str]:
    """The header row of a template file: required columns, then optional ones."""
    return list(MODULES[kind_of(kind)].COLUMNS.all)


def template_csv(kind: ImportKind | str) -> str:
    """A template CSV file: the header row alone."""
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(template_header(kind))
    return buffer.getvalue()


def may_import(actor: Actor, kind: ImportKind | str) -> bool:
    """Whether the actor's role imports this kind at all (rows are still checked one by one)."""
    kind = kind_of(kind)
    if kind == ImportKind.courses:
        return actor.can_keep_courses()
    if kind in (ImportKind.units, ImportKind.roster):
        return actor.can_write_units_of(actor.country_code or "")
    return actor.can_write_completions_of(actor.country_code or "")


def _n(message: str) -> str:
    """Mark a message for extraction; it is translated when shown."""
    return message


# Who imports each kind, said to those who may not.
WHO_IMPORTS = {
    ImportKind.courses: _n("Courses are imported by training centres and administrators."),
    ImportKind.units: _n("Units are imported by force generation staff (their own country) and administrators."),
    ImportKind.roster: _n("Rosters are imported by force generation staff (their own country) and administrators."),
    ImportKind.completions: _n("Completions are imported by training centres (their own country) and administrators."),
    ImportKind.identity_links: _n("Identity links are imported by training centres (their own country) and "
                                  "administrators."),
}
KIND_NAMES = {
    ImportKind.courses: _n("Courses"),
    ImportKind.units: _n("Units"),
    ImportKind.roster: _n("Roster"),
    ImportKind.completions: _n("Completions"),
    ImportKind.identity_links: _n("Identity links"),
}
