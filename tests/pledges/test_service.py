"""Pledge rules: who keeps and reads them, the unit link, progress notes, the audit, the ministerials' data."""

from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select

from readiness.accounts.scope import Actor
from readiness.config import get_settings
from readiness.errors import Forbidden, Invalid, NotFound
from readiness.models import AuditEntry, MinisterialEvent, PledgeStatus, Role
from readiness.pledges import reference, service
from readiness.pledges.schemas import NoteCreate, PledgeCreate, PledgeFilter, PledgePatch
from readiness.web.pagination import PageRequest
from tests import factories
from tests.pledges.factories import MinisterialEventFactory, NoteFactory, PledgeFactory

ADMIN = Actor(email="admin@example.org", role=Role.admin)
TODAY = date(2026, 6, 1)


def force_generation(country: str) -> Actor:
    return Actor(email=f"fg.{country}@example.org", role=Role.force_generation, country_code=country)


def pledge_fields(event, country, **changes) -> PledgeCreate:
    values = {"event": event.code, "country": country, "category": "training", "detail": "Two courses a year"}
    return PledgeCreate.model_validate({**values, **changes})


def test_the_reference_load_creates_the_three_ministerials_and_a_second_run_changes_nothing(session):
    seed_dir = get_settings().seed_dir
    first = reference.load(session, seed_dir)
    second = reference.load(session, seed_dir)
    events = {e.code: e for e in session.exec(select(MinisterialEvent)).all()}
    assert (first, second) == (3, 0)
    assert (events["seoul-2021"].held_from, events["seoul-2021"].held_to) == (date(2021, 12, 7), date(2021, 12, 8))
    assert (events["accra-2023"].held_from, events["berlin-2025"].held_to) == (date(2023, 12, 5), date(2025, 5, 14))
    assert "91 member states attended; 57 pledged; 110+ units from 33 member states" in events["accra-2023"].summary
    assert "62 member states pledged (IPI: 64)" in events["seoul-2021"].summary
    assert "88 units (53 member states)" in events["berlin-2025"].summary
    assert [events[c].source[:5] for c in ("seoul-2021", "accra-2023", "berlin-2025")] == ["[S72]", "[S74]", "[S75]"]


def test_the_reference_load_updates_a_changed_event(session, tmp_path: Path):
    reference.load(session, get_settings().seed_dir)
    edited = (get_settings().seed_dir / "ministerials.yaml").read_text().replace("city: Accra", "city: Accra (GH)")
    (tmp_path / "ministerials.yaml").write_text(edited)
    assert reference.load(session, tmp_path) == 1
    accra = session.exec(select(MinisterialEvent).where(MinisterialEvent.code == "accra-2023")).one()
    assert accra.city == "Accra (GH)"


def test_an_event_ending_before_it_starts_is_refused(tmp_path: Path):
    (tmp_path / "ministerials.yaml").write_text(
        "events:\n  - {code: x-2030, city: X, held_from: 2030-05-14, held_to: 2030-05-13}\n")
    with pytest.raises(ValueError, match="ends before it starts"):
        reference.read_events(tmp_path / "ministerials.yaml")


def test_force_generation_records_its_own_countrys_pledge_and_it_is_audited(session):
    event, country = MinisterialEventFactory(), factories.CountryFactory()
    created = service.create_pledge(session, actor=force_generation(country.code),
                                    fields=pledge_fields(event, ""))
    assert (created.country, created.event, created.status) == (country.code, event.code, "announced")
    entry = session.exec(select(AuditEntry).where(AuditEntry.entity == "ministerial_pledge")).one()
    assert (entry.action, entry.after["detail"]) == ("create", "Two courses a year")


def test_force_generation_of_one_country_cannot_record_pledges_for_another(session):
    event, home, other = MinisterialEventFactory(), factories.CountryFactory(), factories.CountryFactory()
    with pytest.raises(Forbidden):
        service.create_pledge(session, actor=force_generation(home.code), fields=pledge_fields(event, other.code))


def test_a_partner_may_read_but_not_record_its_countries_pledges(session):
    pledge = PledgeFactory()
    partner = Actor(email="p@example.org", role=Role.partner, partner_id=1,
                    partner_countries=frozenset({pledge.country_code}))
    assert service.get_pledge(session, actor=partner, pledge_id=pledge.id).id == pledge.id
    with pytest.raises(Forbidden):
        service.update_pledge(session, actor=partner, pledge_id=pledge.id, patch=PledgePatch(status="fulfilled"))


