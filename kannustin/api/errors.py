"""Every error of the API is JSON: a stable `code` for programs, a human `detail`, and for validation errors
the per-field `errors`. Never HTML, never a bare stack trace.

Handlers are installed on the API object by `install(api)`. Endpoints raise `ApiError` (or Django's `Http404`
and `PermissionDenied`) and get the same shape. The API activates `api_language(request)` around every
view, so `gettext` in endpoints and here speaks the caller's language.
"""

import logging

from django.core import signals
from django.core.exceptions import PermissionDenied, RequestDataTooBig, SuspiciousOperation
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.utils.translation.trans_real import parse_accept_lang_header
from ninja.errors import AuthenticationError, HttpError, Throttled, ValidationError

logger = logging.getLogger("kannustin.api")

API_LANGUAGES = ("fi", "sv", "en")

# Codes by HTTP status for errors raised without a code of their own.
STATUS_CODES = {
    400: "bad_request",
    401: "not_authenticated",
    403: "permission_denied",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "throttled",
    500: "server_error",
}


class ApiError(Exception):
    """An error with a stable code: `raise ApiError(409, "already_submitted", _("…"))`."""

    def __init__(self, status: int, code: str, detail: str, *, headers: dict | None = None, **extra):
        self.status = status
        self.code = code
        self.detail = detail
        self.headers = headers or {}
        self.extra = extra
        super().__init__(f"{status} {code}: {detail}")


class NotAuthenticated(ApiError):
    def __init__(self, detail: str, *, invalid_token: bool = False):
        # RFC 6750: tell the client which scheme to use, and whether the token it sent was refused.
        challenge = 'Bearer realm="kannustin"'
        if invalid_token:
            challenge += ', error="invalid_token"'
        super().__init__(401, "not_authenticated", detail, headers={"WWW-Authenticate": challenge})


def api_language(request) -> str:
    """Language of `detail` texts: the first of fi/sv/en in Accept-Language, else English. The data itself
    carries all three languages; `detail` is for the developer reading a log."""
    header = request.headers.get("Accept-Language", "") if request is not None else ""
    for code, _quality in parse_accept_lang_header(header[:255]):
        code = code[:2].lower()
        if code in API_LANGUAGES:
            return code
    return "en"


def error_response(request, status: int, code: str, detail, *, headers=None, **extra) -> HttpResponse:
    body = {"code": code, "detail": str(detail), **_force_text(extra)}
    response = JsonResponse(
        body,
        status=status,
        content_type="application/json; charset=utf-8",
        json_dumps_params={"ensure_ascii": False},
    )
    for name, value in (headers or {}).items():
        response[name] = value
    # `detail` is in the language asked for in Accept-Language (see api_language).
    response["Content-Language"] = translation.get_language() or "en"
    patch_vary_headers(response, ["Accept-Language"])
    return response


