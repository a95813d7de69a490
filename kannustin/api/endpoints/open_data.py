"""Open data, public (no token): the funded projects as a 360Giving package and as CSV, and counts per call of
all applications. Built by kannustin.reports.opendata; business secrets are left out (`public_view`). Licence
CC BY 4.0; see docs/open-data.md and the page /reports/open-data/."""

from django.http import HttpResponse, JsonResponse
from django.urls import reverse
from ninja import Router

from kannustin.reports import opendata

router = Router(tags=["open data"])

JSON_DUMPS = {"ensure_ascii": False}


def _json_answer(description: str) -> dict:
    return {
        "responses": {
            200: {"description": description, "content": {"application/json": {"schema": {"type": "object"}}}}
        }
    }


@router.get(
    "/open/grants.json",
    summary="Funded projects as a 360Giving package",
    description="Every funded project as a 360Giving Data Standard (1.4) grant package. CC BY 4.0.",
    openapi_extra=_json_answer('A 360Giving package: `{"grants": [...], "license": ..., ...}`.'),
)
def open_grants_json(request):
    package = opendata.package(
        download_url=request.build_absolute_uri(),
        access_url=request.build_absolute_uri(reverse("reports:open_data")),
    )
    response = JsonResponse(
        package, json_dumps_params=JSON_DUMPS, content_type="application/json; charset=utf-8"
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


@router.get(
    "/open/grants.csv",
    summary="Funded projects as CSV",
    description="The facts of grants.json flattened, one row per grant; UTF-8 with a byte order mark. CC BY 4.0.",
    openapi_extra={
        "responses": {
            200: {
                "description": "CSV with a header row.",
                "content": {"text/csv": {"schema": {"type": "string"}}},
            }
        }
    },
)
def open_grants_csv(request):
    response = HttpResponse(opendata.grants_csv().encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="kannustin-grants.csv"'
    response["Access-Control-Allow-Origin"] = "*"
    return response


@router.get(
    "/open/summary.json",
    summary="Applications per call: counts and totals",
    description="Per published call: applications received, granted and rejected, total requested and granted.",
    openapi_extra=_json_answer("Counts and totals per call (money as decimal strings)."),
)
def open_summary_json(request):
    response = JsonResponse(
        opendata.summary(), json_dumps_params=JSON_DUMPS, content_type="application/json; charset=utf-8"
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response
