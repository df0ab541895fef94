"""Caveats in a real browser: adding one with the htmx form raises the red flag on the unit page."""

import re

from playwright.sync_api import expect

# A unit without caveats in the demo data that no other browser test uses: the flag comes from this test.
UNIT = "IDN-MP-30"


def test_adding_an_undeclared_caveat_raises_the_red_flag_on_the_unit_page(page, live_server, sign_in, screenshot):
    sign_in("mission_planner", f"/units/{UNIT}")
    header_flag = page.locator("#unit-flag")
    expect(page.locator("#unit-caveats-title")).to_have_text("Caveats")
    expect(header_flag).not_to_contain_text("Red flag")
    page.evaluate("window.stillTheSamePage = true")
    page.locator("#unit-caveats summary").click()
    form = page.locator("#unit-caveats form.caveat-form")
    form.get_by_label("Declared by the country").uncheck()
    form.get_by_label("Kind").select_option("movement")
    form.get_by_label("What it restricts").fill("No movement beyond the town limits after dark.")
    form.get_by_role("button", name="Add the caveat").click()
    expect(page.locator("#unit-caveats")).to_contain_text("No movement beyond the town limits after dark.")
    expect(page.locator("#caveats-flagged")).to_contain_text("Red flag")
    expect(header_flag).to_contain_text("Red flag: a caveat in force is undeclared or not accepted by the UN")
    assert page.evaluate("window.stillTheSamePage") is True
    screenshot("unit-caveat-red-flag")


def test_an_undeclared_caveat_cannot_be_said_accepted(page, live_server, sign_in):
    sign_in("mission_planner", f"/units/{UNIT}/caveats")
    page.locator("#unit-caveats summary").click()
    form = page.locator("#unit-caveats form.caveat-form")
    form.get_by_label("Declared by the country").uncheck()
    form.get_by_label("Accepted by the UN").check()
    form.get_by_label("Kind").select_option("task")
    form.get_by_label("What it restricts").fill("No escort duties.")
    form.get_by_role("button", name="Add the caveat").click()
    expect(page.locator("#new-error-accepted_by_un")).to_contain_text("cannot be accepted by the UN")


def test_the_demo_unit_with_an_undeclared_caveat_is_flagged_in_the_units_list(page, live_server, sign_in):
    sign_in("admin", "/units?country=NPL")
    row = page.locator("#units-table tbody tr", has_text="NPL-INF-09")
    expect(row.locator(".caveat-flag")).to_contain_text("Red flag")
    expect(page).to_have_url(re.compile("country=NPL"))