def _force_text(value):
    """Lazy translations inside `extra` are rendered in the active language."""
    if isinstance(value, dict):
        return {key: _force_text(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_force_text(item) for item in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def not_found(request, detail=None) -> HttpResponse:
    return error_response(request, 404, "not_found", detail or _("Nothing was found at this address."))


# The schema's errors in the caller's language, by pydantic's error type (pydantic writes only English).
# `type` stays pydantic's own code for programs; a type not listed gets the general message.
SCHEMA_MESSAGES = {
    "missing": gettext_lazy("Give a value: this field is required."),
    "int_parsing": gettext_lazy("Give a whole number."),
    "int_type": gettext_lazy("Give a whole number."),
    "int_from_float": gettext_lazy("Give a whole number."),
    "float_parsing": gettext_lazy("Give a number."),
    "float_type": gettext_lazy("Give a number."),
    "decimal_parsing": gettext_lazy("Give a number, for example 12500.00."),
    "decimal_type": gettext_lazy("Give a number, for example 12500.00."),
    "string_type": gettext_lazy("Give text."),
    "bool_parsing": gettext_lazy("Give true or false."),
    "bool_type": gettext_lazy("Give true or false."),
    "list_type": gettext_lazy("Give a list."),
    "dict_type": gettext_lazy("Give an object."),
    "model_type": gettext_lazy("Give an object."),
    "model_attributes_type": gettext_lazy("Give an object."),
    "date_parsing": gettext_lazy("Give a date, for example 2027-03-01."),
    "date_from_datetime_parsing": gettext_lazy("Give a date, for example 2027-03-01."),
    "date_type": gettext_lazy("Give a date, for example 2027-03-01."),
    "datetime_parsing": gettext_lazy("Give a time with its offset, for example 2027-03-01T16:15:00+02:00."),
    "datetime_type": gettext_lazy("Give a time with its offset, for example 2027-03-01T16:15:00+02:00."),
    "json_invalid": gettext_lazy("The body is not valid JSON."),
    "extra_forbidden": gettext_lazy("This field is not accepted here."),
    "literal_error": gettext_lazy("This value is not one of those allowed."),
    "enum": gettext_lazy("This value is not one of those allowed."),
    "string_too_long": gettext_lazy("This text is too long."),
    "string_too_short": gettext_lazy("This text is too short."),
    "too_long": gettext_lazy("This list is too long."),
    "too_short": gettext_lazy("This list is too short."),
    "greater_than": gettext_lazy("This number is too small."),
    "greater_than_equal": gettext_lazy("This number is too small."),
    "less_than": gettext_lazy("This number is too large."),
    "less_than_equal": gettext_lazy("This number is too large."),
}
SCHEMA_MESSAGE = gettext_lazy("This value is not valid.")


def field_errors(errors: list[dict]) -> list[dict]:
    """ninja/pydantic error dicts → [{"field", "location", "message", "type"}], the message in the caller's
    language. A message our own validator raised (pydantic's type "value_error") is kept as written."""
    result = []
    for error in errors:
        loc = [str(part) for part in error.get("loc", ())]
        location = loc[0] if loc else ""
        field = ".".join(loc[1:]) if len(loc) > 1 else location
        kind = error.get("type", "")
        if kind == "value_error":
            message = str(error.get("msg", "")).removeprefix("Value error, ")
        else:
            message = str(SCHEMA_MESSAGES.get(kind, SCHEMA_MESSAGE))
        result.append({"field": field, "location": location, "message": message, "type": kind})
    return result


def install(api) -> None:
    @api.exception_handler(ApiError)
    def handle_api_error(request, exc: ApiError):
        return error_response(request, exc.status, exc.code, exc.detail, headers=exc.headers, **exc.extra)

    @api.exception_handler(AuthenticationError)
    def handle_authentication_error(request, exc):
        detail = _(
            "Authentication credentials were not provided. Send the header Authorization: Bearer <token>."
        )
        return error_response(
            request,
            401,
            "not_authenticated",
            detail,
            headers={"WWW-Authenticate": 'Bearer realm="kannustin"'},
        )

    @api.exception_handler(Throttled)
    def handle_throttled(request, exc: Throttled):
        detail = _("Too many requests. Try again later.")
        return error_response(request, 429, "throttled", detail)

    @api.exception_handler(HttpError)
    def handle_http_error(request, exc: HttpError):
        code = STATUS_CODES.get(exc.status_code, "error")
        return error_response(request, exc.status_code, code, exc.message)

    @api.exception_handler(ValidationError)
    def handle_validation_error(request, exc: ValidationError):
        detail = _("The request is not valid. See errors for each field.")
        return error_response(request, 422, "validation_error", detail, errors=field_errors(exc.errors))

    @api.exception_handler(DjangoValidationError)
    def handle_django_validation_error(request, exc: DjangoValidationError):
        detail = _("The request is not valid. See errors for each field.")
        if hasattr(exc, "error_dict"):
            errors = [
                {"field": field, "location": "body", "message": str(message), "type": "invalid"}
                for field, messages in exc.message_dict.items()
                for message in messages
            ]
        else:
            errors = [
                {"field": "", "location": "body", "message": str(m), "type": "invalid"} for m in exc.messages
            ]
        return error_response(request, 422, "validation_error", detail, errors=errors)

    @api.exception_handler(Http404)
    def handle_404(request, exc):
        return not_found(request)

    @api.exception_handler(PermissionDenied)
    def handle_permission_denied(request, exc):
        return error_response(request, 403, "permission_denied", _("You do not have permission to do this."))

    @api.exception_handler(RequestDataTooBig)
    def handle_too_big(request, exc):
        return error_response(
            request, 413, "too_large", _("The request body is larger than the service accepts.")
        )

    @api.exception_handler(MultiPartParserError)
    def handle_bad_multipart(request, exc):
        return error_response(
            request, 400, "bad_request", _("The form data of the request could not be read.")
        )

    @api.exception_handler(SuspiciousOperation)
    def handle_suspicious(request, exc):
        # Too many fields or files, and the like: Django answers these with 400 too.
        return error_response(request, 400, "bad_request", _("The request could not be handled."))

    @api.exception_handler(Exception)
    def handle_unexpected(request, exc):
        # Django's error reporting (logging, error mails, the test client) still hears of the crash; the
        # client gets JSON instead of an HTML error page.
        logger.exception("Unhandled error in %s %s", request.method, request.path)
        signals.got_request_exception.send(sender=None, request=request)
        return error_response(
            request, 500, "server_error", _("Something went wrong on our side. The error has been logged.")
        )
