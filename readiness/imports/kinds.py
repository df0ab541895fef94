"""The four kinds of import file, and a downloadable template (the header row) for each."""

import csv
import io
from enum import StrEnum
from types import ModuleType

from readiness.errors import NotFound
from readiness.imports import completions, courses, roster, units
from readiness.web.i18n import gettext as _


class ImportKind(StrEnum):
    courses = "courses"
    units = "units"
    roster = "roster"
    completions = "completions"


# Each module offers COLUMNS, CHUNK_SIZE, parse(row) and an importer class.
MODULES: dict[ImportKind, ModuleType] = {
    ImportKind.courses: courses,
    ImportKind.units: units,
    ImportKind.roster: roster,
    ImportKind.completions: completions,
}
IMPORTERS = {
    ImportKind.courses: courses.CoursesImport,
    ImportKind.units: units.UnitsImport,
    ImportKind.roster: roster.RosterImport,
    ImportKind.completions: completions.CompletionsImport,
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
