"""The import pages: choose a kind, check a file (htmx preview), confirm; scope by role."""

import hashlib

from sqlmodel import select

from readiness.models import Completion
from tests import factories

HTMX = {"HX-Request": "true"}
HEADER = "country,service_number,course_code,completed_on,result\r\n"


def csv_upload(text: str, name: str = "centre.csv") -> dict:
    return {"file": (name, text.encode("utf-8"), "text/csv")}


def fingerprint(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def test_the_imports_page_links_the_kinds_a_centre_may_import(login_as):
    page = login_as("training_centre", country="XRA").get("/imports")

    assert 'href="/imports/completions"' in page.text and 'href="/imports/units"' not in page.text
    assert "Your role may not." in page.text


def test_a_template_is_the_header_row(login_as):
    answer = login_as("training_centre", country="XRA").get("/imports/identity_links/template.csv")

    assert answer.headers["content-type"].startswith("text/csv")
    assert answer.text == "country,service_number,actor\r\n"


def test_a_kind_the_role_may_not_import_says_who_may(login_as):
    page = login_as("training_centre", country="XRA").get("/imports/roster")

    assert page.status_code == 403 and "force generation" in page.text


def test_the_preview_names_every_bad_row_and_writes_nothing(session, login_as):
    client = login_as("training_centre", country="XRA")

    answer = client.post("/imports/completions/preview", files=csv_upload(HEADER + "XRA,1,NOPE,2026-13-01,pass\r\n"),
                         headers=HTMX)

    assert answer.status_code == 200
    assert 'id="import-errors"' in answer.text and "2026-13-01" in answer.text and "<html" not in answer.text
    assert 'id="confirm-import"' not in answer.text
    assert session.exec(select(Completion)).all() == []


def test_a_good_file_is_previewed_then_imported_on_confirmation(session, login_as):
    client = login_as("training_centre", country="XRA")
    person = factories.PersonFactory(country_code="XRA", service_number="12345")
    factories.CourseFactory(code="CPTM")
    text = HEADER + "XRA,12345,CPTM,2026-03-01,passed\r\n"

    preview = client.post("/imports/completions/preview", files=csv_upload(text), headers=HTMX)
    assert 'id="confirm-import"' in preview.text and fingerprint(text) in preview.text
    assert session.exec(select(Completion)).all() == []

    client.post("/imports/completions", files=csv_upload(text), data={"fingerprint": fingerprint(text)}, headers=HTMX)
    assert session.exec(select(Completion).where(Completion.person_id == person.id)).one().source == "csv"


def test_a_file_changed_after_its_preview_is_checked_again_not_imported(session, login_as):
    client = login_as("training_centre", country="XRA")
    factories.PersonFactory(country_code="XRA", service_number="12345")
    factories.CourseFactory(code="CPTM")
    text = HEADER + "XRA,12345,CPTM,2026-03-01,passed\r\n"

    answer = client.post("/imports/completions", files=csv_upload(text), data={"fingerprint": "0" * 64}, headers=HTMX)

    assert "The file changed since it was checked" in answer.text
    assert session.exec(select(Completion)).all() == []


def test_force_generation_may_not_post_a_completions_file(login_as):
    client = login_as("force_generation", country="XRA")

    assert client.post("/imports/completions/preview", files=csv_upload(HEADER)).status_code == 403


def test_the_preview_needs_the_csrf_token(login_as):
    client = login_as("training_centre", country="XRA", csrf=False)

    assert client.post("/imports/completions/preview", files=csv_upload(HEADER)).status_code == 403


def test_the_identity_links_page_lists_the_centres_links(login_as):
    client = login_as("training_centre", country="XRA")
    person = factories.PersonFactory(country_code="XRA", service_number="777")
    factories.IdentityLinkFactory(actor_key="mbox:mailto:kofi@example.org", person_id=person.id,
                                  centre_id=client.user.centre_id)
    factories.IdentityLinkFactory(actor_key="mbox:mailto:elsewhere@example.org")

    page = client.get("/identity-links")

    assert "kofi@example.org" in page.text and "elsewhere@example.org" not in page.text


def test_the_identity_links_page_is_refused_to_a_partner(login_as):
    assert login_as("partner").get("/identity-links").status_code == 403


def test_an_allowed_kind_shows_the_upload_form_and_its_columns(login_as):
    page = login_as("force_generation", country="XRA").get("/imports/roster")

    assert page.status_code == 200
    assert 'type="file"' in page.text and "unit_code" in page.text


def test_the_navigation_shows_each_role_the_pages_it_can_use(login_as):
    force_generation = login_as("force_generation", country="XRA").get("/").text
    centre = login_as("training_centre", country="XRA").get("/").text
    planner = login_as("mission_planner").get("/").text

    assert 'href="/imports"' in force_generation and 'href="/completions/new"' not in force_generation
    assert all(link in centre for link in ('href="/imports"', 'href="/completions/new"', 'href="/sessions"'))
    assert 'href="/imports"' not in planner
