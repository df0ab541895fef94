"""`readiness import courses|units|roster|completions FILE`: bulk imports as the system actor."""

from pathlib import Path
from typing import Annotated

import typer

from readiness.accounts.scope import SYSTEM
from readiness.db import unit_of_work
from readiness.errors import ReadinessError
from readiness.imports import service
from readiness.imports.kinds import MODULES, ImportKind
from readiness.imports.reading import ImportFile
from readiness.imports.report import ImportReport, RowError

FileArgument = Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="CSV (, ; or tab) or XLSX file.")]
DryRunOption = Annotated[bool, typer.Option("--dry-run", help="Check and count only; write nothing.")]
SheetOption = Annotated[str | None, typer.Option(help="XLSX: the sheet to read (default: the first).")]


def add_import_commands(import_app: typer.Typer) -> None:
    """One command per kind of file on the `import` sub-command."""
    for kind in ImportKind:
        import_app.command(kind.value, help=_help(kind))(_command_for(kind))


def _help(kind: ImportKind) -> str:
    columns = MODULES[kind].COLUMNS
    optional = f" (optional: {', '.join(columns.optional)})" if columns.optional else ""
    return (f"Import {kind.value} from FILE with columns {', '.join(columns.required)}{optional}. "
            "All or nothing: every bad row is listed and nothing is written. The same file again changes nothing.")


def _command_for(kind: ImportKind):
    def import_command(file: FileArgument, dry_run: DryRunOption = False, sheet: SheetOption = None) -> None:
        report = _run(kind, file, dry_run=dry_run, sheet=sheet)
        _print(report)
        if report.errors:
            raise typer.Exit(1)

    return import_command


def _run(kind: ImportKind, path: Path, *, dry_run: bool, sheet: str | None) -> ImportReport:
    try:
        with unit_of_work() as session, path.open("rb") as content:
            return service.run(session, actor=SYSTEM, kind=kind, file=ImportFile(path.name, content),
                               dry_run=dry_run, sheet=sheet)
    except ReadinessError as problem:
        typer.secho(f"error: {problem.message}", err=True, fg=typer.colors.RED)
        raise typer.Exit(1) from problem


def _print(report: ImportReport) -> None:
    for error in report.errors:
        typer.echo(describe(error), err=True)
    colour = typer.colors.RED if report.errors else None
    typer.secho(report.summary(), err=bool(report.errors), fg=colour)


def describe(error: RowError) -> str:
    """`line 7, course_code `XYZ`: unknown course code `XYZ`` — a bad row on one line."""
    where = [f"line {error.line}" if error.line else "file"]
    if error.column:
        where.append(f"{error.column} `{error.value}`" if error.value else error.column)
    return f"  {', '.join(where)}: {error.reason}"
