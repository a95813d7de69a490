"""Background work of applications: the receipt (PDF copy and email) and deadline reminders.

Its periodic jobs are registered with the scheduler in `schedule.py`.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import translation
from django_tasks import task

from kannustin.core import clock, notify
from kannustin.core.pdf import render_pdf

from .models import Application, ListExport, Receipt, Reminder, Status

logger = logging.getLogger(__name__)


def maturity_profile(application: Application, assessment) -> list[dict]:
    """The self-assessment as rows (dimension, now, target, gap) for the PDF copy and the ministry's page."""
    if assessment is None:
        return []
    from kannustin.maturity import services as maturity

    return maturity.profile(assessment, maturity.structure_for(application.call))


def pdf_context(application: Application) -> dict:
    from .presentation import application_context

    # Section titles and answers are turned into text while the context is built: build it in the
    # application's language, not in whatever language the worker happens to run in.
    with translation.override(application.language):
        context = application_context(application)
        context["maturity_rows"] = maturity_profile(application, context["assessment"])
        context["submitted_at"] = (
            clock.helsinki(application.submitted_at) if application.submitted_at else None
        )
        context["printed_at"] = clock.helsinki(clock.now())
        context["has_secrets"] = bool(application.confidential_keys) or any(
            attachment.confidential for attachment in context["attachments"]
        )
        # A draft's copy says so on every page: it has not been given to the ministry.
        context["draft"] = application.status == Status.DRAFT
    return context


def application_pdf(application: Application) -> bytes:
    return render_pdf("applications/pdf/application.html", pdf_context(application), application.language)


def receipt_filename(application: Application) -> str:
    return f"{(application.case_number or f'application-{application.pk}').replace('/', '-')}.pdf"


def cached_pdf(application: Application) -> bytes:
    """The PDF copy of the application as it is now. Made once per saved version (rendering takes a second or
    two) and kept beside the older versions' copies, which are removed."""
    folder = f"pdf-cache/{application.pk}"
    name = f"{folder}/v{application.version}-{application.language}.pdf"
    try:
        with default_storage.open(name, "rb") as stored:
            return stored.read()
    except (FileNotFoundError, OSError):
        pass
    content = application_pdf(application)
    try:
        _dirs, files = default_storage.listdir(folder)
    except (FileNotFoundError, OSError):
        files = []
    for old in files:
        default_storage.delete(f"{folder}/{old}")
    if not default_storage.exists(name):
        default_storage.save(name, ContentFile(content))
    return content


@task()
def send_receipt(receipt_id: int) -> str:
    """Make the receipt of a submission: store the PDF copy and email it to the contacts and the submitter.

    Safe to run again (a worker killed half-way, the scheduler's sweep, a requeued task): the email is queued
    in the same transaction that stamps the receipt as made, so a receipt is sent once. A PDF that cannot be
    made does not stop the receipt email: the applicant is told that the submission arrived either way, and
    the error is logged for the maintainers."""
    receipt = Receipt.objects.filter(pk=receipt_id, made_at__isnull=True).first()
    if receipt is None:
        return "already made"
    application = Application.objects.select_related(
        "call", "call__programme", "call__track", "organisation", "question_set", "submitted_by", "updated_by"
    ).get(pk=receipt.application_id)
    filename = receipt_filename(application)
    # Rendered before the transaction: a second or two of work must not hold a lock.
    try:
        pdf = application_pdf(application)
    except Exception:
        logger.exception("Could not make the PDF copy of application %s", application.pk)
        pdf = None
    with transaction.atomic():
        receipt = Receipt.objects.select_for_update().get(pk=receipt_id)
        if receipt.made_at is not None:
            return "already made"
        attachments = []
        if pdf is not None:
            application.receipt_pdf.save(filename, ContentFile(pdf), save=False)
            Application.objects.filter(pk=application.pk).update(receipt_pdf=application.receipt_pdf.name)
            attachments.append((filename, pdf, "application/pdf"))
        _email_receipt(application, receipt.first_time, attachments)
        receipt.made_at = clock.now()
        receipt.save(update_fields=["made_at"])
    return application.case_number or ""


def _email_receipt(application: Application, first_time: bool, attachments: list) -> None:
    people = [c.email for c in application.contacts.all()]
    if application.submitted_by:
        people.append(application.submitted_by.email)
    if not first_time and application.updated_by:
        people.append(application.updated_by.email)  # whoever sent the completed application
    recipients = list({email.lower(): email for email in people if email}.values())
    if not recipients:
        return
    notify.send_email(
        recipients,
        "application_receipt",
        {
            "application": application,
            "call": application.call,
            "first_time": first_time,
            "submitted_at": clock.helsinki(application.submitted_at) if application.submitted_at else None,
            "received_at": clock.helsinki(clock.now()),
            "pdf_attached": bool(attachments),
            "url": settings.SITE_URL + reverse("applications:receipt", args=[application.pk]),
        },
        application.language,
        attachments=attachments,
    )


