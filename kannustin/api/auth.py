"""Bearer-token authentication: `Authorization: Bearer kan_…` with a personal `ApiToken`.

A request with a good token runs as the token's user: `request.user` and `request.auth` are that user, so
endpoints check permissions the same way views do. Tokens are not cookies, so no CSRF check applies.
"""

from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from kannustin.accounts.models import ApiToken

from .errors import ApiError, NotAuthenticated

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}
# A token is "kan_" + 43 URL-safe characters; anything far longer is not one of ours.
MAX_TOKEN_LENGTH = 200


class BearerToken(HttpBearer):
    openapi_bearerFormat = "kan_…"
    openapi_description = (
        "A personal API token, sent as `Authorization: Bearer <token>`. "
        "Tokens are issued to a user and act with that user's roles. A token expires (30, 90 or 365 days) and "
        "has a scope: `read` tokens may only read (other methods answer 403 `insufficient_scope`), `write` "
        "tokens may also change. A revoked or expired token, and the token of a ministry user without a "
        "second factor, is refused with 401."
    )

    def __call__(self, request):
        header = request.headers.get("Authorization")
        if not header:
            return None  # → 401 "credentials were not provided"
        scheme, _space, raw = header.strip().partition(" ")
        return self.authenticate(request, raw.strip() if scheme.lower() == "bearer" else None)

    def authenticate(self, request, token):
        api_token = None
        if token and len(token) <= MAX_TOKEN_LENGTH and " " not in token:
            api_token = ApiToken.authenticate(token)
        if api_token is None:
            raise NotAuthenticated(
                _(
                    "The token is not valid: it is unknown, revoked or expired, its user is inactive, or its "
                    "ministry user has no second factor set up."
                ),
                invalid_token=True,
            )
        if request.method not in SAFE_METHODS and not api_token.can_write:
            raise ApiError(
                403,
                "insufficient_scope",
                _("This token may only read. Create a token with the write scope to make changes."),
                headers={"WWW-Authenticate": 'Bearer realm="kannustin", error="insufficient_scope"'},
            )
        request.user = api_token.user
        request.api_token = api_token
        return api_token.user


bearer = BearerToken()
