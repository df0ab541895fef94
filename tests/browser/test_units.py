"""Force generation pages in a real browser with the demo data: dashboard, units, unit page, people."""

import re

import pytest
from playwright.sync_api import expect



@pytest.mark.parametrize("role", ["admin", "training_centre", "force_generation", "mission_planner", "partner"])
def test_every_role_sees_the_dashboard(page, live_server, sign_in, role):
    sign_in(role)
    expect(page.locator("#readiness-table")).to_be_visible()
    expect(page.locator("#women-bars svg").first).to_be_visible()
    imports = page.locator("#imports-title")
    expect(imports).to_have_count(1 if role in ("admin", "training_centre", "force_generation") else 0)


def test_units_are_filtered_searched_and_sorted_with_the_view_in_the_url(page, live_server, sign_in):
    sign_in("admin", "/units")
    rows = page.locator("#units-table tbody tr")
    expect(rows).to_have_count(30)
    page.get_by_label("Country").select_option("GHA")
    expect(page).to_have_url(re.compile(r"country=GHA"))
    expect(rows).to_have_count(4)
    page.get_by_role("link", name=re.compile("^Score")).click()
    expect(page).to_have_url(re.compile(r"sort=score"))
    expect(page.locator("#units-table th[aria-sort]")).to_contain_text("Score")
    page.get_by_label("Search code or name").fill("INF")
    expect(page).to_have_url(re.compile(r"q=INF"))
    expect(rows).to_have_count(1)


def test_the_as_of_date_updates_the_card_in_place(page, live_server, sign_in):
    sign_in("force_generation", "/units")
    page.locator("#units-table tbody th a").first.click()
    expect(page.locator("#readiness-card")).to_be_visible()
    page.evaluate("window.stillTheSamePage = true")
    page.get_by_label("As of").fill("2026-01-15")
    expect(page.locator("#card-as-of")).to_have_text("Jan 15, 2026")
    expect(page).to_have_url(re.compile(r"as_of=2026-01-15"))
    assert page.evaluate("window.stillTheSamePage") is True


def test_a_planner_sees_the_unit_without_names(page, live_server, sign_in):
    sign_in("mission_planner", "/units/GHA-INF-01")
    expect(page.locator("#needs-counts")).to_be_visible()
    expect(page.locator("#gaps-table")).to_have_count(0)
    expect(page.locator("#roster-table")).to_have_count(0)


def test_people_are_found_as_you_type(page, live_server, sign_in):
    sign_in("force_generation", "/people")
    page.get_by_label("Service number or name").fill("GH00002")
    expect(page).to_have_url(re.compile(r"q=GH00002"))
    expect(page.locator("#people-table tbody tr").first).to_contain_text("GH00002")
    page.locator("#people-table tbody a").first.click()
    expect(page.locator("#person-completions")).to_be_visible()


def test_a_planner_is_told_people_are_not_shown(page, live_server, sign_in):
    sign_in("mission_planner")
    response = page.goto(f"{live_server}/people")
    assert response.status == 403
    expect(page.locator("h1")).to_have_text("Not allowed")


def test_screenshots_of_the_main_pages(page, live_server, sign_in, screenshot):
    sign_in("force_generation")
    screenshot("dashboard")
    page.goto(f"{live_server}/units")
    screenshot("units")
    page.goto(f"{live_server}/units/GHA-INF-01")
    expect(page.locator("#readiness-card")).to_be_visible()
    page.set_viewport_size({"width": 1280, "height": 1500})
    screenshot("unit", full_page=False)
