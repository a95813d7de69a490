import re
from typing import Literal

from django.db.models import F
from django.utils.translation import gettext as _
from ninja import Field, Query, Router, Schema

from kannustin.registry.models import LanguageStatus, Organisation

from ..errors import ApiError
from ..schemas import ErrorOut, MunicipalityDetailOut, MunicipalityListOut, ValidationErrorOut
from ..serialise import trilingual

router = Router(tags=["municipalities"])

ATTRIBUTION = "Municipality classification and population: © Statistics Finland, CC BY 4.0"
LICENSE = "https://creativecommons.org/licenses/by/4.0/"

# Statistics Finland's names for the language-status classes; the database keeps only the code.
LANGUAGE_STATUS_LABELS = {
    LanguageStatus.FINNISH: (
        "Yksikielinen suomenkielinen kunta",
        "Enspråkig finsk kommun",
        "Monolingual Finnish-speaking municipality",
    ),
    LanguageStatus.BILINGUAL_FINNISH_MAJORITY: (
        "Kaksikielinen kunta, jossa enemmistön kieli on suomi",
        "Tvåspråkig kommun med finska som flertalets språk",
        "Bilingual municipality with Finnish-speaking majority",
    ),
    LanguageStatus.SWEDISH: (
        "Yksikielinen ruotsinkielinen kunta",
        "Enspråkig svensk kommun",
        "Monolingual Swedish-speaking municipality",
    ),
    LanguageStatus.BILINGUAL_SWEDISH_MAJORITY: (
        "Kaksikielinen kunta, jossa enemmistön kieli on ruotsi",
        "Tvåspråkig kommun med svenska som flertalets språk",
        "Bilingual municipality with Swedish-speaking majority",
    ),
}
MUNICIPALITY_CODE = re.compile(r"^[0-9]{3}$")


def language_status(code: int | None) -> dict | None:
    if code is None:
        return None
    status = LanguageStatus(code)
    label_fi, label_sv, label_en = LANGUAGE_STATUS_LABELS[status]
    return {
        "code": int(status),
        "key": status.name.lower(),
        "label_fi": label_fi,
        "label_sv": label_sv,
        "label_en": label_en,
    }


def municipality_queryset():
    # One query: the region joined, the merge target's code read through the join.
    return (
        Organisation.objects.municipalities()
        .select_related("region")
        .annotate(merged_into_code=F("merged_into__code"))
        .order_by("code")
    )


def municipality_data(org: Organisation) -> dict:
    region = org.region
    return {
        "code": org.code,
        "business_id": org.business_id,
        **trilingual(org, "name"),
        "region": {"code": region.code, **trilingual(region, "name")} if region else None,
        "language_status": language_status(org.language_status),
        "population": org.population,
        "population_date": org.population_date,
        "in_2019": org.in_2019,
        "in_2026": org.in_2026,
        "merged_into": org.merged_into_code,
        "merged_on": org.merged_on,
    }


def matches(org: Organisation, needle: str) -> bool:
    return org.code == needle or any(
        needle in (name or "").casefold() for name in (org.name_fi, org.name_sv, org.name_en)
    )


class MunicipalityFilters(Schema):
    classification: Literal["2019", "2026"] | None = Field(
        None,
        description="Only municipalities in Statistics Finland's classification of 1 January of that year.",
    )
    region: str | None = Field(None, pattern=r"^[0-9]{2}$", description="Region (maakunta) code, e.g. 01.")
    q: str | None = Field(
        None,
        max_length=100,
        description="Part of a name in Finnish, Swedish or English, or a municipality code.",
    )


@router.get(
    "/municipalities/",
    response={200: MunicipalityListOut, 422: ValidationErrorOut},
    summary="Municipalities",
)
def list_municipalities(request, filters: Query[MunicipalityFilters]):
    """Every municipality of the 2019 and 2026 classifications, also those since merged (`merged_into`).
    Not paginated: about 311 rows."""
    queryset = municipality_queryset()
    if filters.classification:
        queryset = queryset.filter(**{f"in_{filters.classification}": True})
    if filters.region:
        queryset = queryset.filter(region__code=filters.region)
    rows = list(queryset)
    needle = (filters.q or "").strip().casefold()
    if needle:
        # Matched in Python, not with SQL LIKE: SQLite folds the case of ASCII letters only, so "ähtäri"
        # would miss "Ähtäri" there; ≈311 rows are read anyway.
        rows = [org for org in rows if matches(org, needle)]
    items = [municipality_data(org) for org in rows]
    return {"attribution": ATTRIBUTION, "license": LICENSE, "count": len(items), "items": items}


@router.get(
    "/municipalities/{code}/",
    response={200: MunicipalityDetailOut, 404: ErrorOut},
    summary="One municipality",
)
def get_municipality(request, code: str):
    """A municipality by its three-digit code, with the codes of municipalities merged into it."""
    org = municipality_queryset().filter(code=code).first() if MUNICIPALITY_CODE.match(code) else None
    if org is None:
        raise ApiError(
            404, "not_found", _("There is no municipality with the code %(code)s.") % {"code": code[:10]}
        )
    merged_from = list(org.merged_from.order_by("code").values_list("code", flat=True))
    return {
        **municipality_data(org),
        "merged_from": merged_from,
        "attribution": ATTRIBUTION,
        "license": LICENSE,
    }
