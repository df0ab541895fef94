"""`readiness import requirements FILE.yaml`: load mission requirements from a file (audited as 'cli')."""

from pathlib import Path
from typing import Annotated

import typer

from readiness.accounts.scope import SYSTEM
from readiness.db import unit_of_work
from readiness.errors import ReadinessError
from readiness.requirements.files import read_requirements_file
from readiness.requirements.service import import_requirements


def import_requirements_command(
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False, help="YAML file of requirements.")],
) -> None:
    """Import requirements; the same code and version again changes nothing, all or nothing."""
    try:
        with unit_of_work() as session:
            report = import_requirements(
                session, read_requirements_file(path), recorded_by=f"cli:{path.name}", actor=SYSTEM
            )
    except ReadinessError as problem:
        typer.secho(f"error: {problem.message}", err=True, fg=typer.colors.RED)
        for detail in problem.details:
            typer.echo(f"  {' · '.join(str(value) for value in detail.values())}", err=True)
        raise typer.Exit(1) from problem
    created = ", ".join(report.codes) or "none"
    typer.echo(f"requirements: {report.created} created ({created}), {report.unchanged} unchanged")
