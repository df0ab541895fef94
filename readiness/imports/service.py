"""Importing a file: read it once as a stream, check every row, write only if all are good.

Rows are read, checked and planned in chunks (each kind's CHUNK_SIZE) with set-based lookups;
chunks are written as they go inside a savepoint, which is rolled back when any row of the
file turns out to be bad, or on a dry run, so that nothing of a bad file is ever kept.
"""

from collections.abc import Iterator
from datetime import date
from itertools import islice

from sqlmodel import Session

from readiness.accounts.scope import Actor
from readiness.audit.service import record as audit_record
from readiness.imports.cells import RowCells
from readiness.imports.kinds import IMPORTERS, MODULES, ImportKind, kind_of
from readiness.imports.plan import ChunkPlan, ImportContext, Provenance
from readiness.imports.reading import FileRefused, ImportFile, open_table
from readiness.imports.report import ImportReport, RowError
from readiness.models import CompletionSource


def preview(session: Session, *, actor: Actor, kind: str, file: ImportFile, sheet: str | None = None,
            today: date | None = None) -> ImportReport:
    """What importing `file` would do (counts and every bad row), writing nothing."""
    return run(session, actor=actor, kind=kind, file=file, sheet=sheet, today=today, dry_run=True)


def run(session: Session, *, actor: Actor, kind: str, file: ImportFile, dry_run: bool = False,
        sheet: str | None = None, today: date | None = None) -> ImportReport:
    """Import `file` all-or-nothing: written only when every row is good and not a dry run."""
    kind = kind_of(kind)
    context = _context(session, actor, file, today)
    report = ImportReport(kind=kind.value, file_name=file.name, dry_run=dry_run)
    savepoint = session.begin_nested()
    try:
        _import_rows(context, kind, file, sheet, report)
    except BaseException:
        savepoint.rollback()
        raise
    if report.errors or dry_run or not report.changes:
        savepoint.rollback()
        return report
    savepoint.commit()
    report.written = True
    _audit(session, actor, report)
    return report


def _context(session: Session, actor: Actor, file: ImportFile, today: date | None) -> ImportContext:
    source = CompletionSource.xlsx if file.is_xlsx else CompletionSource.csv
    provenance = Provenance(file_name=file.name, source=source, recorded_by=actor.email)
    return ImportContext(session=session, actor=actor, provenance=provenance, today=today or date.today())


def _import_rows(context: ImportContext, kind: ImportKind, file: ImportFile, sheet, report) -> None:
    module = MODULES[kind]
    try:
        table = open_table(file, sheet=sheet)
    except FileRefused as refused:
        report.errors.append(_file_error(refused))
        return
    report.errors.extend(module.COLUMNS.header_errors(table.header))
    if report.errors:
        return
    importer = IMPORTERS[kind](context, set(table.header))
    importer.authorise()
    try:
        for chunk in _chunks(table.rows, module.CHUNK_SIZE):
            plan = importer.plan(_parsed(chunk, module, report))
            _count(report, plan)
            if not report.errors and not report.dry_run:
                importer.write(plan)
    except FileRefused as refused:  # found mid-file, e.g. a line that is not UTF-8
        report.errors.append(_file_error(refused))
    importer.close()
    report.errors.sort(key=lambda error: error.line or 0)  # stable: a row's errors keep their order


def _file_error(refused: FileRefused) -> RowError:
    return RowError(line=refused.line, column=None, value=None, reason=refused.message)


def _chunks(rows: Iterator, size: int) -> Iterator[list]:
    while chunk := list(islice(rows, size)):
        yield chunk


def _parsed(chunk: list, module, report: ImportReport) -> list:
    """The chunk's rows that parse; the others' errors go to the report."""
    parsed = []
    for line, values in chunk:
        report.rows_read += 1
        row = RowCells(line, values)
        typed = module.parse(row)
        report.errors.extend(row.errors)
        if typed is not None:
            parsed.append(typed)
    return parsed


def _count(report: ImportReport, plan: ChunkPlan) -> None:
    report.errors.extend(plan.errors)
    report.to_create += plan.created
    report.to_update += plan.updated
    report.unchanged += plan.unchanged


def _audit(session: Session, actor: Actor, report: ImportReport) -> None:
    """One entry for the whole import, with its counts (not one per row)."""
    counts = {"rows_read": report.rows_read, "created": report.to_create,
              "updated": report.to_update, "unchanged": report.unchanged}
    audit_record(session, actor=actor, action="import", entity=report.kind,
                 entity_id=report.file_name, after=counts, summary=report.summary())