def test_readers_see_only_the_pledges_of_countries_they_may_read(session):
    home = factories.CountryFactory()
    seen, hidden = PledgeFactory(country_code=home.code), PledgeFactory()
    page = service.pledges_page(session, actor=force_generation(home.code), filters=PledgeFilter(),
                                paging=PageRequest())
    assert [p.id for p in page.items] == [seen.id]
    with pytest.raises(NotFound):
        service.get_pledge(session, actor=force_generation(home.code), pledge_id=hidden.id)


def test_a_unit_is_linked_only_to_a_units_pledge_of_the_same_country(session):
    event, country = MinisterialEventFactory(), factories.CountryFactory()
    own_unit, foreign_unit = factories.UnitFactory(country_code=country.code), factories.UnitFactory()
    linked = service.create_pledge(session, actor=ADMIN, fields=pledge_fields(event, country.code, category="units",
                                                                              unit=own_unit.code))
    assert linked.unit == own_unit.code
    with pytest.raises(Invalid) as foreign:
        service.create_pledge(session, actor=ADMIN, fields=pledge_fields(event, country.code, category="units",
                                                                         unit=foreign_unit.code))
    assert foreign.value.details[0]["field"] == "unit"
    with pytest.raises(Invalid, match="units"):
        service.create_pledge(session, actor=ADMIN, fields=pledge_fields(event, country.code, unit=own_unit.code))


def test_a_status_change_is_audited_with_before_and_after(session):
    pledge = PledgeFactory(status=PledgeStatus.announced)
    updated = service.update_pledge(session, actor=ADMIN, pledge_id=pledge.id, patch=PledgePatch(status="in_progress"))
    assert updated.status == "in_progress"
    entry = session.exec(select(AuditEntry).where(AuditEntry.action == "update")).one()
    assert (entry.before, entry.after) == ({"status": "announced"}, {"status": "in_progress"})


def test_a_progress_note_is_dated_attributed_and_listed_newest_first(session):
    pledge = PledgeFactory()
    NoteFactory(pledge_id=pledge.id, noted_on=date(2026, 1, 15))
    added = service.add_note(session, actor=ADMIN, pledge_id=pledge.id, note=NoteCreate(text="  Unit assessed "),
                             today=TODAY)
    assert (added.noted_on, added.text, added.recorded_by) == (TODAY, "Unit assessed", ADMIN.email)
    shown = service.get_pledge(session, actor=ADMIN, pledge_id=pledge.id)
    assert [note.text for note in shown.notes][0] == "Unit assessed"
    with pytest.raises(Invalid):
        service.add_note(session, actor=ADMIN, pledge_id=pledge.id,
                         note=NoteCreate(noted_on=date(2026, 6, 2), text="Tomorrow"), today=TODAY)


def test_deleting_a_pledge_deletes_its_notes(session):
    pledge = PledgeFactory()
    NoteFactory(pledge_id=pledge.id)
    service.delete_pledge(session, actor=ADMIN, pledge_id=pledge.id)
    with pytest.raises(NotFound):
        service.get_pledge(session, actor=ADMIN, pledge_id=pledge.id)


def test_the_event_summary_counts_the_readers_pledges_per_category_and_status(session):
    event, home = MinisterialEventFactory(), factories.CountryFactory()
    PledgeFactory(event_id=event.id, country_code=home.code, category="units", status="fulfilled")
    PledgeFactory(event_id=event.id, country_code=home.code, category="units")
    PledgeFactory(event_id=event.id, category="units")  # another country's
    summary = service.event_summary(session, actor=force_generation(home.code), code=event.code,
                                    paging=PageRequest(1, 1))
    assert (summary.pledges.total, len(summary.pledges.items)) == (2, 1)
    assert (summary.by_category["units"], summary.by_category["training"]) == (2, 0)
    assert (summary.by_status["fulfilled"], summary.by_status["announced"]) == (1, 1)
    with pytest.raises(NotFound):
        service.event_summary(session, actor=ADMIN, code="nowhere-1999", paging=PageRequest())
