"""Emails of the application's life: the receipt with its PDF, completion requests both ways, withdrawal.
Every email is an outbox row first; a failing mail server delays mail but never fails the applicant's action."""

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from kannustin.accounts.roles import Role
from kannustin.applications import actions, notifications
from kannustin.applications.models import Application, Status
from kannustin.core import clock, notify
from kannustin.core.formats import format_datetime
from kannustin.core.models import Notification, OutboundEmail
from kannustin.registry.models import Organisation

from .test_ministry import complete_call, submitted_application

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Attachments and PDF copies of these tests go to a temporary folder, not to media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def call(db):
    return complete_call()


@pytest.fixture
def languages(monkeypatch):
    """The language each email was rendered in, by template name."""
    seen = []
    original = notify.render

    def render(name, context, language):
        seen.append((name, language))
        return original(name, context, language)

    monkeypatch.setattr(notify, "render", render)
    return seen


def _submit(call, organisation, capture, **kwargs):
    application = submitted_application(call, organisation, submit=False, **kwargs)
    mail.outbox.clear()
    with capture(execute=True):
        application = actions.submit(application, by=Application.objects.get(pk=application.pk).created_by)
    return application


def test_receipt_email_in_finnish_with_the_pdf(call, helsinki, django_capture_on_commit_callbacks, languages):
    application = _submit(call, helsinki, django_capture_on_commit_callbacks)
    assert application.language == "fi"
    receipts = [m for m in mail.outbox if application.case_number in m.subject]
    assert len(receipts) == 1
    receipt = receipts[0]
    assert set(receipt.to) == {"liisa-091@example.com", application.submitted_by.email}
    assert ("application_receipt", "fi") in languages
    assert "Kohteen 1 haku" in receipt.body and "Testiohjelma" in receipt.body  # content in Finnish
    assert f"/applications/{application.pk}/receipt/" in receipt.body
    submitted_at = clock.helsinki(application.submitted_at)
    assert format_datetime(submitted_at, "fi") in receipt.body  # 2.12.2026 klo 16.15
    [(filename, content, mimetype)] = receipt.attachments
    assert filename == application.case_number.replace("/", "-") + ".pdf"
    assert mimetype == "application/pdf" and content.startswith(b"%PDF")
    assert OutboundEmail.objects.get(subject=receipt.subject).status == OutboundEmail.Status.SENT


def test_receipt_email_in_swedish_for_a_swedish_application(
    call, reference_data, django_capture_on_commit_callbacks, languages
):
    application = _submit(call, Organisation.objects.get(code="545"), django_capture_on_commit_callbacks,
                          name="Datalager för ekonomin")  # fmt: skip
    assert application.language == "sv"
    [receipt] = [m for m in mail.outbox if application.case_number in m.subject]
    assert ("application_receipt", "sv") in languages
    assert "Utlysning punkt 1" in receipt.body and "Testprogram" in receipt.body and "Närpes" in receipt.body
    assert "Datalager för ekonomin" in receipt.body
    assert receipt.attachments[0][2] == "application/pdf"


def test_failing_mail_server_does_not_fail_the_submission(
    call, helsinki, settings, django_capture_on_commit_callbacks
):
    settings.OUTBOX_DELIVERY_BACKEND = "kannustin.core.tests.failing_backend.FailingBackend"
    application = _submit(call, helsinki, django_capture_on_commit_callbacks)
    assert Application.objects.get(pk=application.pk).status == Status.SUBMITTED
    assert application.case_number
    assert mail.outbox == []
    row = OutboundEmail.objects.get(subject__contains=application.case_number)
    # Kept for the next attempt, with the PDF, and visible to officials in the outbox.
    assert row.status == OutboundEmail.Status.FAILED and row.attempts == 1
    assert row.next_attempt_at > clock.now() and "refused" in row.last_error
    assert row.attachments[0]["mimetype"] == "application/pdf"


def test_emails_are_plain_text_without_html_escapes(
    call, helsinki, user_factory, django_capture_on_commit_callbacks
):
    official = user_factory(Role.OFFICIAL)
    application = submitted_application(call, helsinki, name='Data & "analytiikka" <2026>')
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.withdraw(application, by=application.submitted_by, reason="Rahoitus & aikataulu")
    [message] = [m for m in mail.outbox if official.email in m.to]
    assert 'Data & "analytiikka" <2026>' in message.body and "Rahoitus & aikataulu" in message.body
    assert "&amp;" not in message.body and "&quot;" not in message.body and "&lt;" not in message.body


def test_withdrawal_tells_the_officials(call, helsinki, user_factory, django_capture_on_commit_callbacks):
    official = user_factory(Role.OFFICIAL)
    reviewer = user_factory(Role.REVIEWER)
    application = submitted_application(call, helsinki)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.withdraw(application, by=application.submitted_by, reason="Hanke peruttiin")
    recipients = [address for message in mail.outbox for address in message.to]
    assert official.email in recipients and reviewer.email not in recipients
    message = next(m for m in mail.outbox if official.email in m.to)
    assert application.case_number in message.subject and "Hanke peruttiin" in message.body
    assert Notification.objects.filter(user=official).count() == 1


