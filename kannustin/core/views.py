import json
import logging

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from .i18n import in_language
from .middleware import SUPPORTED, remember_language


@require_http_methods(["GET", "HEAD", "POST"])
def set_language(request, code):
    """The header's language navigation: a small POST form per language (with its CSRF token), so it works
    without JavaScript and no link, prefetch or crawler changes anything. The choice is remembered in a
    cookie only: a signed-in user's profile language, which their emails follow, changes only on the
    profile page. It goes back to the same page: a public page's address in the chosen language
    (/sv/faq/ → /en/faq/). A GET (an old link) changes nothing and goes back to the page."""
    data = request.POST if request.method == "POST" else request.GET
    next_url = data.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    if request.method == "POST" and code in SUPPORTED:
        response = HttpResponseRedirect(in_language(next_url, code))
        return remember_language(response, code)
    return HttpResponseRedirect(next_url)


csp_logger = logging.getLogger("kannustin.csp")
CSP_REPORT_MAX_BYTES = 16 * 1024


@csrf_exempt  # browsers send reports without a token
@require_POST
def csp_report(request):
    """Content-Security-Policy violations reported by browsers, written to the log for the maintainers."""
    raw = request.read(CSP_REPORT_MAX_BYTES)
    try:
        report = json.loads(raw or b"{}")
    except ValueError:
        report = {"unreadable": raw[:200].decode("utf-8", "replace")}
    body = report.get("csp-report", report) if isinstance(report, dict) else report
    csp_logger.warning("Content-Security-Policy violation: %s", json.dumps(body, ensure_ascii=False)[:2000])
    return HttpResponse(status=204)


def _error(request, template, status):
    return render(request, template, status=status)


def bad_request(request, exception=None):
    return _error(request, "errors/400.html", 400)


def permission_denied(request, exception=None):
    return _error(request, "errors/403.html", 403)


def page_not_found(request, exception=None):
    return _error(request, "errors/404.html", 404)


def server_error(request):
    return _error(request, "errors/500.html", 500)
