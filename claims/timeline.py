"""How a figure moved across a story's reports: a small server-rendered SVG chart per fact.

x is the report's publication date, y the figure (in base units), one point per statement,
labelled by outlet; a qualifier shows as a whisker ("at least" reaches up, "up to" down, "about"
and ranges both ways). Accessible: a title, a description that says it in words, and the fact
sheet's table beside it. No script. Pure: it reads claims.factsheet rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from django.utils import timezone

from . import conflicts
from .factsheet import Row, Said

WIDTH, HEIGHT = 560, 180
LEFT, RIGHT, TOP, BOTTOM = 76, 150, 16, 34
INSET = 24  # points keep clear of the axes
COLOURS = ("#1f5fa8", "#b3261e", "#1d6b3a", "#8a5a00", "#6b3fa0", "#0b6e75")


@dataclass(frozen=True)
class Point:
    said: Said
    value: float
    low: float
    high: float


def _point(said: Said) -> Point | None:
    figure = said.figure
    if figure is None:
        return None
    value = figure.base_value if figure.base_value is not None else figure.value
    low, high = conflicts.interval(figure)
    scale = value / figure.value if figure.value else 1.0
    return Point(said, value, low * scale, high * scale)


def points_of(row: Row) -> list[Point]:
    found = [_point(s) for items in row.cells.values() for s in items]
    return sorted(
        (p for p in found if p is not None),
        key=lambda p: (*p.said.when, p.said.outlet),
    )


def worth_a_chart(row: Row) -> bool:
    """Two or more figures on a dated report each: something to see move."""
    points = [p for p in points_of(row) if p.said.published]
    return len(points) >= 2 and len({p.said.outlet for p in points}) >= 2


def _nice(value: float, *, down: bool) -> float:
    """The value rounded outward to two significant digits, for an axis that reads cleanly."""
    if value <= 0:
        return 0.0
    magnitude = 10 ** (len(str(int(value))) - 2) if value >= 10 else 0.1
    steps = value / magnitude
    return (int(steps) if down else -int(-steps // 1)) * magnitude


def _number(value: float) -> str:
    if abs(value) >= 1_000_000:
        return f"{value / 1_000_000:.3g} million"
    if abs(value) >= 10_000:
        return f"{value:,.0f}"
    return f"{value:,.4g}"


def describe(row: Row) -> str:
    """The chart in words, for screen readers and for anyone."""
    parts = []
    for p in points_of(row):
        day, moment = p.said.published, p.said.published_at
        when = f"{day.day} {day:%b %Y}" if day else "undated"
        if moment is not None:
            when += f" {timezone.localtime(moment):%H:%M}"
        source = f", citing {p.said.source}" if p.said.source else ""
        parts.append(f"{p.said.outlet} ({when}{source}): {p.said.text}")
    return f"{row.label.capitalize()} as each report gave it, oldest first: " + "; ".join(parts) + "."


def svg(row: Row, chart_id: str) -> str:
    """The chart as an SVG element (a string, escaped)."""
    points = [p for p in points_of(row) if p.said.published]
    if not points:
        return ""
    dates = sorted({p.said.published for p in points})
    low = min(p.low for p in points)
    high = max(p.high for p in points)
    if high == low:
        high, low = high * 1.1 + 1, low * 0.9
    pad = (high - low) * 0.08
    low, high = _nice(max(0.0, low - pad), down=True), _nice(high + pad, down=False)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    inner = plot_w - 2 * INSET

    def x_of(index: int, offset: int, count: int) -> float:
        step = inner / max(1, len(dates) - 1) if len(dates) > 1 else 0
        base = LEFT + INSET + (index * step if len(dates) > 1 else inner / 2)
        return base + (offset - (count - 1) / 2) * 14  # reports of one day side by side

    def y_of(value: float) -> float:
        return TOP + plot_h - (value - low) / (high - low) * plot_h

    outlets = list(dict.fromkeys(p.said.outlet for p in points))
    colour = {outlet: COLOURS[i % len(COLOURS)] for i, outlet in enumerate(outlets)}
    parts = [
        f'<svg class="figure-timeline" id="{chart_id}" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" xmlns="http://www.w3.org/2000/svg">',
        f'<title id="{chart_id}-title">{escape(row.label.capitalize())} over time</title>',
        f'<desc id="{chart_id}-desc">{escape(describe(row))}</desc>',
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{TOP + plot_h}" stroke="#8a94a3"/>',
        f'<line x1="{LEFT}" y1="{TOP + plot_h}" x2="{LEFT + plot_w}" y2="{TOP + plot_h}" stroke="#8a94a3"/>',
        f'<text x="{LEFT - 6}" y="{y_of(high) + 4:.1f}" text-anchor="end" font-size="11" fill="#4a5565">{escape(_number(high))}</text>',
        f'<text x="{LEFT - 6}" y="{y_of(low) + 4:.1f}" text-anchor="end" font-size="11" fill="#4a5565">{escape(_number(low))}</text>',
    ]
    for index, day in enumerate(dates):
        x = x_of(index, 0, 1)
        parts.append(
            f'<text x="{x:.1f}" y="{HEIGHT - 12}" text-anchor="middle" font-size="11" fill="#4a5565">'
            f"{day.day} {day:%b}</text>"
        )
    for index, day in enumerate(dates):
        same_day = [p for p in points if p.said.published == day]
        for offset, p in enumerate(same_day):
            x, y = x_of(index, offset, len(same_day)), y_of(p.value)
            c = colour[p.said.outlet]
            if p.high > p.low and (p.said.figure.qualifier != "exact" or p.said.figure.low is not None):
                parts.append(
                    f'<line x1="{x:.1f}" y1="{y_of(p.high):.1f}" x2="{x:.1f}" y2="{y_of(p.low):.1f}" '
                    f'stroke="{c}" stroke-width="2" stroke-dasharray="3 2"/>'
                )
            at = f" ({timezone.localtime(p.said.published_at):%H:%M})" if p.said.published_at else ""
            label = f"{p.said.outlet}{at}: {p.said.text}"
            parts.append(
                f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" fill="{c}"><title>{escape(label)}</title></circle>'
            )
    for i, outlet in enumerate(outlets):  # a legend, in words
        y = TOP + 12 + i * 16
        parts.append(f'<circle cx="{WIDTH - RIGHT + 12}" cy="{y - 4}" r="4" fill="{colour[outlet]}"/>')
        parts.append(
            f'<text x="{WIDTH - RIGHT + 20}" y="{y}" font-size="11" fill="#1f2937">{escape(outlet[:22])}</text>'
        )
    parts.append("</svg>")
    return "".join(parts)
