"""Every page, for every role that can open it, has no serious or critical axe-core violation.

Pages are found from the app's own routes: every GET page without a path parameter, plus the
record pages listed in RECORD_PAGES, so a page added later is checked without editing this file.
"""

import pytest
from fastapi.routing import iter_route_contexts
from starlette.routing import Mount

from readiness.app import create_app
from tests.browser.accessibility import blocking_violations, finish_axe, install_axe, start_axe

ROLES = ["admin", "training_centre", "force_generation", "mission_planner", "partner"]
SKIPPED_PREFIXES = ("/api/", "/healthz", "/static", "/logout")
# Record pages with an example from the demo data (path parameters filled in).
RECORD_PAGES = ["/units/GHA-INF-01", "/courses/UNBFAC", "/requirements/MINUSCA-INF-2026",
                "/missions/compare?requirement=MINUSCA-INF-2026"]


def _page_paths() -> list[str]:
    """Every GET page of the app without a path parameter (included routers walked too)."""
    paths = set()
    for route in iter_route_contexts(create_app().routes):
        if isinstance(route.original_route, Mount) or "GET" not in (route.methods or ()):
            continue
        if "{" in route.path or route.path.startswith(SKIPPED_PREFIXES):
            continue
        if not route.path.endswith((".csv", ".xlsx", ".json")):
            paths.add(route.path)
    return sorted(paths)


PAGES = _page_paths() + RECORD_PAGES
# Tabs a role's walk checks at once: axe runs in one while the next page loads in another.
WALK_TABS = 3


def test_the_page_list_finds_the_apps_pages():
    assert {"/", "/login", "/units", "/courses", "/imports"} <= set(_page_paths()) | {"/login"}
    assert len(_page_paths()) >= 15


def test_the_sign_in_page_is_accessible(page, live_server):
    page.goto(f"{live_server}/login")
    assert blocking_violations(page) == []


@pytest.mark.parametrize("role", ROLES)
def test_every_page_a_role_opens_is_accessible(page, live_server, sign_in, role):
    sign_in(role)
    install_axe(page.context)
    tabs = [page] + [page.context.new_page() for _ in range(WALK_TABS - 1)]
    checking: dict = {}  # tab -> the path whose axe run it holds
    problems = {}

    def collect(tab) -> None:
        path = checking.pop(tab)
        violations = finish_axe(tab)
        if violations:
            problems[path] = violations

    for number, path in enumerate(PAGES):
        tab = tabs[number % WALK_TABS]
        if tab in checking:
            collect(tab)
        response = tab.goto(live_server + path)
        if response is None or response.status >= 400 and response.status not in (403, 404):
            problems[path] = f"HTTP {response.status if response else 'no response'}"
            continue
        # A plain query: a first locator on each new document would load Playwright's own script.
        if not tab.evaluate("() => document.querySelector('main') !== null"):
            continue  # an htmx fragment endpoint (e.g. a look-up), not a page of its own
        start_axe(tab)
        checking[tab] = path
    for tab in list(checking):
        collect(tab)
    assert problems == {}
