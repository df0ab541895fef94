"""The audit trail as CSV and XLSX: the whole filtered trail, before/after as JSON, admins only."""

import csv
import io
import json
from datetime import datetime, timezone

from openpyxl import load_workbook

from readiness.accounts.scope import Actor
from readiness.audit import service as audit
from readiness.models import Role


def rows_of(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def entry(session, user, *, entity="unit", entity_id=1, before=None, after=None, summary=None):
    actor = Actor(email=user.email, role=Role(user.role), user_id=user.id)
    recorded = audit.record(session, actor=actor, action="update", entity=entity, entity_id=entity_id,
                            before=before or {"name": "old"}, after=after or {"name": "new"}, summary=summary)
    recorded.at = datetime(2026, 3, 10, 12, 0, tzinfo=timezone.utc)
    session.flush()
    return recorded


def test_the_csv_has_a_header_and_the_filtered_entries_with_json_values(login_as, session):
    client = login_as("admin")
    entry(session, client.user, entity="requirement", entity_id=42, before={"title": "Old"}, after={"title": "New"})
    entry(session, client.user, entity="unit", entity_id=7)

    response = client.get("/admin/audit.csv", params={"entity": "requirement", "user": client.user.id})

    assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
    header, *rows = rows_of(response)
    assert header == ["When (UTC)", "Who", "Action", "Record kind", "Record", "Summary", "Before", "After"]
    assert rows == [["2026-03-10T12:00:00", client.user.email, "update", "requirement", "42", "",
                     '{"title": "Old"}', '{"title": "New"}']]
    assert json.loads(rows[0][6]) == {"title": "Old"}


def test_the_export_holds_every_page(login_as, session):
    client = login_as("admin")
    for number in range(audit.PAGE_SIZE + 3):
        entry(session, client.user, entity="exported", entity_id=number)

    assert len(rows_of(client.get("/admin/audit.csv", params={"entity": "exported"}))) == 1 + audit.PAGE_SIZE + 3


def test_a_formula_in_a_summary_is_neutralised(login_as, session):
    client = login_as("admin")
    entry(session, client.user, entity="formula", summary="=SUM(A1:A9)")

    [_header, row] = rows_of(client.get("/admin/audit.csv", params={"entity": "formula"}))
    assert row[5] == "'=SUM(A1:A9)"


def test_the_xlsx_opens_with_the_header_and_rows(login_as, session):
    client = login_as("admin")
    entry(session, client.user, entity="xlsx-kind", after={"seats": 30})

    response = client.get("/admin/audit.xlsx", params={"entity": "xlsx-kind"})

    values = list(load_workbook(io.BytesIO(response.content)).active.iter_rows(values_only=True))
    assert values[0][0] == "When (UTC)" and len(values) == 2
    assert values[1][3] == "xlsx-kind" and json.loads(values[1][7]) == {"seats": 30}


def test_a_non_admin_is_refused(login_as, session):
    for role, extra in (("mission_planner", {}), ("force_generation", {"country": "XAU"})):
        client = login_as(role, **extra)
        entry(session, client.user, entity="secret-kind", summary="Secret summary")
        for fmt in ("csv", "xlsx"):
            response = client.get(f"/admin/audit.{fmt}", headers={"Accept": "text/html"})
            assert response.status_code == 403 and b"Secret summary" not in response.content


def test_a_malformed_date_is_refused(login_as):
    assert login_as("admin").get("/admin/audit.csv", params={"since": "10/03/2026"}).status_code == 422


def test_the_page_links_to_the_exports_with_the_filters(login_as, session):
    client = login_as("admin")
    entry(session, client.user, entity="linked")
    page = client.get("/admin/audit", params={"entity": "linked"})
    assert 'href="/admin/audit.csv?entity=linked"' in page.text and 'href="/admin/audit.xlsx?entity=linked"' in page.text
