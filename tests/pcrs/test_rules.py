"""The PCRS timing rules: one pure function per rule, boundaries included."""

from datetime import date

from readiness.models import PcrsLevel
from readiness.pcrs.rules import PcrsDates, Severity, add_years, self_cert_due_on, warnings

TODAY = date(2026, 11, 29)


def codes(dates: PcrsDates, on: date = TODAY) -> set[str]:
    return {warning.code for warning in warnings(dates, on)}


def l3(**values) -> PcrsDates:
    fields = {"level": PcrsLevel.L3, "pledge_registered_on": date(2022, 1, 10), "last_aav_on": date(2023, 5, 12),
              "l3_since": date(2024, 1, 1), "last_self_cert_on": date(2026, 6, 1)}
    return PcrsDates(**{**fields, **values})


def test_a_consistent_l3_unit_has_no_warning():
    assert codes(l3()) == set()


def test_an_aav_exactly_5_years_old_still_holds_and_the_next_day_it_does_not():
    aav = date(2021, 11, 29)
    dates = l3(last_aav_on=aav, l3_since=date(2022, 1, 1), pledge_registered_on=date(2021, 1, 1))
    assert "aav_expired" not in codes(dates, add_years(aav, 5))
    assert "aav_expiring" in codes(dates, add_years(aav, 5))
    expired = [w for w in warnings(dates, date(2026, 11, 30)) if w.code == "aav_expired"]
    assert expired and expired[0].severity == Severity.high
    assert expired[0].message == ("The last assessment and advisory visit was on 2021-11-29, more than 5 years ago: "
                                  "a new visit is needed before this unit can stay at L3.")


def test_the_five_years_count_at_l2_too_but_not_at_rdl():
    old = {"last_aav_on": date(2020, 5, 12), "l3_since": None, "last_self_cert_on": None}
    assert "aav_expired" in codes(l3(level=PcrsLevel.L2, **old))
    assert "aav_expired" not in codes(l3(level=PcrsLevel.RDL, rdl_verified_on=date(2021, 1, 1), **old))


def test_no_self_certification_is_needed_in_the_first_2_years_at_l3():
    dates = l3(l3_since=date(2025, 6, 1), last_self_cert_on=None)
    assert self_cert_due_on(dates) == date(2027, 6, 1)
    assert codes(dates) == set()
    assert codes(dates, date(2027, 1, 1)) == {"self_cert_due"}  # announced 180 days ahead


def test_after_2_years_at_l3_a_yearly_self_certification_is_needed():
    dates = l3(l3_since=date(2024, 1, 1), last_self_cert_on=None)
    assert self_cert_due_on(dates) == date(2026, 1, 1)
    assert "self_cert_overdue" in codes(dates)
    assert "self_cert_overdue" not in codes(dates, date(2026, 1, 1))  # the due day itself is in time


def test_a_self_certification_carries_the_unit_a_year():
    assert self_cert_due_on(l3(last_self_cert_on=date(2026, 1, 1))) == date(2027, 1, 1)
    assert "self_cert_overdue" in codes(l3(last_self_cert_on=date(2025, 11, 28)))


def test_a_deployed_unit_needs_no_self_certification():
    assert "self_cert_overdue" not in codes(l3(last_self_cert_on=None, deployed=True))


def test_levels_need_their_dates():
    assert "no_aav" in codes(PcrsDates(level=PcrsLevel.L2, pledge_registered_on=date(2025, 1, 1)))
    assert "l3_without_date" in codes(l3(l3_since=None))
    assert "rdl_without_visit" in codes(l3(level=PcrsLevel.RDL, rdl_verified_on=None))
    assert "l1_without_pledge" in codes(PcrsDates(level=PcrsLevel.L1))


def test_dates_in_the_future_and_out_of_order_are_warned():
    assert "future_last_aav_on" in codes(l3(last_aav_on=date(2027, 1, 1), l3_since=date(2027, 2, 1)))
    assert "l3_before_aav" in codes(l3(l3_since=date(2023, 1, 1)))
    assert "aav_before_pledge" in codes(l3(pledge_registered_on=date(2023, 6, 1)))


def test_a_unit_below_l2_pledged_to_a_mission_is_not_selectable():
    found = warnings(PcrsDates(level=PcrsLevel.L1, pledge_registered_on=date(2025, 1, 1), pledged_to_mission=True),
                     TODAY)
    assert [w.code for w in found] == ["not_selectable"] and "not selectable" in found[0].message
    assert codes(PcrsDates(level=PcrsLevel.L1, pledge_registered_on=date(2025, 1, 1))) == set()


def test_warnings_come_most_severe_first():
    found = warnings(l3(l3_since=date(2023, 1, 1), last_self_cert_on=None, last_aav_on=date(2020, 1, 1)), TODAY)
    severities = [w.severity for w in found]
    assert severities == sorted(severities, key=list(Severity).index)


def test_29_february_plus_years_is_28_february():
    assert add_years(date(2024, 2, 29), 5) == date(2029, 2, 28)
