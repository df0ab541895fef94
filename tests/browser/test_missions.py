"""The mission comparison in a real browser, with the demo data: the heatmap, and sorting it by a line."""


from playwright.sync_api import expect

COMPARE = "/missions/compare?requirement=MINUSCA-INF-2026"


def unit_order(page) -> list[str]:
    return [code.split()[0] for code in page.locator("#heatmap-table tbody th[scope=row]").all_inner_texts()]


def column_values(page, position: int) -> list[float]:
    cells = page.locator(f"#heatmap-table tbody tr td:nth-of-type({position + 3})").all_inner_texts()
    return [float(text.split()[-1].replace(",", "")) for text in cells]


def test_a_planner_compares_units_and_sorts_them_by_a_line(page, live_server, sign_in, screenshot):
    sign_in("mission_planner", "/missions")
    page.get_by_role("link", name="Compare units against MINUSCA-INF-2026").click()
    expect(page.locator("#heatmap-table")).to_be_visible()
    by_score = unit_order(page)
    assert len(by_score) > 2
    expect(page.locator("#demand-table tbody tr").first).to_be_visible()
    screenshot("mission-comparison")

    women = page.locator("#heatmap-table thead th").last
    women.get_by_role("link").click()
    expect(page).to_have_url(f"{live_server}{COMPARE}&sort=line%3A8&dir=desc")
    expect(women).to_have_attribute("aria-sort", "descending")
    by_women = unit_order(page)
    shares = column_values(page, 8)
    assert shares == sorted(shares, reverse=True)
    assert by_women != by_score and sorted(by_women) == sorted(by_score)


def test_the_heatmap_filters_by_country_and_keeps_it_in_the_url(page, live_server, sign_in):
    sign_in("mission_planner", COMPARE)
    page.get_by_label("Country").select_option(label="Rwanda")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(f"{live_server}/missions/compare?requirement=MINUSCA-INF-2026&as_of=&country=RWA"
                             "&pcrs_level=&status=&sort=score&dir=desc")
    assert unit_order(page) and all(code.startswith("RWA-") for code in unit_order(page))
