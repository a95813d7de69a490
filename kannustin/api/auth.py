"""Bearer-token authentication: `Authorization: Bearer kan_…` with a personal `ApiToken`.

A request with a good token runs as the token's user: `request.user` and `request.auth` are that user, so
endpoints check permissions the same way views do. Tokens are not cookies, so no CSRF check applies.
"""

from django.utils.translation import gettext as _
from ninja.security import HttpBearer

from kannustin.accounts.models import ApiToken

from .errors import NotAuthenticated

# A token is "kan_" + 43 URL-safe characters; anything far longer is not one of ours.
MAX_TOKEN_LENGTH = 200


class BearerToken(HttpBearer):
    openapi_bearerFormat = "kan_…"
    openapi_description = (
        "A personal API token, sent as `Authorization: Bearer <token>`. "
        "Tokens are issued to a user and act with that user's roles; a revoked token is refused."
    )

    def __call__(self, request):
        header = request.headers.get("Authorization")
        if not header:
            return None  # → 401 "credentials were not provided"
        scheme, _space, raw = header.strip().partition(" ")
        return self.authenticate(request, raw.strip() if scheme.lower() == "bearer" else None)

    def authenticate(self, request, token):
        user = None
        if token and len(token) <= MAX_TOKEN_LENGTH and " " not in token:
            user = ApiToken.authenticate(token)
        if user is None:
            raise NotAuthenticated(
                _("The token is not valid: it is unknown, revoked, or its user is inactive."),
                invalid_token=True,
            )
        request.user = user
        return user


bearer = BearerToken()
