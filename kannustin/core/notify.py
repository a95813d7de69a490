"""Tell people things: a notification on their dashboard and an email through the outbox, in their language.

Emails go in Finnish or Swedish (the recipient's language; English-speaking users get the language of the
matter, e.g. the application's). Templates: templates/emails/<name>.subject.txt and <name>.body.txt.
"""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation

from .models import Notification


def email_language(user_language: str | None, matter_language: str = "fi") -> str:
    if user_language in {"fi", "sv"}:
        return user_language
    return matter_language if matter_language in {"fi", "sv"} else "fi"


def render(name: str, context: dict, language: str) -> tuple[str, str]:
    with translation.override(language):
        subject = " ".join(render_to_string(f"emails/{name}.subject.txt", context).split())
        body = render_to_string(f"emails/{name}.body.txt", context).strip() + "\n"
    return subject, body


def send_email(to: list[str], name: str, context: dict, language: str, attachments=()) -> None:
    subject, body = render(name, context, language)
    message = EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to)
    for filename, content, mimetype in attachments:
        message.attach(filename, content, mimetype)
    message.send()


def notify_users(users, name: str, context: dict, *, url: str = "", matter_language: str = "fi") -> None:
    """A dashboard notification and an email for each user, each in their own language."""
    for user in users:
        language = email_language(getattr(user, "language", None), matter_language)
        subject, body = render(name, {**context, "recipient": user}, language)
        Notification.objects.create(user=user, subject=subject, body=body, url=url)
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [user.email]).send()
