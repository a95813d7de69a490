"""Load regions and municipalities from the files in data/ (Statistics Finland, CC BY 4.0).

Idempotent: running it again updates rows in place. Swedish (and other) names come from the 2026
classification where the municipality still exists; a merged municipality keeps its 2019 row and points to
the municipality it merged into.
"""

import csv
from datetime import date
from pathlib import Path

from django.conf import settings
from django.db import transaction

from kannustin.core import audit

from .models import Organisation, Region

DATA_DIR = Path(settings.BASE_DIR) / "data"
ATTRIBUTION = (
    "Municipality classification and population: © Statistics Finland, CC BY 4.0. "
    "Boundaries: © National Land Survey of Finland, CC BY 4.0."
)


def _read(name):
    with open(DATA_DIR / name, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@transaction.atomic
def load_reference_data() -> dict:
    rows_2019 = {row["code"]: row for row in _read("municipalities_2019.csv")}
    rows_2026 = {row["code"]: row for row in _read("municipalities_2026.csv")}
    mergers = _read("municipality_mergers.csv")

    regions = {}
    for row in [*rows_2019.values(), *rows_2026.values()]:  # 2026 names win
        regions[row["region_code"]] = row
    region_objs = {}
    for code, row in sorted(regions.items()):
        region_objs[code], _ = Region.objects.update_or_create(
            code=code,
            defaults={
                "name_fi": row["region_name_fi"],
                "name_sv": row["region_name_sv"],
                "name_en": row["region_name_en"],
            },
        )

    created = updated = 0
    by_code = {}
    for code in sorted(set(rows_2019) | set(rows_2026)):
        row = rows_2026.get(code) or rows_2019[code]
        old = rows_2019.get(code)
        population = row["population"]
        defaults = {
            "kind": Organisation.Kind.MUNICIPALITY,
            "name_fi": row["name_fi"],
            "name_sv": row["name_sv"],
            "name_en": row["name_en"],
            "region": region_objs[row["region_code"]],
            "language_status": int(row["language_status_code"]),
            "population": int(population) if population else None,
            "population_date": date.fromisoformat(row["population_date"]) if row["population_date"] else None,
            "population_2019": int(old["population"]) if old and old["population"] else None,
            "in_2019": code in rows_2019,
            "in_2026": code in rows_2026,
        }
        obj, was_created = Organisation.objects.update_or_create(code=code, defaults=defaults)
        by_code[code] = obj
        created += was_created
        updated += not was_created

    for merger in mergers:
        ceased = by_code[merger["code"]]
        ceased.merged_into = by_code[merger["merged_into_code"]]
        ceased.merged_on = date.fromisoformat(merger["effective_date"])
        ceased.save(update_fields=["merged_into", "merged_on"])

    summary = {
        "regions": len(region_objs),
        "municipalities_2019": len(rows_2019),
        "municipalities_2026": len(rows_2026),
        "created": created,
        "updated": updated,
        "mergers": len(mergers),
    }
    if created:
        audit.record(None, "reference_data.loaded", changes=summary, object_type="registry.organisation")
    return summary
