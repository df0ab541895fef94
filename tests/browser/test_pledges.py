"""Pledges in a real browser with the demo data: a ministerial's page, and a progress note added in place."""

import re

from playwright.sync_api import expect


def test_a_ministerial_shows_its_published_figures_and_the_recorded_pledges(page, live_server, sign_in):
    sign_in("mission_planner", "/pledges")
    page.get_by_role("link", name="Accra 2023").first.click()
    expect(page.locator("h1")).to_contain_text("Accra 2023")
    expect(page.locator("#event-summary")).to_contain_text("91 member states attended; 57 pledged")
    expect(page.locator("#counts-by-category")).to_be_visible()
    expect(page.locator("#pledges-table")).to_contain_text("A formed police unit")


def test_force_generation_adds_a_progress_note_in_place(page, live_server, sign_in, screenshot):
    sign_in("force_generation", "/pledges")
    page.get_by_label("Ministerial", exact=True).select_option("seoul-2021")
    expect(page).to_have_url(re.compile(r"event=seoul-2021"))
    page.get_by_role("link", name=re.compile("^A level 2 hospital")).click()
    expect(page.locator("#pledge-detail")).to_contain_text("A level 2 hospital")
    page.evaluate("window.stillTheSamePage = true")
    page.get_by_label("Progress note").fill("Rotation completed, browser test")
    page.get_by_role("button", name="Add the note").click()
    expect(page.locator("#notes-list")).to_contain_text("Rotation completed, browser test")
    expect(page.locator("#notes-list li").first).to_contain_text("forcegen.gha@demo.readiness")
    expect(page.get_by_label("Progress note")).to_have_value("")
    assert page.evaluate("window.stillTheSamePage") is True
    screenshot("pledge")


def test_a_planner_records_a_unit_pledge_and_the_units_follow_the_country(page, live_server, sign_in):
    sign_in("mission_planner", "/pledges/new?event=berlin-2025")
    page.get_by_label("Pledging country").select_option("RWA")
    units = page.locator("#unit option")
    expect(units.filter(has_text="RWA-L1H-08")).to_have_count(1)
    expect(units.filter(has_text="GHA-")).to_have_count(0)
    page.get_by_label("Category", exact=True).select_option("units")
    page.get_by_label("What was pledged").fill("A level 1 hospital, browser test")
    page.locator("#unit").select_option("RWA-L1H-08")
    page.get_by_role("button", name="Save the pledge").click()
    expect(page).to_have_url(re.compile(r"/pledges/\d+$"))
    expect(page.locator("h1")).to_have_text("Pledge of Rwanda at Berlin 2025")
    expect(page.get_by_role("link", name="RWA-L1H-08")).to_be_visible()
