"""Needs in a real browser: a country states a need with the htmx form and sees it matched with a session."""

import re
from datetime import date, timedelta

import pytest
from playwright.sync_api import expect
from sqlmodel import select

from readiness.db import unit_of_work
from readiness.models import Course, CourseSession, TrainingCentre

NEEDED_IN_DAYS = 120


@pytest.fixture
def uas_session(demo_engine):
    """An upcoming UAS-OPS session at KAIPTC (10 places, 3 held for women), made by this test, not the demo."""
    start = date.today() + timedelta(days=30)
    with unit_of_work(demo_engine) as db:
        course = db.exec(select(Course).where(Course.code == "UAS-OPS")).one()
        centre = db.exec(select(TrainingCentre).where(TrainingCentre.code == "KAIPTC")).one()
        existing = db.exec(select(CourseSession).where(CourseSession.course_id == course.id,
                                                       CourseSession.start_on == start)).first()
        if existing is None:
            db.add(CourseSession(course_id=course.id, centre_id=centre.id, start_on=start,
                                 end_on=start + timedelta(days=9), language="en", seats=10, seats_for_women=3))
    return start


def test_a_country_states_a_need_and_sees_it_matched_with_a_session(page, live_server, sign_in, uas_session,
                                                                    screenshot):
    sign_in("force_generation", "/needs")
    page.evaluate("window.stillTheSamePage = true")
    page.get_by_role("link", name="State a need").click()
    form = page.locator("#need-form")
    expect(form).to_be_visible()
    assert page.evaluate("window.stillTheSamePage") is True  # the form came in with htmx

    form.get_by_label("Course (for a training need)").select_option("UAS-OPS")
    form.get_by_label("Quantity (people, items or teams)").fill("14")
    form.get_by_label("Needed by (optional)").fill("2020-01-01")
    form.get_by_role("button", name="Save the need").click()
    expect(page.locator("#error-needed_by")).to_contain_text("cannot be in the past")
    assert page.evaluate("window.stillTheSamePage") is True  # errors shown in place

    needed_by = (date.today() + timedelta(days=NEEDED_IN_DAYS)).isoformat()
    form.get_by_label("Needed by (optional)").fill(needed_by)
    form.get_by_label("Note (optional)").fill("Browser test: operators for the engagement platoon")
    form.get_by_role("button", name="Save the need").click()

    expect(page).to_have_url(re.compile(r"/needs/matching\?country=GHA#need-\d+$"))
    need_id = page.url.rsplit("#", 1)[1]
    card = page.locator(f"#{need_id}")
    expect(card).to_contain_text("14 people need UAS-OPS")
    session_row = card.locator("table.sessions-matched tbody tr").filter(has_text="KAIPTC")
    expect(session_row).to_have_count(1)
    cells = session_row.locator("td")  # dates, language, free, held for women, counted for this need
    expect(cells.nth(2)).to_have_text("10")
    expect(cells.nth(3)).to_have_text("3")
    expect(cells.nth(4)).to_have_text("10")
    expect(card.locator(".unmatched")).to_contain_text("Unmatched: 4 of 14")
    expect(page.locator("#derived-needs h2")).to_have_text("Derived from pledged units")
    screenshot("needs-matching")


def test_a_planner_switches_the_matching_country_in_place(page, live_server, sign_in):
    sign_in("mission_planner", "/needs/matching")
    page.evaluate("window.stillTheSamePage = true")
    page.get_by_label("Country").select_option("RWA")
    expect(page).to_have_url(re.compile(r"country=RWA"))
    expect(page.locator("#stated-needs")).to_contain_text("FMAC")
    assert page.evaluate("window.stillTheSamePage") is True


def test_the_mission_demand_view_lists_courses_by_country(page, live_server, sign_in):
    sign_in("mission_planner", "/needs")
    page.locator("#mission-demand-links").get_by_role("link", name="MINUSCA").click()
    expect(page.locator("h1")).to_have_text("Training demand for MINUSCA")
    expect(page.locator("#demand-total")).to_be_visible()
