"""Small SVG charts drawn on the server: a horizontal bar chart and a cumulative line chart.

Every chart is an accessible image (role="img", an aria-label, <title> and <desc>) whose numbers are also
written as text in the picture and always given in a table beside it, so nothing is told by colour alone and
no JavaScript is needed.
"""

from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString

BAR = "#1d70b8"  # GOV.UK blue, with the values as text beside each bar
LINE = "#1d70b8"
AXIS = "#505a5f"
TEXT = "#0b0c0c"


def _frame(
    chart_id: str, title: str, description: str, width: int, height: int, body: SafeString
) -> SafeString:
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="100%" role="img" '
        'aria-label="{title}" aria-labelledby="{id}-title {id}-desc" focusable="false" '
        'class="kannustin-chart" font-family="sans-serif" font-size="14">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>{body}</svg>',
        w=width, h=height, id=chart_id, title=title, desc=description, body=body,
    )  # fmt: skip


def bar_chart(chart_id: str, title: str, description: str, rows: list[tuple[str, int, str]]) -> SafeString:
    """Horizontal bars: rows of (label, value, value as text); the longest bar is the largest value."""
    label_width, bar_width, row_height, width = 200, 360, 32, 640
    largest = max((value for _label, value, _text in rows), default=0) or 1
    items = []
    for index, (label, value, text) in enumerate(rows):
        y = index * row_height + 4
        length = round(bar_width * max(value, 0) / largest, 1)
        items.append((y + 18, label, label_width, y, length, label_width + length + 6, y + 18, text))
    body = format_html_join(
        "",
        '<text x="0" y="{}" fill="' + TEXT + '">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="24" fill="' + BAR + '"/>'
        '<text x="{}" y="{}" fill="' + TEXT + '">{}</text>',
        items,
    )
    return _frame(chart_id, title, description, width, len(rows) * row_height + 8, body)


def line_chart(chart_id: str, title: str, description: str, points: list[tuple[str, int]]) -> SafeString:
    """A line through (label, value) points from left to right (a cumulative count over days), with the first
    and last labels on the x axis and the scale's top and the last value written out."""
    left, top, width, height = 48, 16, 560, 200
    total_width, total_height = left + width + 70, top + height + 40
    largest = max((value for _label, value in points), default=0) or 1
    step = width / max(len(points) - 1, 1)
    coordinates = [
        (round(left + index * step, 1), round(top + height - height * value / largest, 1))
        for index, (_label, value) in enumerate(points)
    ]
    line = " ".join(f"{x:g},{y:g}" for x, y in coordinates)
    axes = format_html(
        '<line x1="{l}" y1="{b}" x2="{r}" y2="{b}" stroke="{a}"/><line x1="{l}" y1="{t}" x2="{l}" y2="{b}" stroke="{a}"/>'
        '<text x="{lx}" y="{ty}" text-anchor="end" fill="{c}">{top_value}</text>'
        '<text x="{lx}" y="{by}" text-anchor="end" fill="{c}">0</text>',
        l=left, r=left + width, t=top, b=top + height, a=AXIS, c=TEXT, lx=left - 6, ty=top + 5,
        by=top + height + 5, top_value=largest if points else 0,
    )  # fmt: skip
    if not points:
        return _frame(chart_id, title, description, total_width, total_height, axes)
    last_x, last_y = coordinates[-1]
    body = format_html(
        '{axes}<polyline points="{line}" fill="none" stroke="{colour}" stroke-width="3"/>'
        '<circle cx="{lx}" cy="{ly}" r="4" fill="{colour}"/>'
        '<text x="{vx}" y="{vy}" fill="{c}">{last}</text>'
        '<text x="{l}" y="{dy}" fill="{c}">{first_label}</text>'
        '<text x="{r}" y="{dy}" text-anchor="end" fill="{c}">{last_label}</text>',
        axes=axes, line=line, colour=LINE, lx=last_x, ly=last_y, vx=last_x + 8, vy=last_y + 5, c=TEXT,
        last=points[-1][1], l=left, r=left + width, dy=top + height + 24, first_label=points[0][0],
        last_label=points[-1][0],
    )  # fmt: skip
    return _frame(chart_id, title, description, total_width, total_height, body)
