"""Choropleth maps of Finland drawn on the server as SVG: municipal and regional boundaries from data/
(National Land Survey of Finland, CC BY 4.0; 2026 boundaries, with the municipalities that merged since 2019
drawn as the municipality they merged into). Pages always show the same facts as a table beside the map,
so the map needs no JavaScript and nothing is only in the picture.
"""

import csv
import json
import math
from functools import cache

from django.utils.html import format_html_join

from .reference_data import DATA_DIR

# An equirectangular projection true at 64.5° N: Finland keeps its familiar shape at this scale.
SCALE = 42.0
LATITUDE = 64.5
WEST, NORTH = 19.0, 70.2
# Colours of the classes (light to dark; class 0 is "none"), readable with the boundaries in white.
PALETTE = ("#f3f2f1", "#c6dbef", "#6baed6", "#2171b5", "#08306b")


def _point(lon: float, lat: float) -> tuple[float, float]:
    return (
        round((lon - WEST) * math.cos(math.radians(LATITUDE)) * SCALE, 1),
        round((NORTH - lat) * SCALE, 1),
    )


def _path(geometry: dict) -> str:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    parts = []
    for polygon in polygons:
        for ring in polygon:
            points = [_point(lon, lat) for lon, lat in ring]
            if len(points) < 3:
                continue
            parts.append("M" + "L".join(f"{x:g},{y:g}" for x, y in points) + "Z")
    return "".join(parts)


@cache
def _shapes(name: str) -> dict[str, str]:
    with open(DATA_DIR / name, encoding="utf-8") as handle:
        features = json.load(handle)["features"]
    return {feature["properties"]["code"]: _path(feature["geometry"]) for feature in features}


@cache
def merged_into() -> dict[str, str]:
    """The 2019 codes of municipalities that merged since, and the code they merged into."""
    with open(DATA_DIR / "municipality_mergers.csv", encoding="utf-8", newline="") as handle:
        return {row["code"]: row["merged_into_code"] for row in csv.DictReader(handle)}


def view_box() -> str:
    width = round((32.0 - WEST) * math.cos(math.radians(LATITUDE)) * SCALE)
    height = round((NORTH - 59.6) * SCALE)
    return f"0 0 {width} {height}"


def choropleth(values: dict[str, int], names: dict[str, str], *, regions: bool = False, labels=None) -> dict:
    """A map for `includes/choropleth.html`: each area (municipality code, or region code with `regions`)
    filled by its class, a value from 0 to 4 in `values` (0 or missing: none); `names` gives the area's name
    for its tooltip and `labels` (class → text) the legend."""
    shapes = _shapes("regions.geojson" if regions else "municipalities_2026.geojson")
    if not regions:
        merged = merged_into()
        classes: dict[str, int] = {}
        for code, value in values.items():
            target = merged.get(code, code)
            classes[target] = max(classes.get(target, 0), value)
    else:
        classes = dict(values)
    # The paths are written here, not in a template loop: three hundred areas cost the template engine more
    # than the rest of the page.
    rows = []
    for code, d in sorted(shapes.items()):
        level = min(max(classes.get(code, 0), 0), len(PALETTE) - 1)
        stroke = ("#0b0c0c", "0.6") if level else ("#ffffff", "0.4")
        rows.append((d, PALETTE[level], *stroke, names.get(code, code)))
    paths = format_html_join(
        "", '<path d="{}" fill="{}" stroke="{}" stroke-width="{}"><title>{}</title></path>', rows
    )
    legend = [{"fill": PALETTE[level], "label": label} for level, label in sorted((labels or {}).items())]
    return {"view_box": view_box(), "paths": paths, "legend": legend}
