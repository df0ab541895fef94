"""`readiness report unit|mission`: readiness figures on the command line (as the operator)."""

import csv
import io
from contextlib import contextmanager
from datetime import date
from enum import StrEnum
from typing import Annotated

import typer

from readiness.accounts.scope import SYSTEM
from readiness.db import unit_of_work
from readiness.errors import ReadinessError
from readiness.readiness import service
from readiness.readiness.schemas import LineResult, MissionView, UnitReadiness

report_app = typer.Typer(help="Readiness reports against mission requirements.", no_args_is_help=True)


class UnitFormat(StrEnum):
    table = "table"
    json = "json"


class MissionFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


Requirement = Annotated[str, typer.Option("--requirement", help="CODE (latest version) or CODE@VERSION.")]
AsOf = Annotated[str | None, typer.Option("--as-of", help="Report date YYYY-MM-DD.")]


@report_app.command("unit")
def report_unit(
    unit_code: Annotated[str, typer.Argument(help="Unit code.")],
    requirement: Requirement,
    as_of: AsOf = None,
    output: Annotated[UnitFormat, typer.Option("--format", help="table or json.")] = UnitFormat.table,
) -> None:
    """A unit's readiness against a requirement (default date: planned deployment, else today)."""
    with _refusals(), unit_of_work() as session:
        result = service.unit_readiness(
            session, actor=SYSTEM, unit_code=unit_code, requirement_code=requirement, as_of=_day(as_of)
        )
    typer.echo(result.model_dump_json(indent=2) if output == UnitFormat.json else unit_table(result))


@report_app.command("mission")
def report_mission(
    requirement: Requirement,
    as_of: AsOf = None,
    output: Annotated[
        MissionFormat, typer.Option("--format", help="table, json or csv.")
    ] = MissionFormat.table,
) -> None:
    """Every unit of the requirement's unit type, best score first, and the training demand."""
    with _refusals(), unit_of_work() as session:
        view = service.mission_view(session, actor=SYSTEM, requirement_code=requirement, as_of=_day(as_of))
    renderers = {MissionFormat.json: lambda v: v.model_dump_json(indent=2),
                 MissionFormat.csv: mission_csv, MissionFormat.table: mission_table}
    typer.echo(renderers[output](view))


def unit_table(result: UnitReadiness) -> str:
    """The unit report as aligned text."""
    head = (
        f"{result.unit} against {result.requirement} v{result.requirement_version} on {result.as_of} "
        f"(tour ends {result.tour_end}): strength {result.strength}, women {result.women_pct}%\n"
        f"status {result.status}, score {result.score}, lines met {result.lines_met}/{result.lines_total}\n"
    )
    rows = [("line", "role", "min %", "eligible", "trained", "coverage %", "met", "shortfall", "expiring")]
    rows += [_line_row(line) for line in result.lines]
    return head + _aligned(rows)


def mission_table(view: MissionView) -> str:
    """The mission view as aligned text, then the training demand."""
    rows = [("unit", "country", "PCRS", "strength", "score", "status", "lines met")]
    rows += [(u.unit, u.country, u.pcrs_level or "-", str(u.strength), f"{u.score}", u.status,
              f"{u.lines_met}/{u.lines_total}") for u in view.units]
    demand = [("course", "shortfall")] + [(d.course, str(d.shortfall)) for d in view.demand]
    return (f"{view.requirement} v{view.requirement_version} on {view.as_of}: {len(view.units)} units\n"
            + _aligned(rows) + "\ntraining demand\n" + _aligned(demand))


def mission_csv(view: MissionView) -> str:
    """One row per unit and line: the figures a spreadsheet needs."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["unit", "country", "pcrs_level", "score", "status", "line", "role", "eligible",
                     "trained", "coverage_pct", "met", "shortfall", "expiring"])
    for unit in view.units:
        for line in unit.lines:
            writer.writerow([unit.unit, unit.country, unit.pcrs_level or "", unit.score, unit.status,
                             line.course or "women", line.role or "", line.eligible, line.trained,
                             line.coverage_pct, line.met, line.shortfall, line.expiring])
    return buffer.getvalue().rstrip("\n")


def _line_row(line: LineResult) -> tuple[str, ...]:
    return (line.course or "women", line.role or "-", f"{line.min_pct:g}", str(line.eligible),
            str(line.trained), f"{line.coverage_pct}", "yes" if line.met else "no",
            str(line.shortfall), str(line.expiring))


def _aligned(rows: list[tuple[str, ...]]) -> str:
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in rows)


def _day(text: str | None) -> date | None:
    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise typer.BadParameter(f"{text!r} is not a date YYYY-MM-DD", param_hint="--as-of") from None


@contextmanager
def _refusals():
    """Turn a business error into one error line and exit status 1."""
    try:
        yield
    except ReadinessError as problem:
        typer.secho(f"error: {problem.message}", err=True, fg=typer.colors.RED)
        raise typer.Exit(1) from problem
