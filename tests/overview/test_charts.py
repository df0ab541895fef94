"""The SVG chart geometry (readiness/web/charts.py) behind the dashboard and unit page."""

from datetime import date

from readiness.models import Gender, ParityCategory
from readiness.web.charts import Bar, line_chart
from tests.factories import UnitFactory
from tests.parity.factories import GenderParityTargetFactory
from tests.readiness.helpers import enlist


def test_a_bar_is_as_long_as_its_share_of_the_box():
    bar = Bar(value=12.5, target=15, width=200, maximum=40)
    assert (bar.length, bar.target_x, bar.meets_target) == (62.5, 75.0, False)


def test_a_bar_beyond_the_maximum_stops_at_the_edge():
    assert Bar(value=55, target=20, width=200, maximum=40).length == 200


def test_the_line_chart_spreads_points_and_puts_high_values_higher():
    chart = line_chart([("a", 0), ("b", 50), ("c", 100)], width=250, height=124, target=75)
    xs, ys = [p.x for p in chart.points], [p.y for p in chart.points]
    assert xs == [40.0, 140.0, 240.0]
    assert ys[0] > ys[1] > ys[2] and ys[2] == 10.0 and ys[0] == 100.0
    assert [tick.value for tick in chart.ticks] == [0, 25, 50, 75, 100]
    assert chart.target_y == 32.5 and chart.polyline.startswith("40.0,100.0 ")


def test_the_women_bars_mark_the_target_of_the_year(login_as):
    client = login_as("admin")
    GenderParityTargetFactory(year=2021, category=ParityCategory.military_contingent, target_pct=8)
    enlist(UnitFactory(), gender=Gender.F, start_on=date(2025, 1, 1))
    section = client.get("/").text.split('id="women-bars"')[1].split("</ul>")[0]
    assert '<line class="target"' in section and "target 8.0" in section


def test_a_unit_type_without_a_target_says_so_instead_of_a_mark(login_as):
    client = login_as("admin")
    enlist(UnitFactory(), gender=Gender.F, start_on=date(2025, 1, 1))
    section = client.get("/").text.split('id="women-bars"')[1].split("</ul>")[0]
    assert '<line class="target"' not in section and "No target set" in section
