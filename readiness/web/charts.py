"""Geometry of the server-rendered SVG charts: bars against a target, and a line chart.

Templates draw the shapes (templates/_charts.html); this module only computes where they go,
so the figures can be tested without parsing SVG.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    """A horizontal bar of `value` out of `maximum`, with a target mark, in a box `width` wide."""

    value: float
    target: float
    width: int
    maximum: float = 100

    @property
    def length(self) -> float:
        return _scaled(self.value, self.maximum, self.width)

    @property
    def target_x(self) -> float:
        return _scaled(self.target, self.maximum, self.width)

    @property
    def meets_target(self) -> bool:
        return self.value >= self.target


@dataclass(frozen=True)
class Tick:
    value: float
    y: float


@dataclass(frozen=True)
class Point:
    label: str
    value: float
    x: float
    y: float


@dataclass(frozen=True)
class LineChart:
    """A line over labelled points on a 0..maximum scale, with axis ticks and a target line."""

    points: list[Point]
    ticks: list[Tick]
    target_y: float | None
    width: int
    height: int
    left: int
    bottom: int

    @property
    def polyline(self) -> str:
        return " ".join(f"{point.x:.1f},{point.y:.1f}" for point in self.points)


def line_chart(
    series: list[tuple[str, float]], *, target: float | None = None, width: int = 560, height: int = 200,
    maximum: float = 100, tick_step: float = 25,
) -> LineChart:
    """Positions of `series` (label, value) spread evenly left to right, values rising upwards."""
    left, top, bottom = 40, 10, height - 24
    plot_width = width - left - 10
    step = plot_width / max(1, len(series) - 1)

    def y_of(value: float) -> float:
        return round(bottom - _scaled(value, maximum, bottom - top), 1)

    points = [Point(label, value, round(left + index * step, 1), y_of(value))
              for index, (label, value) in enumerate(series)]
    ticks = [Tick(tick, y_of(tick)) for tick in _ticks(maximum, tick_step)]
    return LineChart(points=points, ticks=ticks, target_y=None if target is None else y_of(target),
                     width=width, height=height, left=left, bottom=bottom)


def _ticks(maximum: float, step: float) -> list[float]:
    count = int(maximum // step)
    return [step * index for index in range(count + 1)]


def _scaled(value: float, maximum: float, length: float) -> float:
    # Values outside 0..maximum are drawn at the edge rather than outside the box.
    clamped = min(max(value, 0), maximum)
    return round(clamped / maximum * length, 1) if maximum else 0.0
