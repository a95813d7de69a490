from allauth.account.adapter import DefaultAccountAdapter
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.utils.translation import gettext_lazy as _


class AccountAdapter(DefaultAccountAdapter):
    """Accounts are created for people by the ministry (admin or `manage.py create_user`); no open sign-up."""

    def is_open_for_signup(self, request):
        return False

    def render_mail(self, template_prefix, email, context, headers=None):
        # Sign-in, confirmation and password-reset messages carry personal links: the outbox hides their text
        # from officials and drops it once delivered (core.mail).
        from kannustin.core.mail import SENSITIVE_HEADER

        return super().render_mail(
            template_prefix, email, context, headers={**(headers or {}), SENSITIVE_HEADER: "1"}
        )

    def get_login_redirect_url(self, request):
        """Straight to one's work: municipal users to their applications, officials to the applications
        received; others to their profile."""
        from django.urls import reverse

        from .roles import Role

        user = request.user
        if user.has_role(Role.OFFICIAL):
            return reverse("applications:ministry_list")
        if user.memberships.exists():
            return reverse("applications:dashboard")
        return super().get_login_redirect_url(request)


class MFAAdapter(DefaultMFAAdapter):
    """Ministry users must keep their authenticator app: they may replace it (set up again after an
    administrator removes it) but not switch the second factor off themselves."""

    error_messages = {
        **DefaultMFAAdapter.error_messages,
        "cannot_delete_authenticator": _(
            "Your role in the ministry requires two-factor authentication, so you cannot turn it off. If you "
            "have lost your authenticator app, use a recovery code or ask an administrator for help."
        ),
    }

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        if authenticator.type == Authenticator.Type.TOTP and authenticator.user.needs_second_factor:
            return False
        return super().can_delete_authenticator(authenticator)
