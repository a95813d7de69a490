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

from .models import Application, CompletionRequest, Participant


def _participant_users(application):
    """The people of every organisation taking part (the lead and partners that have not declined)."""
    organisation_ids = [p.organisation_id for p in application.participant_rows() if p.state != "declined"]
    return list(
        User.objects.filter(memberships__organisation_id__in=organisation_ids, is_active=True)
        .distinct()
        .order_by("email")
    )


def _organisation_users(organisation_id):
    return list(
        User.objects.filter(memberships__organisation_id=organisation_id, is_active=True)
        .distinct()
        .order_by("email")
    )


def _officials():
    return list(
        User.objects.filter(global_roles__role=Role.OFFICIAL, is_active=True).distinct().order_by("email")
    )


class SectionTitle:
    """A part of the form by its title, in the language active when the message is written (each recipient
    reads their own)."""

    def __init__(self, application, key):
        self.section = application.section(key)
        self.key = key

    def __str__(self):
        return (
            self.section.tr("title") if self.section is not None else self.key.replace("_", " ").capitalize()
        )


def section_titles(application, keys) -> list:
    return [SectionTitle(application, key) for key in keys]


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
        "sections": section_titles(application, request.sections),
        "due_at": clock.helsinki(request.due_at),
        "url": settings.SITE_URL + path,
    }
    notify.notify_users(_participant_users(application), "completion_requested", context, url=path,
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
        "sections": section_titles(application, request.sections) if request else [],
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


def completion_expired(request_id: int):
    """The due time of a completion request passed without the completed application: the applicant side and
    the official who asked are told that the request is closed and what stands."""
    request = CompletionRequest.objects.select_related(
        "application", "application__call", "application__organisation", "requested_by"
    ).get(pk=request_id)
    application = request.application
    context = {
        "application": application,
        "call": application.call,
        "request": request,
        "due_at": clock.helsinki(request.due_at),
    }
    path = reverse("applications:overview", args=[application.pk])
    notify.notify_users(_participant_users(application), "completion_expired",
                        {**context, "url": settings.SITE_URL + path}, url=path,
                        matter_language=application.language)  # fmt: skip
    ministry_path = reverse("applications:ministry_detail", args=[application.pk])
    officials = [request.requested_by] if request.requested_by.is_active else _officials()
    notify.notify_users(officials, "completion_expired_official", {**context, "url": settings.SITE_URL + ministry_path},
                        url=ministry_path, matter_language=application.language)  # fmt: skip


def _participant(participant_id: int) -> Participant:
    return Participant.objects.select_related(
        "application", "application__call", "application__organisation", "organisation"
    ).get(pk=participant_id)


def participation_invited(participant_id: int):
    """A partner was named in an application: its people are asked to have a signatory confirm it."""
    participant = _participant(participant_id)
    application = participant.application
    path = reverse("applications:participation", args=[application.pk, participant.organisation.identifier])
    notify.notify_users(_organisation_users(participant.organisation_id), "participation_invited",
                        {"application": application, "call": application.call, "participant": participant,
                         "url": settings.SITE_URL + path},
                        url=path, matter_language=application.language)  # fmt: skip


def participation_decided(participant_id: int):
    """A partner confirmed or declined: the lead's people are told."""
    participant = _participant(participant_id)
    application = participant.application
    path = reverse("applications:overview", args=[application.pk])
    notify.notify_users(_organisation_users(application.organisation_id), "participation_decided",
                        {"application": application, "call": application.call, "participant": participant,
                         "confirmed": participant.confirmed_at is not None, "url": settings.SITE_URL + path},
                        url=path, matter_language=application.language)  # fmt: skip
