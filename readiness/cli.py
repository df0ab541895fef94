"""The `readiness` command: owns the database (migrations, seeding) and serves the web app."""

import sys
from datetime import date
from typing import Annotated

import typer
from pydantic import ValidationError
from sqlalchemy.exc import ArgumentError, OperationalError, ProgrammingError

from readiness.accounts.cli import user_app
from readiness.config import get_settings
from readiness.db import describe_url, get_engine, unit_of_work
from readiness.imports.cli import add_import_commands
from readiness.readiness.cli import report_app
from readiness.requirements.cli import import_requirements_command

app = typer.Typer(help="Readiness: training and readiness of UN peacekeeping units.", no_args_is_help=True)
db_app = typer.Typer(help="Database schema (Alembic migrations).", no_args_is_help=True)
seed_app = typer.Typer(help="Load reference data or generated data sets.", no_args_is_help=True)
app.add_typer(db_app, name="db")
app.add_typer(seed_app, name="seed")
app.add_typer(user_app, name="user")
import_app = typer.Typer(help="Import records from files.", no_args_is_help=True)
import_app.command("requirements")(import_requirements_command)
add_import_commands(import_app)
app.add_typer(import_app, name="import")
app.add_typer(report_app, name="report")


def fail(message: str, code: int = 1) -> None:
    """Print one clear error line and exit."""
    typer.secho(f"error: {message}", err=True, fg=typer.colors.RED)
    raise typer.Exit(code)


@db_app.command("upgrade")
def db_upgrade(revision: Annotated[str, typer.Argument(help="Target revision.")] = "head") -> None:
    """Create or migrate the database schema to the latest revision."""
    from readiness import migrate

    migrate.upgrade(get_engine(), revision)
    typer.echo(f"database at {describe_url(get_settings().database_url)} is at revision {revision}")


@db_app.command("downgrade")
def db_downgrade(revision: Annotated[str, typer.Argument(help="Target revision.")]) -> None:
    """Take the schema back to REVISION (use `base` to drop every table)."""
    from readiness import migrate

    migrate.downgrade(get_engine(), revision)
    typer.echo(f"database is at revision {revision}")


@seed_app.command("reference")
def seed_reference() -> None:
    """Load countries, missions, unit types, centres, partners, courses and requirements from seed/. Safe to repeat."""
    from readiness.seeding.reference import load_reference_data

    with unit_of_work() as session:
        counts = load_reference_data(session, get_settings().seed_dir)
    _print_counts("reference data", counts)


@seed_app.command("demo")
def seed_demo(
    seed: Annotated[int, typer.Option(help="Random seed; the same seed gives the same data.")] = 2021,
    today: Annotated[str | None, typer.Option(help="Reference date YYYY-MM-DD (default: today).")] = None,
) -> None:
    """Generate demo countries' units, people, assignments and completions. Safe to repeat."""
    from readiness.seeding.demo import load_demo_data

    reference_day = date.fromisoformat(today) if today else date.today()
    with unit_of_work() as session:
        counts = load_demo_data(session, seed=seed, today=reference_day)
    _print_counts("demo data", counts)


@seed_app.command("scale")
def seed_scale(
    units: Annotated[int, typer.Option(help="Units to generate.")] = 2_500,
    people: Annotated[int, typer.Option(help="People to generate (spread evenly over the units).")] = 250_000,
    completions: Annotated[int, typer.Option(help="Completions to generate.")] = 2_500_000,
    seed: Annotated[int, typer.Option(help="Random seed; the same seed gives the same data.")] = 2026,
    today: Annotated[str | None, typer.Option(help="Reference date YYYY-MM-DD (default: today).")] = None,
) -> None:
    """Generate a UN-wide data set with bulk inserts, for benchmarks (after `seed reference`)."""
    from readiness.seeding.scale import ScaleSize, load_scale_data

    reference_day = date.fromisoformat(today) if today else date.today()
    size = ScaleSize(units=units, people=people, completions=completions)
    try:
        counts = load_scale_data(get_engine(), size=size, seed=seed, today=reference_day)
    except RuntimeError as problem:
        fail(str(problem))
    _print_counts("scale data", counts)


@app.command("serve")
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(help="Worker processes (stateless; share the database).")] = 1,
) -> None:
    """Serve the web application and the JSON API."""
    import uvicorn

    from readiness.db import database_answers

    if not database_answers(get_engine()):
        fail(f"cannot reach the database at {describe_url(get_settings().database_url)}")
    typer.echo(f"Readiness on http://{host}:{port}/ (database {describe_url(get_settings().database_url)})")
    uvicorn.run("readiness.app:create_app", factory=True, host=host, port=port, workers=workers)


def _print_counts(what: str, counts: dict[str, int]) -> None:
    summary = ", ".join(f"{name}: {number}" for name, number in counts.items())
    typer.echo(f"{what}: {summary}")


def main() -> None:
    """Entry point: run the CLI, turning database connection failures into one line."""
    try:
        get_settings()
    except ValidationError as exc:
        problems = "; ".join(error["msg"] for error in exc.errors())
        print(f"error: invalid settings: {problems}", file=sys.stderr)
        sys.exit(2)
    try:
        app()
    except ArgumentError as exc:
        print(f"error: READINESS_DATABASE_URL is not a database URL: {exc}", file=sys.stderr)
        sys.exit(2)
    except (OperationalError, ProgrammingError) as exc:
        print(_database_error_line(exc), file=sys.stderr)
        sys.exit(2)


def _database_error_line(exc: OperationalError | ProgrammingError) -> str:
    reason = str(exc.orig).strip().splitlines()[0] if exc.orig else str(exc)
    url = describe_url(get_settings().database_url)
    # SQLite says "no such table", PostgreSQL "relation ... does not exist".
    if "no such table" in reason or "does not exist" in reason and "relation" in reason:
        return f"error: the database at {url} has no schema yet ({reason}); run `readiness db upgrade`"
    return f"error: cannot use the database at {url}: {reason}"
