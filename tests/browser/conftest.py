"""Real-browser tests: Debian's Chromium driven by Playwright against a live server.

The server runs in a thread on its own database holding the reference and demo data
(browser tests need committed data, which the rolled-back test transactions cannot give); on
PostgreSQL runs, a sibling database `<test database>_browser` that it creates and fills.
Without Chromium these tests are skipped, unless READINESS_REQUIRE_BROWSER=1 (as in CI),
where a missing browser is a failure.
"""

import os
import shutil
import socket
import tempfile
import threading
import time
from datetime import date
from pathlib import Path

import pytest
import uvicorn
from sqlalchemy import create_engine
from sqlalchemy.engine import make_url

from readiness import migrate
from readiness.app import create_app
from readiness.config import get_settings
from readiness.db import build_engine, unit_of_work
from readiness.seeding.demo import load_demo_data
from readiness.seeding.reference import load_reference_data

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
ARTEFACTS = Path(tempfile.gettempdir()) / "readiness-browser"
# `make screenshots` (READINESS_SCREENSHOTS=1) refreshes the README's pictures; other runs keep
# theirs with the test artefacts, so running the tests never dirties the working tree.
SCREENSHOTS = (Path(__file__).resolve().parents[2] / "docs" / "screenshots"
               if os.environ.get("READINESS_SCREENSHOTS") == "1" else ARTEFACTS / "screenshots")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _browser_database_url() -> str:
    """A database of its own for the live server: SQLite, or a sibling of the PostgreSQL test database."""
    test_url = os.environ.get("READINESS_TEST_DATABASE_URL")
    if not test_url:
        return f"sqlite:///{Path(tempfile.mkdtemp(prefix='readiness-browser-db-')) / 'demo.db'}"
    url = make_url(test_url)
    browser_url = url.set(database=f"{url.database}_browser")
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{browser_url.database}"')
        connection.exec_driver_sql(f'CREATE DATABASE "{browser_url.database}"')
    admin.dispose()
    return browser_url.render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def demo_engine():
    engine = build_engine(_browser_database_url())
    migrate.upgrade(engine)
    with unit_of_work(engine) as session:
        load_reference_data(session, get_settings().seed_dir)
        load_demo_data(session, seed=2021, today=date.today())
    yield engine
    engine.dispose()


@pytest.fixture(scope="session")
def live_server(demo_engine):
    """The base URL of the app served by uvicorn in a background thread."""
    port = _free_port()
    config = uvicorn.Config(create_app(demo_engine), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM:
        if os.environ.get("READINESS_REQUIRE_BROWSER") == "1":
            pytest.fail("Chromium is required (READINESS_REQUIRE_BROWSER=1) but not installed")
        pytest.skip("Chromium is not installed (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def screenshot(page):
    """screenshot(name, full_page=True): save the page as NAME.png; returns the path."""

    def take(name: str, *, full_page: bool = True) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=full_page)
        assert path.stat().st_size > 0
        return path

    return take


def _demo_user(role: str):
    from readiness.accounts.demo import DEMO_USERS

    return next(user for user in DEMO_USERS if user.role == role)


def _sign_in_through_the_form(page, live_server: str, role: str) -> None:
    demo = _demo_user(role)
    page.goto(f"{live_server}/login?next=/")
    page.get_by_label("E-mail address").fill(demo.email)
    page.get_by_label("Password").fill(demo.password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(f"{live_server}/")


@pytest.fixture(scope="session")
def role_cookies(browser, live_server):
    """role_cookies(role): the cookies of a demo user freshly signed in through the login form.

    Each role signs in once per run (the form and an argon2 check cost about a second a test);
    the tests reuse the cookies in contexts of their own. No browser test signs out or changes a
    password, which would end these sessions; they are renewed well before the idle timeout.
    """
    signed_in: dict[str, tuple[float, list]] = {}
    renew_after = get_settings().session_idle_minutes * 60 / 2

    def cookies_of(role: str) -> list:
        if role not in signed_in or time.monotonic() - signed_in[role][0] > renew_after:
            context = browser.new_context(locale="en-GB")
            tab = context.new_page()
            failures: list[str] = []
            tab.on("pageerror", lambda error: failures.append(str(error)))
            _sign_in_through_the_form(tab, live_server, role)
            signed_in[role] = (time.monotonic(), context.cookies())
            context.close()
            assert not failures, f"JavaScript errors on the sign-in page: {failures}"
        return signed_in[role][1]

    return cookies_of


@pytest.fixture
def sign_in(page, live_server, role_cookies):
    """Open `next_path` signed in as the demo user of `role` (see readiness/accounts/demo.py).

    The session comes from role_cookies; the login form itself is exercised there and by the
    sign-in tests (test_keyboard.py, test_home_page.py, test_language.py).
    """

    def sign_in_as(role: str, next_path: str = "/"):
        page.context.add_cookies(role_cookies(role))
        page.goto(f"{live_server}{next_path}")
        assert page.url == f"{live_server}{next_path}", f"not signed in as {role}: at {page.url}"
        return _demo_user(role)

    return sign_in_as


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """Keep each phase's report on the test, so the page fixture knows whether the test failed."""
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"report_{report.when}", report)


def _failed(node) -> bool:
    return any(getattr(getattr(node, f"report_{when}", None), "failed", False) for when in ("setup", "call"))


@pytest.fixture
def page(browser, request):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    failures: list[str] = []
    # Every tab of the context reports its errors, including those a test opens itself.
    context.on("page", lambda other: other.on("pageerror", lambda error: failures.append(str(error))))
    tab = context.new_page()
    yield tab
    if _failed(request.node) or failures:
        # Only a failure needs a picture; a full-page screenshot of every test costs seconds.
        ARTEFACTS.mkdir(parents=True, exist_ok=True)
        tab.screenshot(path=str(ARTEFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()
    assert not failures, f"JavaScript errors on the page: {failures}"
