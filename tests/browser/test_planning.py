"""The training plan in a real browser: from the readiness card to booked places and back."""

import re

import pytest
import sqlalchemy as sa
from playwright.sync_api import expect

from readiness.accounts.demo import DEMO_USERS
from readiness.models import SessionPlace


@pytest.fixture
def no_places_left_behind(demo_engine):
    """The live server's database is shared by every browser test: give back the places booked here."""
    yield
    forcegen = next(user for user in DEMO_USERS if user.role == "force_generation")
    with demo_engine.begin() as connection:
        connection.execute(sa.delete(SessionPlace).where(SessionPlace.booked_by == forcegen.email))


def test_a_force_generation_user_books_the_plan_from_the_readiness_card(page, live_server, sign_in, screenshot,
                                                                         no_places_left_behind):
    sign_in("force_generation", "/units/GHA-EP-04")
    page.get_by_role("link", name="Plan the training to be ready by deployment").click()
    expect(page).to_have_url(re.compile(r"/units/GHA-EP-04/plan\?requirement=UNISFA-EP-2026"), timeout=20000)
    expect(page.locator("#plan-verdict")).to_contain_text("No plan can make the unit ready by")
    expect(page.locator("#plan-verdict")).to_contain_text("training cannot close this; the roster must change")
    roe = page.locator("#plan-lines tbody tr", has_text="ROE-MISSION")
    expect(roe).to_contain_text("Reached by this plan")
    screenshot("training-plan")

    page.get_by_role("button", name=re.compile(r"^Book these places \(\d+\)$")).click()

    expect(page.locator("#plan-notice")).to_contain_text("places booked.")
    expect(page.get_by_role("button", name=re.compile(r"^Book these places"))).to_have_count(0)
    expect(roe.locator("td").nth(2)).not_to_have_text("0")
    expect(page.locator(".plan-line .booked").first).to_be_visible()

    page.once("dialog", lambda dialog: dialog.accept())
    page.locator(".plan-line").first.get_by_role("button", name="Cancel the place").first.click()

    expect(page.locator("#plan-notice")).to_have_text("The place was cancelled.")
    expect(page.get_by_role("button", name="Book these places (1)")).to_be_visible()


def test_a_planner_is_refused_the_plan(page, live_server, sign_in):
    sign_in("mission_planner", "/units/GHA-EP-04/plan")
    expect(page.get_by_text("only the unit's own country may see it")).to_be_visible()
