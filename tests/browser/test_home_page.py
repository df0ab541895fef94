"""The overview page in a real browser, with the demo data."""

from playwright.sync_api import expect


def test_the_overview_shows_the_demo_figures(page, live_server, sign_in):
    sign_in("admin")
    expect(page.locator("h1")).to_have_text("Overview")
    table = page.locator("#units-by-level-table")
    expect(table).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(5)
    units = page.locator(".figures div").filter(has_text="Units").locator("dd")
    expect(units).to_have_text("30")


def test_a_visitor_is_sent_to_the_sign_in_page(page, live_server):
    page.goto(live_server + "/")
    expect(page).to_have_url(f"{live_server}/login?next=%2F")
    expect(page.get_by_label("Password")).to_be_visible()


def test_a_national_user_sees_only_their_countrys_units(page, live_server, sign_in):
    sign_in("force_generation")
    units = page.locator(".figures div").filter(has_text="Units").locator("dd")
    expect(units).to_have_text("4")


def test_htmx_is_loaded_from_our_own_static_files(page, live_server, sign_in):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(f"{live_server}/login")  # the sign-in page's own requests count too
    expect(page.get_by_label("Password")).to_be_visible()
    sign_in("mission_planner")
    assert page.evaluate("typeof window.htmx") == "object"
    assert all(url.startswith(live_server) for url in requests)
