"""The JSON API, mounted at /api/v1/: OpenAPI document at /api/v1/openapi.json, documentation at /api/v1/docs.

Every answer under /api/v1/ is JSON, errors included (see errors.py): wrong methods and unknown addresses
too, which Django would otherwise answer with an HTML page.
"""

import functools
import inspect

from django.http import JsonResponse
from django.urls import URLPattern, path, re_path, resolve
from django.urls.exceptions import Resolver404
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from ninja import NinjaAPI, renderers

from . import docs, errors
from .endpoints import applications, calls, maturity, me, ministry, municipalities, open_data, proposals
from .schemas import IndexOut

DESCRIPTION = """
The open interface of Kannustin, the grant system of the Ministry of Finance's incentive programme for
digitalisation in municipalities.

* Reference data (municipalities) and published calls are public: no token needed.
* Endpoints about the caller need a personal API token: `Authorization: Bearer <token>`; so do the track-2
  proposals, which are shown to people who act for an organisation and to the ministry, and the ministry's
  list of applications and the decisions.
* Errors are JSON: `{"code": "not_found", "detail": "…"}`; invalid parameters give 422 with `errors` per field.
* Money and shares are decimal strings; times are ISO 8601 in Finnish time with the offset.

Municipality data: © Statistics Finland, CC BY 4.0.
"""


class JSONRenderer(renderers.JSONRenderer):
    # Names like "Enspråkig" stay readable in curl output; the body is UTF-8 either way.
    json_dumps_params = {"ensure_ascii": False}


# Answers every operation may give besides its own, declared in the document from what the operation takes
# (see KannustinAPI.get_openapi_schema), so that clients and the fuzzer know every status code they can meet.
COMMON_ANSWERS = {
    "401": ("ErrorOut", "No token, or a token that is unknown, revoked or expired (`not_authenticated`)."),
    "403": (
        "ErrorOut",
        "Not allowed: e.g. a read-only token tried to change something (`insufficient_scope`).",
    ),
    "400": ("ErrorOut", "The request body could not be read, e.g. it is not JSON (`bad_request`)."),
    "413": ("ErrorOut", "The request body is larger than the service accepts (`too_large`)."),
    "422": (
        "ValidationErrorOut",
        "A parameter or field is not valid; `errors` names each (`validation_error`).",
    ),
}
# Links between operations (OpenAPI 3 links): the id of a created application is the application_id of the
# operations on it. Clients (and the fuzzer's stateful phase) follow them.
APPLICATION_LINKS = {
    f"{verb}_application": {"operationId": operation, "parameters": {"application_id": "$response.body#/id"}}
    for verb, operation in (
        ("get", "get_application"), ("patch", "patch_application"), ("submit", "submit_application"),
        ("attach_to", "add_attachment"),
    )
}  # fmt: skip


class KannustinAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation):
        # Short, stable ids ("list_calls") for generated clients, instead of module paths.
        return operation.view_func.__name__

    def get_openapi_schema(self, *args, **kwargs):
        schema = super().get_openapi_schema(*args, **kwargs)
        for operations in schema["paths"].values():
            for method, operation in operations.items():
                wanted = set()
                if operation.get("security"):
                    wanted.add("401")
                    if method != "get":
                        wanted.add("403")
                if "requestBody" in operation:
                    wanted |= {"400", "413", "422"}
                if operation.get("parameters"):
                    wanted.add("422")
                responses = operation["responses"]
                for status in sorted(wanted - {str(code) for code in responses}):
                    name, description = COMMON_ANSWERS[status]
                    responses[status] = {
                        "description": description,
                        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{name}"}}},
                    }
                created = next((answer for code, answer in responses.items() if str(code) == "201"), None)
                if operation.get("operationId") == "create_application" and created is not None:
                    created["links"] = APPLICATION_LINKS
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        if "ValidationErrorOut" not in components:
            from .schemas import ValidationErrorOut

            components["ValidationErrorOut"] = ValidationErrorOut.model_json_schema(
                ref_template="#/components/schemas/{model}"
            )
        return schema

    def _get_urls(self):
        urls = [pattern for pattern in super()._get_urls() if getattr(pattern, "name", None) != "api-root"]
        urls = [_wrap(pattern) for pattern in urls]
        urls += [
            path("docs/assets/<str:name>", _in_api_language(docs.asset), name="docs-asset"),
            path("", _in_api_language(index), name="api-root"),
            # Last: anything else under the mount is a JSON 404, not Django's HTML page.
            re_path(r"^.*$", csrf_exempt(_in_api_language(unknown_address)), name="unknown"),
        ]
        return urls


def _in_api_language(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        with translation.override(errors.api_language(request)):
            response = view(request, *args, **kwargs)
            if response.status_code == 405 and not response.get("Content-Type", "").startswith(
                "application/json"
            ):
                # ninja answers a wrong method with an empty text response; keep its Allow header.
                allowed = response.get("Allow", "")
                response = errors.error_response(
                    request,
                    405,
                    "method_not_allowed",
                    _("This address does not accept the method %(method)s. Allowed: %(allowed)s.")
                    % {"method": request.method, "allowed": allowed},
                    headers={"Allow": allowed},
                )
            return response

    return wrapped


def _wrap(pattern):
    if not isinstance(pattern, URLPattern) or inspect.iscoroutinefunction(pattern.callback):
        return pattern
    return URLPattern(pattern.pattern, _in_api_language(pattern.callback), pattern.default_args, pattern.name)


def index(request):
    return JsonResponse(
        IndexOut(
            name=api.title,
            version=api.version,
            openapi=request.build_absolute_uri("openapi.json"),
            docs=request.build_absolute_uri("docs"),
        ).model_dump(),
        content_type="application/json; charset=utf-8",
    )


def unknown_address(request):
    detail = _("Nothing was found at this address.")
    if not request.path.endswith("/"):
        # Django's slash redirect cannot reach here (this view matches everything), so name the right address.
        try:
            match = resolve(request.path + "/")
        except Resolver404:
            match = None
        if match is not None and match.url_name != "unknown":
            detail = _("Nothing was found at this address. Did you mean %(path)s?") % {
                "path": request.path + "/"
            }
    return errors.error_response(request, 404, "not_found", detail)


api = KannustinAPI(
    title="Kannustin API",
    version="1",
    description=DESCRIPTION.strip(),
    urls_namespace="api",
    docs=docs.LocalSwagger(),
    renderer=JSONRenderer(),
    docs_url="/docs",
    openapi_url="/openapi.json",
)
errors.install(api)
api.add_router("", me.router)
api.add_router("", municipalities.router)
api.add_router("", calls.router)
api.add_router("", applications.router)
api.add_router("", ministry.router)
api.add_router("", maturity.router)
api.add_router("", proposals.router)
api.add_router("", open_data.router)
