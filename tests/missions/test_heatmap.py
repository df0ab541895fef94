"""The heatmap's arrangement: colour bands, sort orders and columns."""

import pytest

from readiness.errors import Invalid
from readiness.missions import heatmap
from readiness.readiness.schemas import LineResult, UnitSummary
from readiness.requirements.schemas import RequirementLineIn, RequirementOut


def line(coverage, min_pct=100, met=None):
    return LineResult(course="C", min_pct=min_pct, eligible=10, trained=0, coverage_pct=coverage,
                      met=coverage >= min_pct if met is None else met, shortfall=0, expiring=0)


def unit(code, score, *coverages):
    return UnitSummary(unit=code, unit_name=code, country="XAA", pcrs_level=None, strength=10, women_pct=0,
                       lines=[line(c) for c in coverages], lines_met=0, lines_total=len(coverages),
                       score=score, status="partial")


@pytest.mark.parametrize(("coverage", "min_pct", "band"),
                         [(100, 100, 4), (50, 50, 4), (45, 50, 3), (60, 100, 2), (30, 100, 1), (29.9, 100, 0)])
def test_a_cell_is_banded_by_how_close_it_comes_to_the_line(coverage, min_pct, band):
    assert heatmap.band(line(coverage, min_pct)) == band


def test_an_unmet_line_is_never_in_the_met_band():
    assert heatmap.band(line(0, 0, met=False)) == 3


def test_equal_values_keep_unit_code_order_whatever_the_direction():
    units = [unit("B", 50, 10), unit("A", 50, 10), unit("C", 90, 0)]

    assert [u.unit for u in heatmap.sorted_units(units, heatmap.SortOrder("score", True))] == ["C", "A", "B"]
    assert [u.unit for u in heatmap.sorted_units(units, heatmap.SortOrder("line:0", False))] == ["C", "A", "B"]


def test_the_women_line_is_the_last_column():
    requirement = RequirementOut(code="R", mission="M", unit_type="t", title="R", version=1, tour_months=12,
                                 min_women_pct=15, lines=[RequirementLineIn(course="C", min_pct=100, role="medic")])

    columns = heatmap.columns(requirement)

    assert [(c.key, c.kind, c.label) for c in columns] == [("line:0", "course", "C · medic"), ("line:1", "women", "Women")]


def test_an_unknown_sort_direction_is_refused():
    with pytest.raises(Invalid):
        heatmap.parse_sort("score", "sideways", [])
