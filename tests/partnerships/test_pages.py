"""Partnership pages: the list (filters, sort, pages, exports), a partnership, the form, edit and delete."""

import io

from openpyxl import load_workbook
from sqlmodel import select

from readiness.models import AuditEntry, Partnership, PartnershipStatus
from tests import factories
from tests.partnerships.factories import partnership

HTMX = {"HX-Request": "true"}


def form(partner, country, **changes) -> dict:
    values = {"partner": partner, "country": country, "title": "Mentoring of commanders",
              "categories": ["mentoring", "advise_and_assist"], "courses": [], "start_on": "2026-03-02",
              "end_on": "2026-09-25", "long_term": "on", "status": "active", "note": ""}
    return {**values, **changes}


def test_every_role_reads_the_list(login_as):
    for role in ("admin", "mission_planner", "training_centre", "force_generation", "partner"):
        assert login_as(role).get("/partnerships").status_code == 200


def test_an_empty_list_says_how_partnerships_get_there(login_as):
    page = login_as("force_generation", country="XPA").get("/partnerships")
    assert "No partnerships match" in page.text


def test_the_list_shows_a_partner_its_own_and_its_countries_partnerships_only(login_as):
    client = login_as("partner", partner_countries=("XPB",))
    own = partnership(partner_id=client.user.partner_id, title="Own partnership")
    partnership(country_code="XPB", title="With a supported country")
    partnership(title="Someone else's")
    page = client.get("/partnerships")
    assert "Own partnership" in page.text and "With a supported country" in page.text
    assert "Someone else" not in page.text
    assert client.get(f"/partnerships/{own.id}").status_code == 200


def test_national_users_see_their_countrys_partnerships_and_no_other(login_as):
    client = login_as("training_centre", country="XPC")
    partnership(country_code="XPC", title="Home support")
    elsewhere = partnership(title="Support abroad")
    assert "Home support" in client.get("/partnerships").text
    assert client.get(f"/partnerships/{elsewhere.id}").status_code == 404


def test_filters_narrow_the_rows_and_the_fragment_has_no_form(login_as):
    client = login_as("admin")
    partnership(title="Long mentoring", categories=["mentoring"], long_term=True)
    partnership(title="One-off training", categories=["training"], status=PartnershipStatus.completed)
    page = client.get("/partnerships", params={"category": "mentoring", "long_term": "yes"}, headers=HTMX)
    assert "Long mentoring" in page.text and "One-off training" not in page.text
    assert "<form id=\"partnership-filters\"" not in page.text
    completed = client.get("/partnerships", params={"status": "completed"})
    assert "One-off training" in completed.text and "Long mentoring" not in completed.text


def test_the_sort_orders_by_title_and_pages_keep_the_view(login_as):
    client = login_as("admin")
    for index in range(27):
        partnership(title=f"Sorted {index:02d}")
    page = client.get("/partnerships", params={"sort": "title", "dir": "asc"})
    assert page.text.index("Sorted 00") < page.text.index("Sorted 01")
    assert "Sorted 26" not in page.text
    assert "sort=title&amp;dir=asc&amp;page=2" in page.text
    second = client.get("/partnerships", params={"sort": "title", "dir": "asc", "page": 2})
    assert "Sorted 26" in second.text


def test_exports_hold_the_filtered_rows(login_as):
    client = login_as("admin")
    course = factories.CourseFactory(code="EXPORT-C")
    partnership(title="Exported", courses=[course], categories=["training", "equipment"])
    partnership(title="Filtered out", categories=["financial"])
    csv = client.get("/partnerships.csv", params={"category": "training"})
    assert csv.headers["content-type"].startswith("text/csv")
    assert "Exported" in csv.text and "EXPORT-C" in csv.text and "Training; Equipment" in csv.text
    assert "Filtered out" not in csv.text
    xlsx = client.get("/partnerships.xlsx", params={"category": "training"})
    sheet = load_workbook(io.BytesIO(xlsx.content)).active
    assert [row[2] for row in sheet.iter_rows(min_row=2, values_only=True)] == ["Exported"]
    assert client.get("/partnerships.pdf").status_code == 404


def test_a_partner_records_a_partnership_with_the_form(session, login_as):
    client = login_as("partner")
    factories.CountryFactory(code="XPD")
    factories.CourseFactory(code="FORM-C")
    form_page = client.get("/partnerships/new")
    assert form_page.status_code == 200 and 'name="categories"' in form_page.text
    response = client.post("/partnerships", data=form("", "XPD", courses=["FORM-C"]), follow_redirects=False)
    assert response.status_code == 303
    stored = session.exec(select(Partnership).where(Partnership.title == "Mentoring of commanders")).one()
    assert (stored.partner_id, stored.country_code, stored.long_term) == (client.user.partner_id, "XPD", True)
    shown = client.get(response.headers["location"])
    assert "FORM-C" in shown.text and "Advise and assist" in shown.text


def test_the_form_names_the_fields_that_are_wrong(login_as):
    client = login_as("admin")
    partner = factories.PartnerFactory()
    factories.CountryFactory(code="XPE")
    no_category = client.post("/partnerships", data=form(partner.code, "XPE", categories=[]))
    assert no_category.status_code == 422 and 'id="error-categories"' in no_category.text
    dates = client.post("/partnerships", data=form(partner.code, "XPE", end_on="2026-01-01"))
    assert 'id="error-end_on"' in dates.text and "ends before it starts" in dates.text
    unknown = client.post("/partnerships", data=form("NOPE", "XPE"))
    assert 'id="error-partner"' in unknown.text


def test_a_partner_cannot_edit_or_delete_another_partners_partnership(login_as):
    client = login_as("partner", partner_countries=("XPF",))
    theirs = partnership(country_code="XPF")
    page = client.get(f"/partnerships/{theirs.id}")
    assert page.status_code == 200 and f"/partnerships/{theirs.id}/edit" not in page.text
    assert client.get(f"/partnerships/{theirs.id}/edit").status_code == 403
    partner = factories.PartnerFactory()
    assert client.post(f"/partnerships/{theirs.id}", data=form(partner.code, "XPF")).status_code == 403
    assert client.post(f"/partnerships/{theirs.id}/delete").status_code == 403


def test_force_generation_edits_its_countrys_partnership_and_the_change_is_audited(session, login_as):
    client = login_as("force_generation", country="XPG")
    kept = partnership(country_code="XPG", status=PartnershipStatus.planned)
    partner_code = factories._session().get(factories.models.Partner, kept.partner_id).code
    assert client.get(f"/partnerships/{kept.id}/edit").status_code == 200
    response = client.post(f"/partnerships/{kept.id}", data=form(partner_code, "XPG", title=kept.title),
                           follow_redirects=False)
    assert response.status_code == 303
    entry = session.exec(select(AuditEntry).where(AuditEntry.entity == "partnership")).one()
    assert (entry.before["status"], entry.after["status"]) == ("planned", "active")


def test_delete_asks_first_and_removes_the_partnership(session, login_as):
    client = login_as("admin")
    kept = partnership()
    assert "hx-confirm" in client.get(f"/partnerships/{kept.id}").text
    response = client.post(f"/partnerships/{kept.id}/delete", headers=HTMX)
    assert response.headers["HX-Redirect"] == "/partnerships"
    assert session.get(Partnership, kept.id) is None


def test_a_planner_reads_but_may_not_record_partnerships(login_as):
    client = login_as("mission_planner")
    assert "/partnerships/new" not in client.get("/partnerships").text
    assert client.get("/partnerships/new").status_code == 403
