"""Geometry of the profile chart (now vs target per dimension), drawn as SVG by
templates/maturity/_profile_svg.html. The two series differ in colour, marker shape and line style, so
they can be told apart without colour; the same numbers are always shown in a table next to the chart.

Every coordinate leaves here as text written by `svg_number`: numbers inside SVG are never localised (a
Finnish or Swedish decimal comma, x1="290,0", would pile the chart up at its left edge), so the template
does no arithmetic and prints no number of its own."""

import textwrap

WIDTH = 720
LABEL_WIDTH = 250
PLOT_LEFT = 290
PLOT_RIGHT = 690
HEADER = 64
ROW_HEIGHT = 60
LEGEND = 56
OFFSET = 8  # now above, target below the row's centre line: equal levels stay visible
LABEL_CHARS = 32
LABEL_LINES = 3
LINE_HEIGHT = 16


def svg_number(value) -> str:
    """A coordinate as SVG reads it: a decimal point, no grouping, whatever the language of the page."""
    number = round(float(value), 1)
    return str(int(number)) if number.is_integer() else repr(number)


def _points(pairs) -> str:
    return " ".join(f"{svg_number(x)},{svg_number(y)}" for x, y in pairs)


def _diamond(x, y, size=8) -> str:
    return _points([(x, y - size), (x + size, y), (x, y + size), (x - size, y)])


def _wrap(text: str) -> list[str]:
    lines = textwrap.wrap(text, LABEL_CHARS) or [""]
    if len(lines) > LABEL_LINES:
        lines = lines[:LABEL_LINES]
        lines[-1] = lines[-1][: LABEL_CHARS - 1].rstrip() + "…"
    return lines


def profile_chart(rows: list[dict], levels: list) -> dict:
    """rows: from services.profile(); levels: the model's MaturityLevel objects in order."""
    values = [level.value for level in levels]
    low, high = (values[0], values[-1]) if values else (1, 5)
    span = max(high - low, 1)
    n = svg_number

    def x(value):
        return PLOT_LEFT + (value - low) * (PLOT_RIGHT - PLOT_LEFT) / span

    plot_top = HEADER - 14
    plot_bottom = HEADER + ROW_HEIGHT * len(rows)
    ticks = [
        {
            "x": n(x(level.value)),
            "value": level.value,
            "level": level,
            "top": n(plot_top),
            "bottom": n(plot_bottom),
        }
        for level in levels
    ]
    chart_rows, now_points, target_points = [], [], []
    for index, row in enumerate(rows):
        centre = HEADER + ROW_HEIGHT * index + ROW_HEIGHT // 2
        lines = _wrap(row["dimension"].tr("name"))
        first_line = centre - (len(lines) - 1) * LINE_HEIGHT / 2 + 5
        chart_row = {
            "y": n(centre),
            "band_y": n(centre - ROW_HEIGHT // 2),
            "label_lines": [
                {"text": text, "y": n(first_line + i * LINE_HEIGHT)} for i, text in enumerate(lines)
            ],
            "now": None,
            "target": None,
        }
        if row["current"] is not None:
            now = (x(row["current"]), centre - OFFSET)
            chart_row["now"] = {"x": n(now[0]), "y": n(now[1])}
            now_points.append(now)
        if row["target"] is not None:
            target = (x(row["target"]), centre + OFFSET)
            chart_row["target"] = {"diamond": _diamond(*target)}
            target_points.append(target)
        chart_rows.append(chart_row)
    legend_y = plot_bottom + 34
    now_x = PLOT_LEFT - 40
    target_x = PLOT_LEFT + 170
    return {
        "width": n(WIDTH),
        "height": n(plot_bottom + LEGEND),
        "row_height": n(ROW_HEIGHT),
        "label_x": "0",
        "ticks": ticks,
        "show_level_names": len(levels) <= 5,
        "rows": chart_rows,
        "now_points": _points(now_points),
        "target_points": _points(target_points),
        "legend": {
            "y": n(legend_y),
            "text_y": n(legend_y + 5),
            "now_x1": n(now_x),
            "now_x2": n(now_x + 40),
            "now_marker_x": n(now_x + 20),
            "now_text_x": n(now_x + 50),
            "target_x1": n(target_x),
            "target_x2": n(target_x + 40),
            "target_diamond": _diamond(target_x + 20, legend_y),
            "target_text_x": n(target_x + 50),
        },
    }
