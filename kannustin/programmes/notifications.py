from django.conf import settings
from django.core.mail import send_mail
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from kannustin.accounts.models import User
from kannustin.accounts.roles import Role


def notify_officials_of_feedback(item):
    """Every official gets the accessibility feedback by email, in their own language (outbox)."""
    officials = User.objects.filter(global_roles__role=Role.OFFICIAL, is_active=True).distinct()
    link = settings.SITE_URL + reverse("programmes:feedback_list")
    for official in officials:
        with translation.override(official.language):
            send_mail(
                _("Accessibility feedback received"),
                _(
                    "New accessibility feedback was sent through Kannustin.\n\nPage: %(page)s\n\n%(message)s\n\n"
                    "Sender: %(name)s %(email)s\n\nHandle it at %(link)s"
                )
                % {
                    "page": item.page_url or "-",
                    "message": item.message,
                    "name": item.name or "-",
                    "email": item.email or "",
                    "link": link,
                },
                None,
                [official.email],
            )
