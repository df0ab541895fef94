"""Gender parity in a real browser with the demo data: the as-of date, the targets form, the unit section."""

import re

from playwright.sync_api import expect

from tests.browser.accessibility import finish_axe, start_axe


def test_changing_the_as_of_date_refreshes_the_figures_in_place(page, live_server, sign_in, screenshot):
    sign_in("admin", "/parity")
    expect(page.locator("#parity-countries tbody tr").first).to_be_visible()
    expect(page.locator("#parity-units [data-colour]").first).to_be_visible()
    page.evaluate("window.stillTheSamePage = true")

    page.get_by_label("As of").fill("2028-03-01")

    expect(page.locator("#parity-as-of")).to_contain_text("Mar 1, 2028")
    expect(page.locator("#applied-targets")).to_contain_text("20.0%")  # the sourced 2028 FPU target
    expect(page).to_have_url(re.compile(r"as_of=2028-03-01"))
    assert page.evaluate("window.stillTheSamePage") is True
    screenshot("parity")


def test_an_admin_adds_an_illustrative_target_with_the_form(page, live_server, sign_in):
    sign_in("admin", "/parity/targets")
    expect(page.locator("#targets-table td[data-year='2028'][data-category='individual_police']")).to_contain_text("sourced")
    page.evaluate("window.stillTheSamePage = true")

    page.get_by_label("Year").fill("2031")
    page.get_by_label("Category").select_option("individual_police")
    page.get_by_label("Target (% women)").fill("32")
    page.get_by_role("button", name="Save the target").click()

    expect(page.get_by_role("status")).to_have_text("The target is saved.")
    cell = page.locator("#targets-table td[data-year='2031'][data-category='individual_police']")
    expect(cell).to_contain_text("32.0%")
    expect(cell).to_contain_text("illustrative")
    assert page.evaluate("window.stillTheSamePage") is True


def test_an_admin_removes_an_illustrative_target_after_confirming(page, live_server, sign_in):
    # Its own year, added here first, so the demo's targets stay as the other tests expect them.
    sign_in("admin", "/parity/targets")
    page.get_by_label("Year").fill("2033")
    page.get_by_label("Category").select_option("formed_police_unit")
    page.get_by_label("Target (% women)").fill("27")
    page.get_by_role("button", name="Save the target").click()
    cell = page.locator("#targets-table td[data-year='2033'][data-category='formed_police_unit']")
    expect(cell).to_contain_text("illustrative")
    questions: list[str] = []
    page.once("dialog", lambda dialog: (questions.append(dialog.message), dialog.accept()))

    cell.get_by_role("button", name=re.compile("^Remove")).click()

    expect(page.get_by_role("status")).to_contain_text("The target is removed")
    expect(page.locator("#targets-table td[data-year='2033']")).to_have_count(0)
    assert questions and "2033" in questions[0]


def test_a_non_admin_reads_the_targets_without_the_form(page, live_server, sign_in):
    sign_in("partner", "/parity/targets")
    expect(page.locator("#targets-table")).to_be_visible()
    expect(page.locator("#target-form")).to_have_count(0)


def test_the_units_gender_parity_section_opens_as_a_page_of_its_own(page, live_server, sign_in):
    # The unit page loads this section lazily; its own URL is the link shown without JavaScript.
    sign_in("force_generation", "/units/GHA-FPU-02/parity")
    section = page.locator("#unit-parity")
    expect(section.locator("#unit-parity-title")).to_be_visible()
    expect(section.locator("#unit-parity-share")).to_contain_text("%")
    expect(section.locator("[data-colour]").first).to_be_visible()


def test_the_units_parity_section_follows_the_readiness_cards_date(page, live_server, sign_in):
    sign_in("force_generation", "/units/GHA-FPU-02")
    card_day = page.locator("#card-as-of")
    expect(page.locator("#unit-parity-as-of")).to_have_text(card_day.inner_text())
    page.get_by_label("As of").fill("2026-01-15")
    expect(card_day).to_have_text("Jan 15, 2026")
    expect(page.locator("#unit-parity-as-of")).to_have_text("Jan 15, 2026")


def test_the_parity_pages_have_no_serious_accessibility_violation(page, live_server, sign_in):
    sign_in("admin")
    paths = ("/parity", "/parity?colour=red&as_of=2028-01-01", "/parity/targets", "/units/GHA-FPU-02/parity")
    # One tab a page: axe checks each while the next one loads.
    tabs = [page] + [page.context.new_page() for _ in paths[1:]]
    for tab, path in zip(tabs, paths):
        tab.goto(live_server + path)
        start_axe(tab)
    problems = {path: finish_axe(tab) for tab, path in zip(tabs, paths)}
    assert problems == {path: [] for path in problems}
