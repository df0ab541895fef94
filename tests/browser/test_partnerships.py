"""Partnerships in a real browser with the demo data: a partner records one through the form."""

import re

from playwright.sync_api import expect


def test_a_partner_records_a_partnership_through_the_form(page, live_server, sign_in, screenshot):
    sign_in("partner", "/partnerships")
    expect(page.locator("#partnerships-table")).to_contain_text("Pre-deployment training support to KAIPTC")
    page.get_by_role("link", name="Record a partnership").click()
    expect(page.locator("h1")).to_have_text("Record a partnership")
    page.get_by_label("Recipient country").select_option("RWA")
    page.get_by_label("Title").fill("Medical first responder course, browser test")
    page.locator("label.chip", has_text="Mentoring").click()
    page.locator("label.chip", has_text="Equipment").click()
    page.get_by_label(re.compile("^Courses delivered")).select_option(["UNBFAC", "FMAC"])
    page.get_by_label("Starts on").fill("2026-12-07")
    page.get_by_label(re.compile("^Ends on")).fill("2027-03-26")
    page.get_by_label("Long-term (not a one-off)").check()
    page.get_by_role("button", name="Save the partnership").click()
    expect(page).to_have_url(re.compile(r"/partnerships/\d+$"))
    expect(page.locator("h1")).to_have_text("Medical first responder course, browser test")
    facts = page.locator("#partnership-facts")
    expect(facts).to_contain_text("GPOI")
    expect(facts).to_contain_text("Rwanda")
    expect(facts).to_contain_text("Long-term")
    expect(page.get_by_role("link", name="UNBFAC")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Mentoring")
    screenshot("partnership")


def test_the_list_is_filtered_in_place_with_the_view_in_the_url(page, live_server, sign_in):
    sign_in("admin", "/partnerships")
    rows = page.locator("#partnerships-table tbody tr")
    page.get_by_label("Category").select_option("financial")
    expect(page).to_have_url(re.compile(r"category=financial"))
    expect(rows.first).to_contain_text(re.compile("Support for deploying more uniformed women|Engagement platoon"))
    for text in rows.all_inner_texts():
        assert "Financial" in text
