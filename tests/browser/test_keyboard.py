"""Keyboard-only walks through the main flows: Tab, typing, Enter and the arrow keys, no clicks.

Each step checks which element has the focus (document.activeElement) and that the focus is
visible (the stylesheet's :focus-visible outline), as a sighted keyboard user would need.
"""

import re

from playwright.sync_api import expect

from readiness.accounts.demo import DEMO_USERS

COMPARE = "/missions/compare?requirement=MINUSCA-INF-2026"
IS_FOCUSED = "element => element === document.activeElement"


def focused(page) -> str:
    """A short description of the focused element, for failure messages."""
    return page.evaluate("""() => {
        const el = document.activeElement;
        if (!el) { return "nothing"; }
        return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
            + " " + (el.textContent || el.value || "").trim().slice(0, 40);
    }""")


def tab_to(page, locator, max_presses: int = 60, key: str = "Tab") -> None:
    """Press Tab (or `key`, e.g. Shift+Tab) until the locator's element has the focus, failing if it is not reached."""
    expect(locator).to_be_attached()
    if locator.evaluate(IS_FOCUSED):
        return
    for _press in range(max_presses):
        page.keyboard.press(key)
        if locator.evaluate(IS_FOCUSED):
            return
    raise AssertionError(f"{locator} was not reached in {max_presses} presses of {key} "
                         f"(the focus is on {focused(page)})")


def assert_focus_is_visible(locator) -> None:
    """The focused element is drawn with an outline (the :focus-visible rule of the stylesheet)."""
    assert locator.evaluate(IS_FOCUSED), "the element does not have the focus"
    outline = locator.evaluate("element => getComputedStyle(element).outlineStyle")
    width = locator.evaluate("element => parseFloat(getComputedStyle(element).outlineWidth)")
    assert outline != "none" and width > 0, f"no visible focus outline ({outline}, {width}px)"


def sign_in_with_the_keyboard(page, live_server, role: str, next_path: str = "/"):
    demo = next(user for user in DEMO_USERS if user.role == role)
    page.goto(f"{live_server}/login?next={next_path}")
    email = page.locator("#email")
    tab_to(page, email)  # the field has autofocus, so this may take no press at all
    page.keyboard.type(demo.email)
    password = page.locator("#password")
    page.keyboard.press("Tab")
    expect(password).to_be_focused()
    assert_focus_is_visible(password)
    page.keyboard.type(demo.password)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server}{next_path}")
    return demo


def test_a_keyboard_user_signs_in(page, live_server):
    page.goto(f"{live_server}/login")
    email = page.locator("#email")
    expect(email).to_be_focused()  # autofocus; walk back to the top of the page and start from there
    skip = page.get_by_role("link", name="Skip to content")
    tab_to(page, skip, key="Shift+Tab")
    assert_focus_is_visible(skip)
    tab_to(page, email)
    assert_focus_is_visible(email)
    demo = next(user for user in DEMO_USERS if user.role == "force_generation")
    page.keyboard.type(demo.email)
    expect(email).to_have_value(demo.email)
    page.keyboard.press("Tab")
    password = page.locator("#password")
    expect(password).to_be_focused()
    assert_focus_is_visible(password)
    page.keyboard.type(demo.password)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server}/")
    expect(page.locator("#readiness-table")).to_be_visible()
    expect(page.locator("a[href='/units']").first).to_be_visible()


