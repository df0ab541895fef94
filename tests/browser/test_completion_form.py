"""Logging a completion with the keyboard only: Tab, typing and Enter, no clicks."""

import sqlalchemy as sa
from playwright.sync_api import expect

from readiness.models import Completion, Course, Person

MOST_TABS = 20


def a_person_and_a_course_they_lack(demo_engine) -> tuple[str, str, str]:
    """A Ghanaian's service number and family name, and the code of a course they have no completion of."""
    with demo_engine.connect() as connection:
        person = connection.execute(sa.select(Person.id, Person.service_number, Person.family_name)
                                    .where(Person.country_code == "GHA").order_by(Person.id.desc()).limit(1)).one()
        done = sa.select(Completion.course_id).where(Completion.person_id == person.id)
        course = connection.execute(sa.select(Course.code).where(Course.active, Course.id.not_in(done))
                                    .order_by(Course.code.desc()).limit(1)).scalar_one()
    return person.service_number, person.family_name, course


def tab_to(page, element_id: str) -> None:
    """Press Tab until the element has the focus (as a keyboard user would)."""
    for _press in range(MOST_TABS):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == element_id:
            return
    raise AssertionError(f"#{element_id} was not reached with Tab")


def test_a_keyboard_user_logs_a_completion_and_sees_it_in_the_recent_list(page, live_server, sign_in, demo_engine):
    number, family_name, course = a_person_and_a_course_they_lack(demo_engine)
    sign_in("training_centre", "/completions/new")

    expect(page.locator("#service_number")).to_be_focused()
    page.keyboard.type(number)
    expect(page.locator("#person-found")).to_contain_text(family_name)

    page.keyboard.press("Tab")
    expect(page.locator("#course_id")).to_be_focused()
    page.keyboard.type(course)
    expect(page.locator("#course_id option:checked")).to_contain_text(course)

    tab_to(page, "save-completion")
    page.keyboard.press("Enter")

    expect(page.locator("#completion-saved")).to_be_visible()
    expect(page.locator("#recent-completions tbody tr").first).to_contain_text(number)
    expect(page.locator("#recent-completions tbody tr").first).to_contain_text(course)
    expect(page.locator("#service_number")).to_be_focused()
    assert page.url == f"{live_server}/completions/new"
