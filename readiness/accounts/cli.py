"""`readiness user …`: create users and set passwords from the command line (audited as 'cli')."""

import sys
from typing import Annotated

import typer

from readiness.accounts import service as accounts
from readiness.accounts.scope import SYSTEM
from readiness.db import unit_of_work
from readiness.errors import ReadinessError
from readiness.models import Role

user_app = typer.Typer(help="User accounts.", no_args_is_help=True)

PasswordStdin = Annotated[
    bool, typer.Option("--password-stdin", help="Read the password from the first line of standard input.")
]


def _password(from_stdin: bool) -> str:
    """The new password, from stdin or a hidden prompt typed twice; never from an argument (shell history)."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    return typer.prompt("Password", hide_input=True, confirmation_prompt=True)


def _refuse(problem: ReadinessError) -> None:
    typer.secho(f"error: {problem.message}", err=True, fg=typer.colors.RED)
    raise typer.Exit(1)


@user_app.command("create")
def create(
    email: Annotated[str, typer.Option(help="The user's e-mail address (their login).")],
    role: Annotated[Role, typer.Option(help="admin, training_centre, force_generation, mission_planner or partner.")],
    country: Annotated[str | None, typer.Option(help="ISO3 country (training_centre, force_generation).")] = None,
    centre: Annotated[str | None, typer.Option(help="Training centre code (training_centre).")] = None,
    partner: Annotated[str | None, typer.Option(help="Partner code (partner).")] = None,
    password_stdin: PasswordStdin = False,
) -> None:
    """Create a user bound to what the role needs: training_centre → country and centre,
    force_generation → country, partner → partner; admin and mission_planner → nothing."""
    password = _password(password_stdin)
    try:
        with unit_of_work() as session:
            user = accounts.create_user(session, actor=SYSTEM, email=email, password=password, role=role,
                                        country_code=country, centre_code=centre, partner_code=partner)
    except ReadinessError as problem:
        _refuse(problem)
    typer.echo(f"created user {user.email} ({user.role.value})")


@user_app.command("set-password")
def set_password(
    email: Annotated[str, typer.Option(help="The user's e-mail address.")],
    password_stdin: PasswordStdin = False,
) -> None:
    """Give a user a new password (their other sessions end)."""
    password = _password(password_stdin)
    try:
        with unit_of_work() as session:
            user = accounts.user_with_email(session, actor=SYSTEM, email=email)
            accounts.set_password(session, actor=SYSTEM, user=user, password=password)
    except ReadinessError as problem:
        _refuse(problem)
    typer.echo(f"password set for {email}")
