"""When an htmx request fails, the page says so instead of silently doing nothing."""

from playwright.sync_api import expect


def test_a_failed_search_shows_a_message_and_the_next_one_clears_it(page, live_server, sign_in):
    sign_in("admin")
    page.goto(f"{live_server}/units")
    page.route("**/units?*q=boom*", lambda route: route.fulfill(status=500, body="broken"))
    page.get_by_label("Search code or name").fill("boom")
    problem = page.locator("#request-problem")
    expect(problem).to_be_visible()
    expect(problem).to_contain_text("500")
    page.unroute("**/units?*q=boom*")
    page.get_by_label("Search code or name").fill("GHA")
    expect(problem).to_be_hidden()
