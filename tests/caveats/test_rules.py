"""When a caveat is in force and when it flags its unit, in Python and in SQL alike."""

from datetime import date

import pytest
from pydantic import ValidationError

from readiness.caveats import rules
from readiness.caveats.schemas import CaveatFields
from readiness.models import Caveat, CaveatRecord
from tests.caveats.factories import CaveatFactory
from tests.factories import UnitFactory

END = date(2026, 6, 30)


def a_caveat(**values) -> Caveat:
    fields = {"unit_id": 1, "declared": True, "kind": "task", "text": "No convoy escort.", "accepted_by_un": True,
              "recorded_in": "mou", "active_from": date(2026, 1, 1), "active_to": END, "recorded_by": "t"}
    return Caveat(**{**fields, **values})


def test_a_caveat_is_in_force_on_its_last_day_and_not_the_day_after():
    caveat = a_caveat()
    assert rules.in_force(caveat, END) and not rules.in_force(caveat, date(2026, 7, 1))
    assert rules.in_force(caveat, date(2026, 1, 1)) and not rules.in_force(caveat, date(2025, 12, 31))


def test_an_open_ended_caveat_stays_in_force():
    assert rules.in_force(a_caveat(active_to=None), date(2040, 1, 1))


@pytest.mark.parametrize(("declared", "accepted", "flags"), [(True, True, False), (True, False, True),
                                                             (False, False, True)])
def test_only_a_declared_and_accepted_caveat_leaves_the_unit_unflagged(declared, accepted, flags):
    assert rules.raises_flag(a_caveat(declared=declared, accepted_by_un=accepted), END) is flags


def test_a_caveat_that_ended_flags_nothing():
    assert not rules.raises_flag(a_caveat(declared=False, accepted_by_un=False), date(2026, 7, 1))


def test_the_sql_rule_flags_the_same_units_in_one_query(session):
    flagged, ended, accepted = UnitFactory(), UnitFactory(), UnitFactory()
    CaveatFactory(unit_id=flagged.id, declared=False, accepted_by_un=False, recorded_in=CaveatRecord.none,
                  active_to=END)
    CaveatFactory(unit_id=ended.id, accepted_by_un=False, active_to=date(2026, 6, 29))
    CaveatFactory(unit_id=accepted.id)
    ids = [flagged.id, ended.id, accepted.id]
    assert rules.flagged_unit_ids(session, ids, END) == {flagged.id}
    assert rules.flagged_unit_ids(session, ids, date(2026, 6, 29)) == {flagged.id, ended.id}
    assert rules.flagged_unit_codes(session, [flagged.code, accepted.code], END) == {flagged.code}


def fields(**values) -> dict:
    return {"declared": True, "kind": "task", "text": "No convoy escort.", "active_from": "2026-01-01", **values}


def error_fields(values: dict) -> dict[str, str]:
    with pytest.raises(ValidationError) as problem:
        CaveatFields.model_validate(values)
    return {e["loc"][0]: e["msg"] for e in problem.value.errors()}


def test_an_undeclared_caveat_cannot_be_accepted_nor_in_the_mou():
    errors = error_fields(fields(declared=False, accepted_by_un=True, recorded_in="mou"))
    assert "cannot be accepted by the UN" in errors["accepted_by_un"]
    assert "cannot be recorded in the MOU" in errors["recorded_in"]


def test_an_undeclared_caveat_may_be_recorded_in_a_sur_variation():
    assert CaveatFields.model_validate(fields(declared=False, recorded_in="sur_variation")).declared is False


def test_a_caveat_may_end_the_day_it_starts_but_not_before():
    assert CaveatFields.model_validate(fields(active_to="2026-01-01")).active_to == date(2026, 1, 1)
    assert "ends before it starts" in error_fields(fields(active_to="2025-12-31"))["active_to"]


def test_the_text_is_required_and_at_most_1000_characters():
    assert "Write what" in error_fields(fields(text="   "))["text"]
    assert "1000" in error_fields(fields(text="x" * 1001))["text"]
    assert len(CaveatFields.model_validate(fields(text="x" * 1000)).text) == 1000
