from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import get_script_prefix, is_valid_path
from django.utils import translation
from django.utils.cache import patch_vary_headers

SUPPORTED = {code for code, _name in settings.LANGUAGES}


def remember_language(response, code: str):
    """The language of the pages, in a cookie; it wins over the signed-in user's profile language."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite="Lax",
        secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
    )
    return response


def language_for(request) -> str:
    """The language of the address (the public pages' /fi/, /sv/, /en/), else the one chosen in the language
    navigation (cookie), else the signed-in user's own, else Finnish. The browser's Accept-Language is
    deliberately not used: the service is Finnish by default."""
    from_path = translation.get_language_from_path(request.path_info)
    if from_path in SUPPORTED:
        return from_path
    return remembered_language(request)


def remembered_language(request) -> str:
    candidates = [request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)]
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        candidates.append(getattr(user, "language", None))
    for code in candidates:
        if code in SUPPORTED:
            return code
    return settings.LANGUAGE_CODE


class LanguageMiddleware:
    """Activates the page's language (see `language_for`).

    The public pages have an address per language (`i18n_patterns` in kannustin/urls.py), so a Swedish press
    release can link to the Swedish page. Opening such an address remembers its language, so the pages after
    it (signing in, applying) stay in it. An old address without the language (/faq/) is sent on to the
    remembered language's address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from_path = translation.get_language_from_path(request.path_info)
        language = language_for(request)
        outer = translation.get_language()  # given back afterwards (a test's translation.override)
        translation.activate(language)  # the language prefix of i18n_patterns resolves in the active language
        if from_path is None:
            redirect = self.prefixed(request, language)
            if redirect is not None:
                translation.activate(outer)
                return redirect
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        if from_path is not None and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != from_path:
            remember_language(response, from_path)
        translation.activate(outer)
        return response

    @staticmethod
    def prefixed(request, language):
        """The address with the language in front, when only that one exists (as Django's LocaleMiddleware)."""
        if request.method not in ("GET", "HEAD"):
            return None
        urlconf = getattr(request, "urlconf", None)
        if is_valid_path(request.path_info, urlconf):
            return None
        target = f"/{language}{request.path_info}"
        slash = settings.APPEND_SLASH and not target.endswith("/") and is_valid_path(f"{target}/", urlconf)
        if not slash and not is_valid_path(target, urlconf):
            return None
        prefix = get_script_prefix()
        full_path = request.get_full_path(force_append_slash=slash)
        response = HttpResponseRedirect(full_path.replace(prefix, f"{prefix}{language}/", 1))
        patch_vary_headers(response, ("Cookie",))
        return response


class RequestSizeLimitMiddleware:
    """Refuse a request body larger than settings.MAX_REQUEST_BYTES from its Content-Length, before a byte of
    it is read: a 300 MB upload is answered at once with 413 instead of being received whole. (A body sent
    without a length is not read by Django at all.)"""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.MAX_REQUEST_BYTES:
            return self.too_large(request)
        return self.get_response(request)

    def too_large(self, request):
        from django.http import JsonResponse
        from django.template.loader import render_to_string
        from django.utils.translation import gettext as _

        limit_mb = settings.MAX_ATTACHMENT_MB
        if request.path.startswith("/api/"):
            with translation.override("en"):
                detail = _("The request is too large: files can be at most %(mb)s MB.") % {"mb": limit_mb}
            return JsonResponse({"code": "too_large", "detail": detail}, status=413)
        from django.http import HttpResponse

        # Nothing here touches the session or the database: the request is refused as it arrives.
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        with translation.override(language if language in SUPPORTED else settings.LANGUAGE_CODE):
            html = render_to_string("errors/413.html", {"limit_mb": limit_mb}, request=request)
        return HttpResponse(html, status=413)
