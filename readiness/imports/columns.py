"""The columns of each kind of import file, and the check of a file's header against them."""

from dataclasses import dataclass

from readiness.imports.report import RowError
from readiness.web.i18n import gettext as _


@dataclass(frozen=True)
class Columns:
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()

    @property
    def all(self) -> tuple[str, ...]:
        return self.required + self.optional

    def header_errors(self, header: list[str]) -> list[RowError]:
        """Every problem with a header: unknown, repeated and missing columns, each named."""
        errors = [_header_error(name, _("unknown column `%(name)s`; the columns are %(known)s",
                                        name=name, known=", ".join(self.all)))
                  for name in header if name and name not in self.all]
        errors += [_header_error(name, _("column `%(name)s` appears more than once", name=name))
                   for name in sorted({n for n in header if n and header.count(n) > 1})]
        errors += [_header_error(name, _("required column `%(name)s` is missing", name=name))
                   for name in self.required if name not in header]
        if "" in header:
            errors.append(_header_error("", _("a column has no name in the header row")))
        return errors


def _header_error(name: str, reason: str) -> RowError:
    return RowError(line=1, column=name or None, value=name or None, reason=reason)


COURSES = Columns(
    required=("code", "title", "category", "validity_months", "assessed"),
    optional=("duration_hours", "standard_ref", "version", "xapi_activity_id"),
)
UNITS = Columns(
    required=("code", "country", "name", "unit_type", "authorised_strength"),
    optional=("pcrs_level", "target_mission", "planned_deployment"),
)
ROSTER = Columns(
    required=("country", "service_number", "family_name", "given_name", "gender", "rank", "role",
              "unit_code"),
)
COMPLETIONS = Columns(
    required=("country", "service_number", "course_code", "completed_on", "result"),
    optional=("score", "centre_code", "waiver_reason"),
)
IDENTITY_LINKS = Columns(
    required=("country", "service_number", "actor"),
)
