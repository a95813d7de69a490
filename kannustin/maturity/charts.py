"""Geometry of the profile chart (now vs target per dimension), drawn as SVG by
templates/maturity/_profile_chart.html. The two series differ in colour, marker shape and line style, so
they can be told apart without colour; the same numbers are always shown in a table next to the chart."""

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

    def x(value):
        return round(PLOT_LEFT + (value - low) * (PLOT_RIGHT - PLOT_LEFT) / span, 1)

    ticks = [{"x": x(level.value), "value": level.value, "level": level} for level in levels]
    plot_bottom = HEADER + ROW_HEIGHT * len(rows)
    chart_rows, now_points, target_points = [], [], []
    for index, row in enumerate(rows):
        centre = HEADER + ROW_HEIGHT * index + ROW_HEIGHT // 2
        lines = _wrap(row["dimension"].tr("name"))
        first_line = centre - (len(lines) - 1) * LINE_HEIGHT / 2 + 5
        chart_row = {
            "y": centre,
            "label_lines": [
                {"text": text, "y": round(first_line + i * LINE_HEIGHT, 1)} for i, text in enumerate(lines)
            ],
            "now": None,
            "target": None,
        }
        if row["current"] is not None:
            chart_row["now"] = {"x": x(row["current"]), "y": centre - OFFSET}
            now_points.append(f"{x(row['current'])},{centre - OFFSET}")
        if row["target"] is not None:
            tx, ty = x(row["target"]), centre + OFFSET
            chart_row["target"] = {
                "x": tx,
                "y": ty,
                "diamond": f"{tx},{ty - 8} {tx + 8},{ty} {tx},{ty + 8} {tx - 8},{ty}",
            }
            target_points.append(f"{tx},{ty}")
        chart_rows.append(chart_row)
    legend_y = plot_bottom + 34
    legend_target_x = PLOT_LEFT + 170
    lx = legend_target_x + 20
    return {
        "width": WIDTH,
        "height": plot_bottom + LEGEND,
        "plot_top": HEADER - 14,
        "plot_bottom": plot_bottom,
        "plot_left": PLOT_LEFT,
        "plot_right": PLOT_RIGHT,
        "label_x": 0,
        "ticks": ticks,
        "show_level_names": len(levels) <= 5,
        "rows": chart_rows,
        "now_points": " ".join(now_points),
        "target_points": " ".join(target_points),
        "legend_y": legend_y,
        "legend_now_x": PLOT_LEFT - 40,
        "legend_target_x": legend_target_x,
        "legend_target_diamond": f"{lx},{legend_y - 8} {lx + 8},{legend_y} {lx},{legend_y + 8} {lx - 8},{legend_y}",
    }
