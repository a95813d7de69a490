from allauth.mfa.models import Authenticator
from django.shortcuts import redirect
from django.urls import reverse

# Paths a ministry user without a second factor may still reach: setting one up, confirming the password
# (allauth asks for it before the set-up when the sign-in is not recent; without it the two would redirect to
# each other for ever), signing out, the language switch, static files. Everything else sends them to the TOTP
# set-up.
ALLOWED_PREFIXES = (
    "/accounts/2fa/",
    "/accounts/reauthenticate/",
    "/accounts/logout/",
    "/language/",
    "/static/",
)


def has_totp(user) -> bool:
    # The authentication backend annotates the request's user; other user objects are asked directly.
    known = getattr(user, "has_totp", None)
    if known is not None:
        return known
    return Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


class RequireSecondFactorMiddleware:
    """A ministry user (official, reviewer, presenter, decision-maker, admin) cannot use any page before a
    TOTP second factor is set up; allauth then asks for it at every sign-in."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and user.needs_second_factor
            and not request.path.startswith(ALLOWED_PREFIXES)
            and not request.path.startswith("/api/")
            and not has_totp(user)
        ):
            return redirect(reverse("mfa_activate_totp"))
        return self.get_response(request)
