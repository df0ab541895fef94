"""PCRS in a real browser: editing a unit's dates shows the timing warning in place."""

import re
from datetime import date

from playwright.sync_api import expect

UNIT = "IND-ENG-20"  # an L2 unit in the demo data that no other browser test uses


def test_editing_the_aav_date_shows_the_five_year_warning(page, live_server, sign_in, screenshot):
    sign_in("mission_planner", f"/units/{UNIT}")
    section = page.locator("#unit-pcrs")
    expect(section.locator("#unit-pcrs-title")).to_have_text("PCRS level and visits")
    expect(section).not_to_contain_text("more than 5 years ago")
    section.get_by_role("link", name="Edit the level and dates").click()
    old_visit = date(date.today().year - 6, 5, 12).isoformat()
    section.get_by_label("Level").select_option("L3")
    section.get_by_label("Last assessment and advisory visit on").fill(old_visit)
    section.get_by_label("At L3 since").fill(date(date.today().year - 5, 1, 10).isoformat())
    section.get_by_role("button", name="Save the level and dates").click()
    expect(section).to_contain_text("The PCRS level and dates are saved.")
    expect(section.locator(".pcrs-warning.high").first).to_contain_text(
        f"The last assessment and advisory visit was on {old_visit}, more than 5 years ago")
    expect(page.locator("#unit-pcrs-level")).to_have_text("L3")  # the header follows the edit
    screenshot("unit-pcrs-warning")


def test_the_pcrs_page_filters_units_with_warnings(page, live_server, sign_in):
    sign_in("mission_planner", "/pcrs")
    expect(page.locator("#pcrs-table tbody tr")).to_have_count(30)
    page.get_by_label("Units with warnings only").check()
    expect(page.locator("#pcrs-table tbody tr", has_text="PAK-INF-21")).to_contain_text("self-certification")
    expect(page).to_have_url(re.compile(r"warnings=1"))
    # An L1 unit pledged to no mission raises no warning, so the filter leaves it out.
    expect(page.locator("#pcrs-table tbody tr", has_text="RWA-L1H-08")).to_have_count(0)
