"""The audit trail: one entry per write, filters and pages, admins only."""

from datetime import date, datetime, timezone

import pytest
from sqlmodel import select

from readiness.accounts.scope import Actor
from readiness.audit import service as audit
from readiness.audit.repository import AuditFilter
from readiness.errors import Forbidden
from readiness.models import AuditEntry, Role
from tests.factories import UserFactory

ADMIN = Actor(email="admin@example.org", role=Role.admin)


def entry(session, *, at=None, user=None, entity="unit", entity_id=1):
    actor = Actor(email=user.email, role=Role(user.role), user_id=user.id) if user else ADMIN
    recorded = audit.record(session, actor=actor, action="update", entity=entity, entity_id=entity_id,
                            before={"name": "old"}, after={"name": "new"})
    if at:
        recorded.at = at
    session.flush()
    return recorded


def test_an_import_is_one_entry_with_its_counts(session):
    audit.record(session, actor=ADMIN, action="import", entity="completion", after={"created": 1200, "skipped": 3},
                 summary="completions.xlsx: 1200 created, 3 skipped")
    [imported] = session.exec(select(AuditEntry).where(AuditEntry.action == "import")).all()
    assert imported.after == {"created": 1200, "skipped": 3}


def test_it_refuses_an_unknown_action(session):
    with pytest.raises(ValueError):
        audit.record(session, actor=ADMIN, action="read", entity="unit")


def test_a_snapshot_leaves_out_secrets(session):
    user = UserFactory()
    assert "password_hash" not in audit.snapshot(user) and audit.snapshot(user)["email"] == user.email


def test_changed_keeps_only_the_fields_that_differ():
    assert audit.changed({"a": 1, "b": 2}, {"a": 1, "b": 3}) == ({"b": 2}, {"b": 3})


def test_it_pages_entries_newest_first(session):
    for number in range(audit.PAGE_SIZE + 5):
        entry(session, entity_id=number, at=datetime(2026, 1, 1, 0, number % 60, tzinfo=timezone.utc))
    first = audit.audit_page(session, actor=ADMIN, filters=AuditFilter(), page=1)
    second = audit.audit_page(session, actor=ADMIN, filters=AuditFilter(), page=2)
    assert (len(first.entries), len(second.entries), first.pages) == (audit.PAGE_SIZE, 5, 2)
    assert first.entries[0].at >= second.entries[-1].at


def test_it_filters_by_user_entity_and_days(session):
    author, other = UserFactory(), UserFactory()
    wanted = entry(session, user=author, entity="unit", at=datetime(2026, 3, 10, 23, 59, tzinfo=timezone.utc))
    entry(session, user=other, entity="unit", at=datetime(2026, 3, 10, tzinfo=timezone.utc))
    entry(session, user=author, entity="person", at=datetime(2026, 3, 10, tzinfo=timezone.utc))
    entry(session, user=author, entity="unit", at=datetime(2026, 3, 11, tzinfo=timezone.utc))
    filters = AuditFilter(user_id=author.id, entity="unit", since=date(2026, 3, 10), until=date(2026, 3, 10))
    assert [e.id for e in audit.audit_page(session, actor=ADMIN, filters=filters).entries] == [wanted.id]


@pytest.mark.parametrize("role", ["training_centre", "force_generation", "mission_planner", "partner"])
def test_only_admins_read_the_trail(session, role):
    with pytest.raises(Forbidden):
        audit.audit_page(session, actor=Actor(email="x@example.org", role=Role(role)), filters=AuditFilter())


def test_the_admin_page_lists_entries_with_filters(login_as, session):
    client = login_as("admin")
    entry(session, user=client.user, entity="requirement", entity_id=42)
    session.commit()
    page = client.get(f"/admin/audit?entity=requirement&user={client.user.id}&since=&until=")
    assert page.status_code == 200 and "requirement #42" in page.text
    assert "requirement #42" not in client.get("/admin/audit?entity=unit").text


def test_the_filter_form_gets_the_entries_only(login_as):
    page = login_as("admin").get("/admin/audit", headers={"HX-Request": "true", "HX-Target": "audit-entries"})
    assert "<html" not in page.text and "entries" in page.text


def test_a_boosted_link_to_the_trail_gets_the_whole_page(login_as):
    page = login_as("admin").get("/admin/audit", headers={"HX-Request": "true", "HX-Boosted": "true"})
    assert "<html" in page.text


def test_the_admin_page_refuses_a_malformed_date(login_as):
    assert login_as("admin").get("/admin/audit?since=yesterday").status_code == 422


@pytest.mark.parametrize("role", ["training_centre", "force_generation", "mission_planner", "partner"])
def test_the_admin_page_is_refused_to_other_roles(login_as, role):
    assert login_as(role).get("/admin/audit").status_code == 403


def test_a_write_through_a_page_is_audited_under_the_signed_in_user(login_as, session):
    client = login_as("mission_planner")
    client.post("/account/tokens", data={"name": "mine"})
    [created] = session.exec(select(AuditEntry).where(AuditEntry.entity == "api_token")).all()
    assert (created.action, created.user_id, created.actor) == ("create", client.user.id, client.user.email)
