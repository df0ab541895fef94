"""POST /api/v1/imports/{kind}: the same import over HTTP, answered with the JSON report."""

from sqlmodel import select

from readiness.config import get_settings
from readiness.models import Completion
from tests import factories

HEADER = "country,service_number,course_code,completed_on,result\r\n"


def upload(client, kind, text, *, name="centre.csv", **params):
    return client.post(f"/api/v1/imports/{kind}", params=params,
                       files={"file": (name, text.encode("utf-8"), "text/csv")})


def test_a_centre_imports_completions_and_gets_the_report(session, api_client_for):
    client = api_client_for("training_centre", country="XRA")
    person = factories.PersonFactory(country_code="XRA", service_number="12345")
    factories.CourseFactory(code="CPTM")

    response = upload(client, "completions", HEADER + "XRA,12345,CPTM,2026-03-01,passed\r\n")

    assert response.status_code == 200
    assert {key: response.json()[key] for key in ("rows_read", "to_create", "written")} == {
        "rows_read": 1, "to_create": 1, "written": True}
    [completion] = session.exec(select(Completion).where(Completion.person_id == person.id)).all()
    assert completion.recorded_by == client.user.email


def test_an_invalid_file_is_a_422_naming_every_bad_row(session, api_client_for):
    client = api_client_for("training_centre", country="XRA")

    response = upload(client, "completions", HEADER + "XRA,1,NOPE,2026-03-01,passed\r\nXRA,2,NOPE,2026-02-30,passed\r\n")

    assert response.status_code == 422
    assert [(e["line"], e["column"]) for e in response.json()["errors"]] == [
        (2, "service_number"), (2, "course_code"), (3, "completed_on")]
    assert response.json()["written"] is False


def test_a_dry_run_writes_nothing(session, api_client_for):
    client = api_client_for("training_centre", country="XRA")
    factories.PersonFactory(country_code="XRA", service_number="12345")
    factories.CourseFactory(code="CPTM")

    response = upload(client, "completions", HEADER + "XRA,12345,CPTM,2026-03-01,passed\r\n", dry_run="true")

    assert (response.json()["to_create"], response.json()["written"]) == (1, False)
    assert session.exec(select(Completion)).all() == []


def test_force_generation_may_not_import_courses(api_client_for):
    client = api_client_for("force_generation", country="XRA")

    response = upload(client, "courses", "code,title,category,validity_months,assessed\r\n")

    assert response.status_code == 403


def test_a_file_over_the_limit_is_refused_with_its_size(api_client_for, monkeypatch):
    client = api_client_for("training_centre", country="XRA")
    monkeypatch.setattr(get_settings(), "import_max_megabytes", 1)

    response = upload(client, "completions", HEADER + "x" * (1024 * 1024 + 1))

    assert response.status_code == 413
    assert "limited to 1 MB" in response.json()["detail"]


def test_an_unknown_kind_is_refused(api_client_for):
    client = api_client_for("training_centre", country="XRA")

    assert upload(client, "weapons", HEADER).status_code == 422
