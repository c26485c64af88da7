"""Charts drawn on the server as inline SVG: no script, nothing fetched, fine under the CSP.

Colours and fonts come from classes in ``static/style.css`` (no ``style`` attributes, which the
Content-Security-Policy forbids). Every label is escaped.
"""

from __future__ import annotations

from markupsafe import Markup, escape

# Sizes in SVG user units (the SVG scales to its container).
BAR_HEIGHT = 18
BAR_GAP = 6
LABEL_WIDTH = 170
CHART_WIDTH = 640
COLUMN_CHART_HEIGHT = 180
TIMELINE_HEIGHT = 90


def _svg(width: int, height: int, body: list[str], title: str) -> Markup:
    return Markup(
        f'<svg class="chart" viewBox="0 0 {width} {height}" role="img" '
        f'aria-label="{escape(title)}" xmlns="http://www.w3.org/2000/svg">'
        f"<title>{escape(title)}</title>{''.join(body)}</svg>")


def bar_chart(items: list[tuple[str, int]], *, title: str) -> Markup:
    """Horizontal bars, one per (label, value)."""
    if not items:
        return Markup('<p class="empty">No data yet.</p>')
    top = max(v for _, v in items) or 1
    room = CHART_WIDTH - LABEL_WIDTH - 50
    body = []
    for i, (label, value) in enumerate(items):
        y = i * (BAR_HEIGHT + BAR_GAP)
        w = max(1, round(room * value / top))
        text = str(label).replace("_", " ")
        body.append(
            f'<text class="label" x="{LABEL_WIDTH - 6}" y="{y + BAR_HEIGHT - 5}" '
            f'text-anchor="end">{escape(text[:28])}</text>'
            f'<rect class="bar" x="{LABEL_WIDTH}" y="{y}" width="{w}" height="{BAR_HEIGHT}">'
            f"<title>{escape(text)}: {value}</title></rect>"
            f'<text class="value" x="{LABEL_WIDTH + w + 4}" y="{y + BAR_HEIGHT - 5}">'
            f"{value}</text>")
    return _svg(CHART_WIDTH, len(items) * (BAR_HEIGHT + BAR_GAP), body, title)


def column_chart(items: list[tuple[str, int]], *, title: str) -> Markup:
    """Vertical columns in order (months), with the first and last label under the axis."""
    if not items:
        return Markup('<p class="empty">No dated events yet.</p>')
    top = max(v for _, v in items) or 1
    plot = COLUMN_CHART_HEIGHT - 30
    step = (CHART_WIDTH - 40) / len(items)
    body = [f'<line class="axis" x1="30" y1="{plot}" x2="{CHART_WIDTH - 10}" y2="{plot}"/>',
            f'<text class="value" x="26" y="12" text-anchor="end">{top}</text>']
    for i, (label, value) in enumerate(items):
        h = max(1, round((plot - 10) * value / top))
        x = 30 + i * step
        body.append(f'<rect class="bar" x="{x:.1f}" y="{plot - h}" width="{max(1, step - 1):.1f}" '
                    f'height="{h}"><title>{escape(label)}: {value}</title></rect>')
    for i in sorted({0, len(items) - 1}):
        anchor = "start" if i == 0 else "end"
        x = 30 + i * step + (0 if i == 0 else step)
        body.append(f'<text class="label" x="{x:.1f}" y="{plot + 18}" text-anchor="{anchor}">'
                    f"{escape(items[i][0])}</text>")
    return _svg(CHART_WIDTH, COLUMN_CHART_HEIGHT, body, title)


def _year_fraction(date: str) -> float:
    parts = [int(p) for p in date.split("-")]
    year, month, day = (parts + [7, 1])[:3] if len(parts) == 1 else (parts + [15])[:3]
    return year + (month - 1) / 12 + (day - 1) / 365


def timeline_chart(events: list[dict], *, title: str) -> Markup:
    """A person's dated events on one time axis, a mark per event, classed by its type."""
    dated = [e for e in events if e.get("date")]
    if not dated:
        return Markup('<p class="empty">No dated events.</p>')
    xs = [_year_fraction(e["date"]) for e in dated]
    lo, hi = min(xs) - 0.5, max(xs) + 0.5
    width = CHART_WIDTH - 40
    axis_y = TIMELINE_HEIGHT - 30

    def x_of(value: float) -> float:
        return 20 + width * (value - lo) / (hi - lo)

    body = [f'<line class="axis" x1="20" y1="{axis_y}" x2="{20 + width}" y2="{axis_y}"/>']
    for year in range(int(lo) + 1, int(hi) + 1):
        x = x_of(year)
        body.append(f'<line class="tick" x1="{x:.1f}" y1="{axis_y}" x2="{x:.1f}" '
                    f'y2="{axis_y + 5}"/><text class="label" x="{x:.1f}" y="{axis_y + 18}" '
                    f'text-anchor="middle">{year}</text>')
    for i, (event, value) in enumerate(zip(dated, xs)):
        x = x_of(value)
        y = axis_y - 12 - (i % 3) * 14
        kind = escape(event["type"])
        negated = " negated" if event.get("negated") else ""
        body.append(f'<a href="#event-{int(event["event_id"])}"><circle class="mark t-{kind}'
                    f'{negated}" cx="{x:.1f}" cy="{y}" r="6"><title>{escape(event["date"])} '
                    f'{kind.replace("_", " ")}</title></circle></a>')
    return _svg(CHART_WIDTH, TIMELINE_HEIGHT, body, title)
