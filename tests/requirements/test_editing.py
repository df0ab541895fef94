"""Editing a requirement: a draft saved as the next version, never changing a stored one; diffs of versions."""

import pytest
from sqlmodel import select

from readiness.accounts.scope import Actor
from readiness.errors import Conflict, Forbidden, Invalid
from readiness.models import AuditEntry, Role
from readiness.requirements import editing, service
from readiness.requirements.editing import DraftLine
from readiness.requirements.schemas import RequirementLineIn, RequirementOut
from tests import factories

PLANNER = Actor(email="planner@example.org", role=Role.mission_planner)
KNOWN = {"POC-A", "POC-B", "POC-C"}


@pytest.fixture
def stored():
    """Version 1 of EDIT-REQ: POC-A for everyone at 100 %, a 12-month tour."""
    courses = {code: factories.CourseFactory(code=code) for code in sorted(KNOWN)}
    requirement = factories.RequirementFactory(code="EDIT-REQ", tour_months=12, min_women_pct=None)
    factories.RequirementLineFactory(requirement_id=requirement.id, course_id=courses["POC-A"].id, min_pct=100)
    return requirement


def latest_draft(session):
    return editing.draft_of(service.get_requirement(session, code="EDIT-REQ"))


def test_a_draft_starts_from_the_stored_version(session, stored):
    draft = latest_draft(session)

    assert (draft.base_version, draft.tour_months, draft.lines) == (1, "12", (DraftLine("POC-A", "100", ""),))


def test_adding_a_line_keeps_it_in_the_draft(session, stored):
    draft, errors = editing.add_line(latest_draft(session), DraftLine("POC-B", "50", "medic"), KNOWN)

    assert errors == {} and draft.lines[-1] == DraftLine("POC-B", "50", "medic")


@pytest.mark.parametrize(("line", "field"), [(DraftLine("NOPE", "50"), "new_course"),
                                              (DraftLine("POC-B", "150"), "new_min_pct"),
                                              (DraftLine("POC-B", "half"), "new_min_pct"),
                                              (DraftLine("POC-A", "50"), "new_course")])
def test_a_bad_new_line_is_refused_with_its_field(session, stored, line, field):
    draft, errors = editing.add_line(latest_draft(session), line, KNOWN)

    assert field in errors and len(draft.lines) == 1


def test_removing_a_line_leaves_the_others(session, stored):
    draft, _errors = editing.add_line(latest_draft(session), DraftLine("POC-B", "50"), KNOWN)

    assert editing.remove_line(draft, 0).lines == (DraftLine("POC-B", "50"),)


def test_saving_stores_the_next_version_and_keeps_the_first(session, stored):
    draft, _errors = editing.add_line(latest_draft(session), DraftLine("POC-B", "50"), KNOWN)

    saved = editing.save_draft(session, actor=PLANNER, draft=draft, known_courses=KNOWN)

    assert saved.version == 2 and [line.course for line in saved.lines] == ["POC-A", "POC-B"]
    assert [line.course for line in service.get_requirement(session, code="EDIT-REQ", version=1).lines] == ["POC-A"]


def test_a_save_is_written_to_the_audit_trail(session, stored):
    draft, _errors = editing.add_line(latest_draft(session), DraftLine("POC-B", "50"), KNOWN)

    editing.save_draft(session, actor=PLANNER, draft=draft, known_courses=KNOWN)

    entry = session.exec(select(AuditEntry).where(AuditEntry.entity == "requirement")).one()
    assert (entry.action, entry.actor, entry.after["version"]) == ("create", PLANNER.email, 2)


def test_saving_an_unchanged_draft_is_refused(session, stored):
    with pytest.raises(Invalid):
        editing.save_draft(session, actor=PLANNER, draft=latest_draft(session), known_courses=KNOWN)


def test_a_draft_without_lines_or_with_a_bad_tour_is_refused_by_field(session, stored):
    draft = editing.remove_line(latest_draft(session), 0)
    draft = editing.Draft(**{**vars(draft), "tour_months": "40"})

    assert set(editing.draft_errors(draft, KNOWN)) == {"lines", "tour_months"}


def test_a_draft_based_on_an_outdated_version_conflicts(session, stored):
    first, _errors = editing.add_line(latest_draft(session), DraftLine("POC-B", "50"), KNOWN)
    second, _errors = editing.add_line(latest_draft(session), DraftLine("POC-C", "10"), KNOWN)
    editing.save_draft(session, actor=PLANNER, draft=first, known_courses=KNOWN)

    with pytest.raises(Conflict):
        editing.save_draft(session, actor=PLANNER, draft=second, known_courses=KNOWN)


def test_force_generation_cannot_save(session, stored):
    draft, _errors = editing.add_line(latest_draft(session), DraftLine("POC-B", "50"), KNOWN)

    with pytest.raises(Forbidden):
        editing.save_draft(session, actor=Actor(email="fg@example.org", role=Role.force_generation,
                                                country_code="XAA"), draft=draft, known_courses=KNOWN)


def version(number, *lines, tour_months=12, min_women_pct=None):
    return RequirementOut(code="R", mission="M", unit_type="t", title="R", version=number, tour_months=tour_months,
                          min_women_pct=min_women_pct,
                          lines=[RequirementLineIn(course=c, min_pct=p, role=r) for c, p, r in lines])


def test_the_diff_names_lines_added_removed_and_changed_and_fields_changed():
    older = version(1, ("A", 100, None), ("B", 50, None), ("C", 100, "medic"))
    newer = version(2, ("A", 100, None), ("B", 75, None), ("C", 100, None), tour_months=9, min_women_pct=15)

    diff = editing.diff_versions(older, newer)

    assert [(c.field, c.before, c.after) for c in diff.fields] == [("tour_months", 12, 9), ("min_women_pct", None, 15)]
    assert [(line.course, line.role) for line in diff.added] == [("C", None)]
    assert [(line.course, line.role) for line in diff.removed] == [("C", "medic")]
    assert [(c.course, c.before_pct, c.after_pct) for c in diff.changed] == [("B", 50, 75)]


def test_a_version_against_itself_has_no_diff():
    assert editing.diff_versions(version(1, ("A", 100, None)), version(1, ("A", 100, None))).empty