def enqueue_receipt(receipt_id: int) -> None:
    """Queue the making of a receipt after the submission has committed. If even that fails (the database
    went away that instant), the submission stands and the scheduler's sweep queues the receipt later."""
    try:
        send_receipt.enqueue(receipt_id)
    except Exception:
        logger.exception("Could not queue receipt %s; the sweep will", receipt_id)


# A receipt not made this long after the submission was lost with a worker: the sweep queues it again.
RECEIPT_SWEEP_AFTER = timedelta(minutes=10)


def make_missing_receipts(now=None) -> int:
    """Queue every receipt that should have been made by now (see `Receipt`)."""
    now = now or clock.now()
    pending = Receipt.objects.filter(made_at__isnull=True, created_at__lte=now - RECEIPT_SWEEP_AFTER)
    count = 0
    for pk in pending.order_by("pk").values_list("pk", flat=True)[:500]:
        send_receipt.enqueue(pk)
        count += 1
    return count


# Reminders, nearest first: a draft gets the reminder of the window it is in, once. A draft started three days
# before the close gets the "7d" one at once and the "1d" one a day before; never both at the same moment.
REMINDERS = (("1d", timedelta(days=1)), ("7d", timedelta(days=7)))


def reminder_kind(closes_at, now) -> str | None:
    left = closes_at - now
    if left <= timedelta(0):
        return None
    for kind, before in REMINDERS:
        if left <= before:
            return kind
    return None


def _remind(application: Application, kind: str) -> None:
    from . import completeness

    user = application.created_by
    language = notify.email_language(user.language, application.language)
    path = reverse("applications:overview", args=[application.pk])
    # The list of what is missing is written in the recipient's language.
    with translation.override(language):
        missing = [item["message"] for item in completeness.missing_for_submit(application)]
    notify.notify_users(
        [user],
        "deadline_reminder",
        {
            "application": application,
            "call": application.call,
            "kind": kind,
            "closes_at": clock.helsinki(application.call.closes_at),
            "missing": missing,
            "url": settings.SITE_URL + path,
        },
        url=path,
        matter_language=application.language,
    )


def send_deadline_reminders(now=None) -> int:
    """Remind draft owners 7 days and 1 day before the call closes; each reminder once per draft (a
    `Reminder` row, unique per draft and kind, also keeps two workers from sending the same one)."""
    now = now or clock.now()
    longest = max(before for _kind, before in REMINDERS)
    drafts = (
        Application.objects.filter(
            status=Status.DRAFT,
            call__closes_at__gt=now,
            call__closes_at__lte=now + longest,
            created_by__is_active=True,
        )
        .select_related("call", "call__track", "created_by", "organisation", "question_set")
        .prefetch_related("reminders")
        .order_by("pk")
    )
    sent = 0
    for application in drafts:
        kind = reminder_kind(application.call.closes_at, now)
        if kind is None or kind in {reminder.kind for reminder in application.reminders.all()}:
            continue
        try:
            with transaction.atomic():
                Reminder.objects.create(application=application, kind=kind)
                _remind(application, kind)
        except IntegrityError:  # another worker sent it at the same moment
            continue
        sent += 1
    return sent


@task()
def deadline_reminders() -> int:
    return send_deadline_reminders()


# The officials' list as an Excel file -------------------------------------------------------------------


def enqueue_list_export(export_id: int) -> None:
    try:
        export_application_list.enqueue(export_id)
    except Exception:
        logger.exception("Could not queue the export %s", export_id)
        ListExport.objects.filter(pk=export_id).update(state=ListExport.State.FAILED, finished_at=clock.now())


@task()
def export_application_list(export_id: int) -> int:
    """Write the filtered list of applications to an Excel file under exports/ (a long list: see
    `listing.direct_limit`). Safe to run again: a finished export is left as it is."""
    from . import listing

    export = ListExport.objects.filter(pk=export_id).first()
    if export is None or export.state == ListExport.State.DONE:
        return 0
    ListExport.objects.filter(pk=export_id).update(state=ListExport.State.RUNNING)
    try:
        with translation.override(export.params.get("language") or "fi"):
            query = listing.query_from_params(export.params.get("filters") or {})
            filters = listing.filter_form(query).filters()
            content, count = listing.write_xlsx(listing.ministry_applications(filters, export=True))
            name = listing.export_filename(export.created_at)
        export.file.save(name, ContentFile(content), save=False)
    except Exception:
        logger.exception("Could not make the export %s", export_id)
        ListExport.objects.filter(pk=export_id).update(state=ListExport.State.FAILED, finished_at=clock.now())
        return 0
    ListExport.objects.filter(pk=export_id).update(
        state=ListExport.State.DONE, file=export.file.name, row_count=count, finished_at=clock.now()
    )
    return count
