"""The interactive API documentation (Swagger UI), served entirely from this server.

django-ninja ships Swagger UI's files in its package but serves them through the static-files app only when
`ninja` is an installed app; otherwise its page loads them from a CDN. This page uses the same files, read
from the installed ninja package, so the documentation works offline and never calls a third party.
"""

import mimetypes
from pathlib import Path

import ninja
from django.http import FileResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_safe
from ninja.openapi.docs import DocsBase

from .errors import not_found

ASSET_DIR = Path(ninja.__file__).resolve().parent / "static" / "ninja"
ASSETS = {"swagger-ui.css", "swagger-ui-bundle.js", "swagger-ui-init.js", "favicon.svg", "favicon.png"}


class LocalSwagger(DocsBase):
    settings = {
        "layout": "BaseLayout",
        "deepLinking": True,
        # Swagger UI would otherwise send the document to an online validator for a badge.
        "validatorUrl": None,
        "persistAuthorization": False,
        "tryItOutEnabled": False,
    }

    def render_page(self, request, api, **kwargs):
        settings = {**self.settings, "url": self.get_openapi_url(api, kwargs)}

        def url(name):
            return reverse(f"{api.urls_namespace}:docs-asset", args=[name])

        context = {
            "api": api,
            "swagger_settings": settings,
            "css_url": url("swagger-ui.css"),
            "icon_url": url("favicon.svg"),
            "bundle_url": url("swagger-ui-bundle.js"),
            "init_url": url("swagger-ui-init.js"),
        }
        return render(request, "api/swagger.html", context)


@require_safe
def asset(request, name: str):
    if name not in ASSETS:
        return not_found(request)
    content_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
    response = FileResponse(open(ASSET_DIR / name, "rb"), content_type=content_type)  # noqa: SIM115
    response["Cache-Control"] = "public, max-age=86400"
    return response
