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
from .endpoints import applications, calls, maturity, me, municipalities
from .schemas import IndexOut

DESCRIPTION = """
The open interface of Kannustin, the grant system of the Ministry of Finance's incentive programme for
digitalisation in municipalities.

* Reference data (municipalities) and published calls are public: no token needed.
* Endpoints about the caller need a personal API token: `Authorization: Bearer <token>`.
* Errors are JSON: `{"code": "not_found", "detail": "…"}`; invalid parameters give 422 with `errors` per field.
* Money and shares are decimal strings; times are ISO 8601 in Finnish time with the offset.

Municipality data: © Statistics Finland, CC BY 4.0.
"""


class JSONRenderer(renderers.JSONRenderer):
    # Names like "Enspråkig" stay readable in curl output; the body is UTF-8 either way.
    json_dumps_params = {"ensure_ascii": False}


class KannustinAPI(NinjaAPI):
    def get_openapi_operation_id(self, operation):
        # Short, stable ids ("list_calls") for generated clients, instead of module paths.
        return operation.view_func.__name__

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
api.add_router("", maturity.router)
