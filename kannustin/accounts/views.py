"""The signed-in person's own pages: profile, and personal API tokens."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from kannustin.core import audit

from .forms import ApiTokenForm, ProfileForm
from .models import ApiToken

# The session key under which a newly created token waits to be shown once.
NEW_TOKEN_SESSION_KEY = "kannustin_new_api_token"
# The token form shares the profile page with the profile form: a prefix keeps the field ids unique.
TOKEN_FORM_PREFIX = "token"


def _profile_context(request, profile_form=None, token_form=None):
    user = request.user
    return {
        "form": profile_form or ProfileForm(instance=user),
        "token_form": token_form or ApiTokenForm(prefix=TOKEN_FORM_PREFIX),
        "memberships": user.memberships.select_related("organisation").order_by("organisation__name_fi"),
        "global_roles": user.global_roles.order_by("role"),
        "tokens": user.api_tokens.active().order_by("-created_at"),
    }


@login_required
@require_http_methods(["GET", "POST"])
def profile(request):
    user = request.user
    if request.method == "POST":
        form = ProfileForm(request.POST, instance=user)
        before = audit.snapshot(user)
        if form.is_valid():
            with transaction.atomic():
                user = form.save()
                changes = audit.diff(before, audit.snapshot(user))
                if changes:
                    audit.record(user, "profile.updated", user, changes)
            messages.success(request, _("Your details have been saved."))
            response = redirect("accounts:profile")
            if "language" in changes:
                # The language cookie wins over the profile, so follow the new choice at once.
                response.set_cookie(
                    settings.LANGUAGE_COOKIE_NAME,
                    user.language,
                    max_age=settings.LANGUAGE_COOKIE_AGE,
                    samesite="Lax",
                    secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
                )
            return response
        return render(request, "accounts/profile.html", _profile_context(request, profile_form=form))
    return render(request, "accounts/profile.html", _profile_context(request))


@login_required
@require_http_methods(["POST"])
def token_create(request):
    form = ApiTokenForm(request.POST, prefix=TOKEN_FORM_PREFIX)
    if not form.is_valid():
        context = _profile_context(request, token_form=form)
        return render(request, "accounts/profile.html", context, status=200)
    with transaction.atomic():
        token, raw = ApiToken.issue(
            request.user,
            form.cleaned_data["name"],
            scope=form.cleaned_data["scope"],
            days=form.cleaned_data["days"],
        )
        audit.record(request.user, "api_token.created", token,
                     {"name": token.name, "prefix": token.prefix, "scope": token.scope, "expires_at": token.expires_at})  # fmt: skip
    # Shown on the next page and removed from the session there: the raw token is never shown again.
    request.session[NEW_TOKEN_SESSION_KEY] = {"id": token.pk, "raw": raw}
    return redirect("accounts:token_created")


@never_cache
@login_required
def token_created(request):
    pending = request.session.pop(NEW_TOKEN_SESSION_KEY, None)
    token = None
    if pending:
        token = request.user.api_tokens.active().filter(pk=pending.get("id")).first()
    if token is None:
        return redirect("accounts:profile")
    return render(request, "accounts/token_created.html", {"token": token, "raw_token": pending["raw"]})


@login_required
@require_http_methods(["GET", "POST"])
def token_revoke(request, pk):
    # Another person's token, or one already revoked, does not exist as far as this user is concerned.
    token = get_object_or_404(ApiToken.objects.active(), pk=pk, user=request.user)
    if request.method == "POST":
        with transaction.atomic():
            token.revoke()
            audit.record(
                request.user, "api_token.revoked", token, {"name": token.name, "prefix": token.prefix}
            )
        messages.success(request, _("The API token “%(name)s” has been revoked.") % {"name": token.name})
        return redirect("accounts:profile")
    return render(request, "accounts/token_revoke.html", {"token": token})
