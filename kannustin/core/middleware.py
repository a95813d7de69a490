from django.conf import settings
from django.utils import translation
from django.utils.cache import patch_vary_headers

SUPPORTED = {code for code, _name in settings.LANGUAGES}


def language_for(request) -> str:
    """The language chosen in the language navigation (cookie), else the signed-in user's own, else Finnish.
    The browser's Accept-Language is deliberately not used: the service is Finnish by default."""
    candidates = [request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)]
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        candidates.append(getattr(user, "language", None))
    for code in candidates:
        if code in SUPPORTED:
            return code
    return settings.LANGUAGE_CODE


class LanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        language = language_for(request)
        translation.activate(language)
        request.LANGUAGE_CODE = language
        response = self.get_response(request)
        patch_vary_headers(response, ("Cookie",))
        response.headers.setdefault("Content-Language", language)
        translation.deactivate()
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
