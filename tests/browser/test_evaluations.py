"""Evaluations in a real browser with the demo data: the htmx form, the unit page's section, the report."""

import re

from playwright.sync_api import expect


def test_a_planner_adds_an_evaluation_with_two_findings_through_the_htmx_form(page, live_server, sign_in, screenshot):
    sign_in("mission_planner", "/evaluations/new")
    page.locator("#unit").select_option("GHA-EP-04")
    page.locator("#mission").select_option("UNISFA")
    page.locator("#instrument").select_option("fc_unit_eval")
    page.locator("#rating-protection_of_civilians").select_option("2")
    page.locator("#rating-medical").select_option("3")
    page.locator("#finding-0-text").fill("Engagement teams lacked first aid kits and drills")
    page.locator("#finding-0-courses").select_option(["UNBFAC"])
    page.locator("#finding-0-categories").select_option(["medical"])
    page.evaluate("window.stillTheSamePage = true")
    page.get_by_role("button", name="Add another finding").click()
    expect(page.locator("#finding-1-text")).to_be_visible()
    assert page.evaluate("window.stillTheSamePage") is True  # the row came by htmx, not a reload
    page.locator("#finding-1-text").fill("Patrols did not report protection-of-civilians threats")
    page.locator("#finding-1-courses").select_option(["CPTM-2.5"])
    screenshot("evaluation-form")
    page.get_by_role("button", name="Save the evaluation").click()

    expect(page).to_have_url(re.compile(r"/evaluations/\d+$"))
    expect(page.locator("#findings-list li")).to_have_count(2)
    expect(page.locator("#findings-list")).to_contain_text("CPTM-2.5")


def test_an_empty_finding_row_is_named_and_can_be_removed(page, live_server, sign_in):
    sign_in("mission_planner", "/evaluations/new")
    page.get_by_role("button", name="Add another finding").click()
    expect(page.locator("#finding-1")).to_be_visible()
    page.locator("#finding-1").get_by_role("button", name="Remove this finding").click()
    expect(page.locator("#finding-1")).to_have_count(0)


def test_recommended_training_appears_on_the_unit_page(page, live_server, sign_in, screenshot):
    sign_in("mission_planner", "/units/GHA-INF-01")
    section = page.locator("#unit-evaluations")
    expect(section.locator("#unit-evaluations-title")).to_have_text("Performance evaluations")
    expect(section.locator("#unit-evaluations-table tbody tr")).to_have_count(2)
    unbfac = section.locator("#recommended-UNBFAC")
    expect(unbfac).to_contain_text("Casualty evacuation drills slow at night")
    expect(unbfac.locator(".lacking")).to_contain_text("on the roster today")
    expect(section.locator("#recommended-CPTM-2\\.5")).to_contain_text("protection-of-civilians threats")
    section.scroll_into_view_if_needed()
    screenshot("unit-recommended-training")


def test_the_units_own_country_sees_who_lacks_the_training(page, live_server, sign_in):
    sign_in("force_generation", "/units/GHA-INF-01")
    unbfac = page.locator("#unit-evaluations #recommended-UNBFAC")
    expect(unbfac).to_be_visible()
    unbfac.get_by_text("Who lacks it").click()
    expect(unbfac.locator("ul.people li").first).to_be_visible()


def test_a_partner_reads_the_country_feedback_report(page, live_server, sign_in, screenshot):
    sign_in("partner", "/countries/GHA/feedback")
    expect(page.locator("h1")).to_contain_text("Ghana")
    expect(page.locator("#feedback-areas tbody tr").first).to_be_visible()
    expect(page.locator("#feedback-recommended #recommended-UNBFAC")).to_be_visible()
    expect(page.locator("#feedback-plans li")).to_have_count(1)
    screenshot("country-feedback")
