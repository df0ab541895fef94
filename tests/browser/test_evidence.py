"""The evidence pack in a real browser, opened from a unit's readiness card on the demo data."""

import re

from playwright.sync_api import expect


def test_the_evidence_pack_opens_from_the_readiness_card(page, live_server, sign_in, screenshot):
    sign_in("force_generation", "/units/GHA-INF-01")
    as_of = page.locator("#as_of").input_value()
    page.locator("#readiness-card").get_by_role("link", name="Evidence pack").click()
    page.wait_for_url(re.compile(r"/units/GHA-INF-01/evidence\?requirement=.+&as_of=" + as_of), timeout=20_000)
    header = page.locator("#evidence-header")
    expect(header.locator("h1")).to_contain_text("GHA-INF-01")
    expect(page.locator("#evidence-reference")).to_have_text(re.compile(r"^EP-\d{8}-\d{6}-[0-9A-F]{6}$"))
    expect(page.locator("#evidence-generated")).to_contain_text("forcegen.gha@demo.readiness")
    first_line = page.locator("#evidence-line-1")
    expect(first_line.locator("h2")).to_be_visible()
    expect(first_line.locator(".evidence-trained")).to_have_text(re.compile(r"\d"))
    expect(page.locator("#evidence-sign-off")).to_contain_text("Unit commander")
    screenshot("evidence-pack", full_page=False)
    # Leave the pack (about 1,000 rows on the demo battalion) before the fixture's full-page
    # screenshot, which outlasts its timeout on a busy machine.
    page.go_back()


def test_a_planner_reads_the_pack_as_counts(page, live_server, sign_in):
    sign_in("mission_planner", "/units/GHA-INF-01")
    page.locator("#readiness-card").get_by_role("link", name="Evidence pack").click()
    expect(page.locator("#evidence-people-note")).to_be_visible()
    expect(page.locator(".evidence-completions")).to_have_count(0)
