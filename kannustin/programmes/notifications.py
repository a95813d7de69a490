from django.conf import settings
from django.urls import reverse
from django.utils import translation

from kannustin.accounts.models import User
from kannustin.accounts.roles import Role
from kannustin.core import notify


def notify_officials_of_feedback(item):
    """Every official gets the accessibility feedback by email, in their own language (outbox)."""
    officials = User.objects.filter(global_roles__role=Role.OFFICIAL, is_active=True).distinct()
    for official in officials:
        language = notify.email_language(official.language)
        with translation.override(language):  # the list's address in the email's language (/sv/…)
            link = settings.SITE_URL + reverse("programmes:feedback_list")
        notify.send_email([official.email], "accessibility_feedback", {"item": item, "link": link}, language)