def test_completion_request_emails_follow_each_recipients_language(
    call, helsinki, user_factory, django_capture_on_commit_callbacks, languages
):
    official = user_factory(Role.OFFICIAL)
    application = submitted_application(call, helsinki)
    swedish_colleague = user_factory(Role.APPLICANT, helsinki, email="kollega@example.com")
    swedish_colleague.language = "sv"
    swedish_colleague.save()
    mail.outbox.clear()
    due = clock.now() + timedelta(days=5)
    with django_capture_on_commit_callbacks(execute=True):
        actions.request_completion(application, by=official, message="Lisää liite", sections=["attachments"],
                                   due_at=due)  # fmt: skip
    assert ("completion_requested", "sv") in languages and ("completion_requested", "fi") in languages
    assert ("completion_request_sent", "fi") in languages
    # Each reads the subject and the titles of the parts to complete in their own language; the official's
    # message is passed on as written.
    to_colleague = next(m for m in mail.outbox if swedish_colleague.email in m.to)
    to_signatory = next(m for m in mail.outbox if application.submitted_by.email in m.to)
    for message, language in ((to_colleague, "sv"), (to_signatory, "fi")):
        with translation.override(language):
            subject = gettext("Request for completion: %(case)s, reply by %(due)s") % {
                "case": application.case_number,
                "due": f"{clock.helsinki(due):%-d.%-m.%Y}",
            }
            attachments = application.section("attachments").tr("title")
        assert message.subject == subject, language
        assert "Lisää liite" in message.body and f"- {attachments}" in message.body, language
    assert to_colleague.subject != to_signatory.subject  # Swedish and Finnish, not one language for both
    confirmation = next(m for m in mail.outbox if official.email in m.to)
    assert f"/applications/ministry/{application.pk}/" in confirmation.body


def test_resubmission_goes_to_the_official_who_asked(
    call, helsinki, user_factory, django_capture_on_commit_callbacks
):
    asker = user_factory(Role.OFFICIAL)
    other_official = user_factory(Role.OFFICIAL, email="toinen@vm.example")
    application = submitted_application(call, helsinki)
    actions.request_completion(application, by=asker, message="Tarkenna", sections=["basics"],
                               due_at=clock.now() + timedelta(days=5))  # fmt: skip
    application = Application.objects.get(pk=application.pk)
    application = actions.save(application, by=application.submitted_by, version=application.version,
                               changes={"answers": {"summary": "Tarkennettu tiivistelmä"}})  # fmt: skip
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.submit(application, by=application.submitted_by)
    recipients = [address for message in mail.outbox for address in message.to]
    assert asker.email in recipients and other_official.email not in recipients
    # The applicant gets a receipt for the completed application too.
    receipt = next(m for m in mail.outbox if application.submitted_by.email in m.to)
    assert application.case_number in receipt.subject and receipt.attachments


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_every_email_template_renders(call, helsinki, user_factory, language):
    official = user_factory(Role.OFFICIAL)
    application = submitted_application(call, helsinki)
    request = actions.request_completion(application, by=official, message="Lisää", sections=["budget"],
                                         due_at=clock.now() + timedelta(days=5))  # fmt: skip
    context = {
        "application": application, "call": call, "request": request, "first_time": True, "pdf_attached": True,
        "submitted_at": clock.helsinki(clock.now()), "received_at": clock.helsinki(clock.now()),
        "due_at": clock.helsinki(request.due_at), "closes_at": clock.helsinki(call.closes_at),
        "answered_at": None, "withdrawn_at": None, "sections": notifications.section_titles(application, ["budget"]),
        "missing": ["Täytä budjetti."], "kind": "7d", "url": "https://kannustin.example/x/",
    }  # fmt: skip
    names = ["application_receipt", "completion_requested", "completion_request_sent", "completion_answered",
             "application_withdrawn", "deadline_reminder"]  # fmt: skip
    for name in names:
        subject, body = notify.render(name, context, language)
        assert subject and "\n" not in subject and len(subject) < 120, name
        assert "{{" not in body and "{%" not in body and "https://kannustin.example/x/" in body, name
        assert "\n\n\n" not in body, name


def test_the_header_language_does_not_change_the_language_of_emails(
    client, call, helsinki, user_factory, django_capture_on_commit_callbacks, languages
):
    """Emails follow the language chosen on the profile page; a click on the header's "Suomeksi" changes
    the pages only (it used to rewrite the profile language, and later emails came in Finnish)."""
    official = user_factory(Role.OFFICIAL)
    application = submitted_application(call, helsinki)
    colleague = user_factory(Role.APPLICANT, helsinki, email="kollega@example.com")
    colleague.language = "sv"
    colleague.save()
    client.force_login(colleague)
    response = client.post("/language/fi/", {"next": "/applications/"})
    assert response.status_code == 302 and response["Location"] == "/applications/"
    assert client.cookies["kannustin_language"].value == "fi"
    assert '<html lang="fi"' in client.get("/applications/").content.decode()
    colleague.refresh_from_db()
    assert colleague.language == "sv"

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        actions.request_completion(application, by=official, message="Lisää liite", sections=["attachments"],
                                   due_at=clock.now() + timedelta(days=5))  # fmt: skip
    to_colleague = next(m for m in mail.outbox if colleague.email in m.to)
    with translation.override("sv"):
        assert to_colleague.subject.startswith(
            gettext("Request for completion: %(case)s, reply by %(due)s")[:10]
        )
    assert ("completion_requested", "sv") in languages
