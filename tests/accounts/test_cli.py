"""`readiness user create` and `readiness user set-password`."""

from contextlib import nullcontext

import pytest
from typer.testing import CliRunner

from readiness.accounts import cli as user_cli
from readiness.accounts import passwords, repository
from readiness.cli import app
from tests.factories import TrainingCentreFactory, UserFactory

runner = CliRunner()


@pytest.fixture(autouse=True)
def cli_uses_the_test_session(monkeypatch, session):
    monkeypatch.setattr(user_cli, "unit_of_work", lambda: nullcontext(session))


def run(*arguments, password="a-long-cli-password"):
    return runner.invoke(app, ["user", *arguments, "--password-stdin"], input=password + "\n")


def test_it_creates_a_training_centre_user(session):
    centre = TrainingCentreFactory()
    result = run("create", "--email", "tc@example.org", "--role", "training_centre",
                 "--country", centre.country_code, "--centre", centre.code)
    assert result.exit_code == 0, result.output
    user = repository.user_by_email(session, "tc@example.org")
    assert user.centre_id == centre.id and passwords.verify_password(user.password_hash, "a-long-cli-password")


def test_it_refuses_a_force_generation_user_without_a_country(session):
    result = run("create", "--email", "fg@example.org", "--role", "force_generation")
    assert result.exit_code == 1 and "needs these bindings: country" in result.output
    assert repository.user_by_email(session, "fg@example.org") is None


def test_it_refuses_an_unknown_role():
    assert run("create", "--email", "x@example.org", "--role", "general").exit_code == 2


def test_it_sets_a_new_password(session):
    user = UserFactory()
    result = run("set-password", "--email", user.email, password="a-brand-new-password")
    assert result.exit_code == 0
    assert passwords.verify_password(user.password_hash, "a-brand-new-password")


def test_it_names_an_unknown_user():
    result = run("set-password", "--email", "nobody@example.org")
    assert result.exit_code == 1 and "no user" in result.output
