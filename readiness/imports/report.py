"""What an import found and did: counts and every refused row."""

from dataclasses import asdict, dataclass, field

from readiness.web.i18n import gettext as _


@dataclass(frozen=True)
class RowError:
    """One refused cell or row: `line` is the file's line (the header is line 1)."""

    line: int | None
    column: str | None
    value: str | None
    reason: str


@dataclass
class ImportReport:
    kind: str
    file_name: str
    dry_run: bool = False
    rows_read: int = 0
    to_create: int = 0
    to_update: int = 0
    unchanged: int = 0
    errors: list[RowError] = field(default_factory=list)
    written: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def changes(self) -> int:
        return self.to_create + self.to_update

    def summary(self) -> str:
        """One line saying what happened, for the CLI, the API and the audit trail."""
        counts = dict(
            name=self.file_name, read=self.rows_read, create=self.to_create,
            update=self.to_update, unchanged=self.unchanged,
        )
        if self.errors:
            return _("%(name)s: %(errors)d problem(s) in %(read)d rows; nothing was imported",
                     errors=len(self.errors), **counts)
        if not self.changes:
            return _("%(name)s: nothing new; all %(read)d rows are already recorded", **counts)
        if self.dry_run:
            return _("%(name)s: dry run, nothing written; %(read)d rows: %(create)d to create, "
                     "%(update)d to update, %(unchanged)d unchanged", **counts)
        return _("%(name)s: %(read)d rows: %(create)d created, %(update)d updated, "
                 "%(unchanged)d unchanged", **counts)

    def as_dict(self) -> dict:
        """The report as JSON-ready data."""
        body = asdict(self)
        body["summary"] = self.summary()
        return body
