"""Telling both sides what happened to an application (dashboard notification + email in their language).

Each function runs after the change is committed (actions.py registers them with transaction.on_commit);
the emails go through the outbox, so a failing mail server never undoes or fails the change itself.
"""

from django.conf import settings
from django.db.models import F
from django.urls import reverse

from kannustin.accounts.models import User
from kannustin.accounts.roles import Role
from kannustin.core import clock, notify

from .models import Application, CompletionRequest


def _organisation_users(application):
    return list(
        User.objects.filter(memberships__organisation=application.organisation, is_active=True)
        .distinct()
        .order_by("email")
    )


def _officials():
    return list(
        User.objects.filter(global_roles__role=Role.OFFICIAL, is_active=True).distinct().order_by("email")
    )


def section_titles(keys) -> list:
    """Titles of the parts of the form, lazily translated: each recipient reads them in their own language."""
    from .views.common import SECTION_TITLES

    return [SECTION_TITLES.get(key) or key.replace("_", " ").capitalize() for key in keys]


def completion_requested(request_id: int):
    """To the applicant organisation's users: what is asked and by when; to the official: a confirmation."""
    request = CompletionRequest.objects.select_related(
        "application", "application__call", "application__organisation", "requested_by"
    ).get(pk=request_id)
    application = request.application
    path = reverse("applications:overview", args=[application.pk])
    context = {
        "application": application,
        "call": application.call,
        "request": request,
        "sections": section_titles(request.sections),
        "due_at": clock.helsinki(request.due_at),
        "url": settings.SITE_URL + path,
    }
    notify.notify_users(_organisation_users(application), "completion_requested", context, url=path,
                        matter_language=application.language)  # fmt: skip
    ministry_path = reverse("applications:ministry_detail", args=[application.pk])
    notify.notify_users([request.requested_by], "completion_request_sent",
                        {**context, "url": settings.SITE_URL + ministry_path},
                        url=ministry_path, matter_language=application.language)  # fmt: skip


def resubmitted(application: Application):
    """The applicant sent the completed application: tell the official who asked (all officials if unknown)."""
    path = reverse("applications:ministry_detail", args=[application.pk])
    request = (
        application.completion_requests.filter(state=CompletionRequest.State.ANSWERED)
        .select_related("requested_by", "answered_by")
        .order_by(F("answered_at").desc(nulls_last=True), "-pk")
        .first()
    )
    recipients = [request.requested_by] if request and request.requested_by.is_active else _officials()
    context = {
        "application": application,
        "call": application.call,
        "request": request,
        "sections": section_titles(request.sections) if request else [],
        "answered_at": clock.helsinki(request.answered_at) if request and request.answered_at else None,
        "url": settings.SITE_URL + path,
    }
    notify.notify_users(recipients, "completion_answered", context, url=path,
                        matter_language=application.language)  # fmt: skip


def withdrawn(application_id: int):
    application = Application.objects.select_related("call", "organisation").get(pk=application_id)
    path = reverse("applications:ministry_detail", args=[application.pk])
    context = {
        "application": application,
        "call": application.call,
        "withdrawn_at": clock.helsinki(application.withdrawn_at) if application.withdrawn_at else None,
        "url": settings.SITE_URL + path,
    }
    notify.notify_users(_officials(), "application_withdrawn", context, url=path,
                        matter_language=application.language)  # fmt: skip
