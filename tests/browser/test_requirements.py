"""The requirement editor in a real browser: add a line in place, save it as a new version."""


from playwright.sync_api import expect



def test_a_planner_adds_a_line_and_saves_a_new_version(page, live_server, sign_in, screenshot):
    sign_in("mission_planner", "/requirements/UNISFA-EP-2026")
    page.get_by_role("link", name="Edit: save a new version").click()
    lines = page.locator("#draft-lines tbody tr")
    expect(lines).to_have_count(8)

    page.get_by_label("Course", exact=True).select_option("LANG-FR")
    page.get_by_label("Minimum share").last.fill("10")
    page.get_by_label("Only for role (optional)").fill("commander")
    page.get_by_role("button", name="Add the line").click()
    expect(lines).to_have_count(9)
    expect(lines.last).to_contain_text("LANG-FR")
    assert page.url.endswith("/requirements/UNISFA-EP-2026/edit")  # swapped in place, no page load
    screenshot("requirement-editor")

    page.get_by_role("button", name="Save as version 2").click()
    expect(page).to_have_url(f"{live_server}/requirements/UNISFA-EP-2026?version=2")
    expect(page.locator("#requirement-lines")).to_contain_text("LANG-FR")
    expect(page.locator("#requirement-versions tbody tr")).to_have_count(2)


def test_a_bad_share_is_shown_next_to_its_field(page, live_server, sign_in):
    sign_in("admin", "/requirements/UNMISS-L2H-2026/edit")
    page.get_by_label("Course", exact=True).select_option("CIED")
    page.get_by_label("Minimum share").last.fill("150")
    page.get_by_role("button", name="Add the line").click()
    expect(page.locator("#new_min_pct-error")).to_have_text("Enter a percentage from 0 to 100.")
    expect(page.get_by_label("Minimum share").last).to_have_attribute("aria-invalid", "true")