def test_a_keyboard_user_searches_units_opens_one_and_changes_the_as_of_date(page, live_server):
    sign_in_with_the_keyboard(page, live_server, "force_generation", "/units")

    search = page.locator("#q")
    tab_to(page, search)
    assert_focus_is_visible(search)
    page.keyboard.type("GHA-INF")
    expect(page).to_have_url(re.compile(r"q=GHA-INF"))
    links = page.locator("#units-table tbody th a")
    expect(links.first).to_have_text(re.compile(r"^GHA-INF"))
    for code in links.all_inner_texts():
        assert code.startswith("GHA-INF"), code
    expect(search).to_be_focused()  # the swap leaves the focus where the user was typing

    unit = links.first
    code = unit.inner_text()
    tab_to(page, unit)
    assert_focus_is_visible(unit)
    page.keyboard.press("Enter")
    page.wait_for_url(f"{live_server}/units/{code}")
    expect(page.locator("h1")).to_contain_text(code)
    expect(page.locator("#readiness-card")).to_be_visible()
    page.evaluate("window.stillTheSamePage = true")

    as_of = page.locator("#as_of")
    tab_to(page, as_of)
    assert_focus_is_visible(as_of)
    # Chromium orders the date field's parts by its own interface language (month first here,
    # whatever the page's locale), so the day and the month are the same: it reads either way.
    page.keyboard.type("03032026")
    expect(as_of).to_have_value("2026-03-03")
    show = page.get_by_role("button", name="Show")
    tab_to(page, show)
    assert_focus_is_visible(show)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"as_of=2026-03-03"))
    expect(page.locator("#card-as-of")).to_have_text("Mar 3, 2026")
    assert page.evaluate("window.stillTheSamePage") is True  # the card changed in place
    expect(page.locator("#request-problem")).to_be_hidden()  # no request failed on the way


def test_a_keyboard_user_sorts_the_mission_comparison_by_a_line(page, live_server):
    sign_in_with_the_keyboard(page, live_server, "mission_planner", COMPARE)
    rows = page.locator("#heatmap-table tbody th[scope=row]")
    expect(rows.first).to_be_visible()
    by_score = rows.all_inner_texts()

    women = page.locator("#heatmap-table thead th").last
    expect(women).not_to_have_attribute("aria-sort", re.compile("."))
    link = women.get_by_role("link")
    tab_to(page, link)
    assert_focus_is_visible(link)
    page.keyboard.press("Enter")

    expect(page).to_have_url(re.compile(r"sort=line%3A\d+&dir=desc"))
    expect(women).to_have_attribute("aria-sort", "descending")
    by_women = rows.all_inner_texts()
    assert by_women != by_score and sorted(by_women) == sorted(by_score)


def test_the_first_tab_reaches_the_skip_link_and_it_moves_the_focus_to_the_content(page, live_server):
    sign_in_with_the_keyboard(page, live_server, "force_generation", "/units")
    for path in ("/units", "/courses", COMPARE):
        page.goto(f"{live_server}{path}")
        page.keyboard.press("Tab")
        skip = page.get_by_role("link", name="Skip to content")
        expect(skip).to_be_focused()
        assert_focus_is_visible(skip)
        expect(skip).to_be_in_viewport()
        page.keyboard.press("Enter")
        expect(page.locator("main#main")).to_be_focused()
        # The next Tab goes on from the content, not from the header again.
        page.keyboard.press("Tab")
        assert page.evaluate("document.querySelector('main').contains(document.activeElement)"), focused(page)

    page.goto(f"{live_server}/login")  # the e-mail field has autofocus: Shift+Tab back to the top
    skip = page.get_by_role("link", name="Skip to content")
    tab_to(page, skip, key="Shift+Tab")
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()


def test_a_keyboard_user_switches_to_french_and_back(page, live_server):
    sign_in_with_the_keyboard(page, live_server, "force_generation", "/units")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    choice = page.locator("#language-choice")
    tab_to(page, choice)
    assert_focus_is_visible(choice)
    assert choice.evaluate("select => [...select.options].map(option => option.value)") == ["en", "fr"]
    page.keyboard.press("ArrowDown")
    expect(page.locator("html")).to_have_attribute("lang", "fr")
    expect(page.locator("h1")).to_have_text("Unités")
    assert page.url == f"{live_server}/units"  # the same page, in French

    choice = page.locator("#language-choice")
    expect(choice).to_have_value("fr")
    tab_to(page, choice)
    assert_focus_is_visible(choice)
    page.keyboard.press("ArrowUp")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text("Units")
