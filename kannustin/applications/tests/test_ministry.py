"""The ministry's pages: the list of submitted applications, one application in full, requests for completion,
attachment downloads and the email outbox; who may see them; the completion flow end to end.

The helpers at the top (`complete_call`, `submitted_application`) are shared by the other test modules of
the ministry's side.
"""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kannustin.accounts.roles import Role
from kannustin.applications import actions
from kannustin.applications.forms_ministry import default_due, parse_time
from kannustin.applications.models import Application, CompletionRequest, Status
from kannustin.applications.validation import budget_years
from kannustin.core import clock
from kannustin.core.formats import format_datetime
from kannustin.core.models import AuditEvent, Notification, OutboundEmail
from kannustin.maturity import services as maturity
from kannustin.programmes.models import Question
from kannustin.programmes.tests.factories import make_programme
from kannustin.registry.models import Organisation

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Attachments and PDF copies of these tests go to a temporary folder, not to media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


# Shared helpers -----------------------------------------------------------------------------------------


def complete_call(**kwargs):
    """The small test call with the questions every application has: name, summary, a date, the criterion."""
    _programme, call = make_programme(**kwargs)
    question_set = call.current_question_set()
    for order, (key, section, kind, label) in enumerate(
        [
            ("project_name", "basics", Question.Type.TEXT, "Hankkeen nimi"),
            ("summary", "basics", Question.Type.TEXT, "Tiivistelmä"),
            ("start_date", "basics", Question.Type.DATE, "Alkaa"),
        ]
    ):
        Question(
            question_set=question_set, key=key, section=section, type=kind, order=order, label_fi=label,
            label_sv=label + " (sv)", label_en=label + " (en)", max_length=2000 if kind == "text" else None,
        ).save(bypass_lock=True)  # fmt: skip
    Question.objects.filter(question_set=question_set, key="g1_impact").update(section="criteria", order=10)
    return call


def submitted_application(
    call,
    organisation,
    signatory=None,
    *,
    name="Talouden tietoallas",
    summary="Kootaan talouden tiedot yhteen.",
    impact="Säästöjä ja parempaa tietoa.",
    amount=Decimal("85000.00"),
    confidential=(),
    attachment: bytes | None = None,
    submit=True,
):
    """An application through the real actions: drafted, filled in, the self-assessment done, submitted."""
    from conftest import make_user

    signatory = signatory or make_user(
        Role.SIGNATORY,
        organisation,
        email=f"signatory-{organisation.code}-{Application.objects.count()}@example.com",
    )
    application = actions.create_draft(call, organisation, by=signatory)
    year = budget_years(call)[0]
    application = actions.save(
        application,
        by=signatory,
        version=application.version,
        changes={
            "answers": {
                "project_name": name,
                "summary": summary,
                "start_date": clock.now().date().isoformat(),
                "g1_impact": impact,
            },
            "budget": [
                {
                    "category": "personnel",
                    "year": year,
                    "description": "Projektipäällikkö",
                    "amount": "60000.00",
                },
                {"category": "personnel", "year": year, "description": "Asiantuntija", "amount": "40000.00"},
            ],
            "requested_amount": str(amount),
            "participants": ["049"],
            "participants_confirmed": True,
            "contacts": [
                {
                    "name": "Liisa Yhteys",
                    "email": f"liisa-{organisation.code}@example.com",
                    "role": "Projektipäällikkö",
                }
            ],  # fmt: skip
            "indicators": [
                {
                    "name": "Automaatioaste",
                    "baseline": "10 %",
                    "target": "60 %",
                    "follow_up": "Kuukausiraportti",
                }
            ],  # fmt: skip
            "confidential_keys": list(confidential),
        },
    )
    if attachment is not None:
        actions.add_attachment(
            application,
            SimpleUploadedFile("liite.pdf", attachment, content_type="application/pdf"),
            by=signatory,
            confidential=True,
        )
    maturity.save_ratings(
        organisation, call, {"data": {"current": 2, "target": 4}}, by=signatory, service_process="Ostolaskut"
    )
    if submit:
        application = actions.submit(application, by=signatory)
    return application


PDF_BYTES = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"  # noqa: E501


@pytest.fixture
def call(db):
    return complete_call()


@pytest.fixture
def official(user_factory):
    return user_factory(Role.OFFICIAL)


@pytest.fixture
def submitted(call, helsinki):
    return submitted_application(call, helsinki)


def in_english(client):
    """Show the pages in English (the language navigation's cookie): the tests below read labels and messages
    in English; the language itself is tested in test_pages_render_in_swedish."""
    client.cookies["kannustin_language"] = "en"
    return client


# Who may see what -----------------------------------------------------------------------------------------


def ministry_urls(application):
    attachment = application.attachments.first()
    urls = [
        reverse("applications:ministry_detail", args=[application.pk]),
        reverse("applications:request_completion", args=[application.pk]),
    ]
    if attachment:
        urls.append(reverse("applications:ministry_attachment", args=[application.pk, attachment.pk]))
    return urls


def test_officials_and_admins_see_the_pages(client, call, helsinki, user_factory):
    application = submitted_application(call, helsinki, attachment=PDF_BYTES)
    for role in (Role.OFFICIAL, Role.ADMIN):
        client.force_login(user_factory(role))
        assert client.get(reverse("applications:ministry_list")).status_code == 200
        assert client.get(reverse("applications:outbox")).status_code == 200
        detail = client.get(reverse("applications:ministry_detail", args=[application.pk]))
        assert detail.status_code == 200
        assert "Talouden tietoallas" in detail.content.decode()


@pytest.mark.parametrize("role", [Role.REVIEWER, Role.PRESENTER, Role.DECISION_MAKER])
def test_other_ministry_roles_do_not_get_the_lists(client, call, helsinki, user_factory, role):
    submitted_application(call, helsinki, attachment=PDF_BYTES)
    client.force_login(user_factory(role))
    for url in [reverse("applications:ministry_list"), reverse("applications:outbox")]:
        assert client.get(url).status_code == 403, url


def test_a_reviewer_without_a_review_of_it_learns_nothing_of_an_application(
    client, call, helsinki, user_factory
):
    application = submitted_application(call, helsinki, attachment=PDF_BYTES)
    client.force_login(user_factory(Role.REVIEWER))
    for url in ministry_urls(application):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("role", [Role.PRESENTER, Role.DECISION_MAKER])
def test_presenters_and_decision_makers_read_submitted_applications(
    client, call, helsinki, user_factory, role
):
    application = submitted_application(call, helsinki, attachment=PDF_BYTES)
    client.force_login(user_factory(role))
    assert client.get(reverse("applications:ministry_detail", args=[application.pk])).status_code == 200
    assert client.get(reverse("applications:request_completion", args=[application.pk])).status_code == 403


def test_municipal_users_get_403_on_lists_and_404_on_applications(
    client, call, helsinki, espoo, user_factory
):
    application = submitted_application(call, helsinki, attachment=PDF_BYTES)
    own_signatory = application.submitted_by
    other = user_factory(Role.APPLICANT, Organisation.objects.get(code="092"))
    for user in (own_signatory, other, user_factory(Role.APPLICANT, espoo)):
        client.force_login(user)
        assert client.get(reverse("applications:ministry_list")).status_code == 403
        assert client.get(reverse("applications:outbox")).status_code == 403
        for url in ministry_urls(application):
            assert client.get(url).status_code == 404, url


def test_anonymous_is_sent_to_sign_in(client, submitted):
    for url in [
        reverse("applications:ministry_list"),
        reverse("applications:outbox"),
        *ministry_urls(submitted),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_drafts_are_not_the_ministrys(client, call, helsinki, official):
    draft = submitted_application(call, helsinki, name="Luonnos vielä", submit=False)
    client.force_login(official)
    assert "Luonnos vielä" not in client.get(reverse("applications:ministry_list")).content.decode()
    assert client.get(reverse("applications:ministry_detail", args=[draft.pk])).status_code == 404
    assert client.get(reverse("applications:request_completion", args=[draft.pk])).status_code == 404


def test_only_officials_request_completions(client, submitted, user_factory):
    client.force_login(user_factory(Role.ADMIN))
    assert client.get(reverse("applications:request_completion", args=[submitted.pk])).status_code == 403


# The list -----------------------------------------------------------------------------------------------


def test_list_shows_columns_filters_and_search(client, call, helsinki, official):
    first = submitted_application(call, helsinki, name="Ostolaskujen automaatio", amount=Decimal("12345.50"))
    second = submitted_application(call, Organisation.objects.get(code="545"), name="Datalager för ekonomin")
    actions.request_completion(
        second, by=official, message="Lisää budjetti", sections=["budget"],
        due_at=clock.now() + timedelta(days=3),
    )  # fmt: skip
    client.force_login(official)
    url = reverse("applications:ministry_list")

    page = client.get(url).content.decode()
    assert first.case_number in page and second.case_number in page
    assert "12\xa0345,50\xa0€" in page  # euros the Finnish way
    assert "Helsinki" in page and "Närpiö" in page
    due = clock.helsinki(second.completion_requests.get().due_at)
    assert format_datetime(due, "fi") in page  # 5.12.2026 klo 16.15

    by_status = client.get(url, {"status": Status.COMPLETION_REQUESTED}).content.decode()
    assert second.case_number in by_status and first.case_number not in by_status
    for query in (first.case_number, "helsin", "091", "ostolasku"):
        found = client.get(url, {"q": query}).content.decode()
        assert first.case_number in found and second.case_number not in found, query
    other_call = complete_call(slug="toinen")
    assert first.case_number not in client.get(url, {"call": other_call.pk}).content.decode()
    assert first.case_number in client.get(url, {"call": call.pk}).content.decode()
    # Nonsense filters are ignored, not an error.
    assert client.get(url, {"call": "x", "status": "draft", "page": "999"}).status_code == 200


def _bulk_submitted(call, organisation, user, count, start=0):
    # Query-count data only: rows written in bulk, as thousands of real submissions would take minutes.
    now = clock.now()
    Application.objects.bulk_create(
        Application(
            call=call, question_set=call.current_question_set(), organisation=organisation, status=Status.SUBMITTED,
            answers={"project_name": f"Hanke {i}"}, requested_amount=Decimal("1000.00") + i,
            case_number=f"VM/{i}/2099", submitted_at=now - timedelta(minutes=i), created_by=user,
        )
        for i in range(start, start + count)
    )  # fmt: skip
    applications = list(Application.objects.filter(case_number__endswith="/2099").order_by("pk")[start::7])
    CompletionRequest.objects.bulk_create(
        CompletionRequest(application=a, requested_by=user, message="x", sections=["budget"],
                          due_at=now + timedelta(days=3))
        for a in applications
    )  # fmt: skip


def test_list_runs_a_constant_number_of_queries(client, call, helsinki, official, django_assert_num_queries):
    client.force_login(official)
    url = reverse("applications:ministry_list")
    _bulk_submitted(call, helsinki, official, 10)
    client.get(url)  # warm up the session

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        response = client.get(url)
    assert response.context["page_obj"].paginator.count == 10
    _bulk_submitted(call, helsinki, official, 990, start=10)
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url, {"page": 2})
    assert response.context["page_obj"].paginator.count == 1000
    assert len(response.context["applications"]) == 50
    assert len(small.captured_queries) <= 15


# One application ----------------------------------------------------------------------------------------


def test_detail_shows_everything_with_business_secrets_marked(client, call, helsinki, official):
    application = submitted_application(
        call,
        helsinki,
        impact="Salainen laskelma säästöistä",
        confidential=["g1_impact"],
        attachment=PDF_BYTES,
    )
    client.force_login(official)
    in_english(client)
    page = client.get(reverse("applications:ministry_detail", args=[application.pk])).content.decode()
    assert "Salainen laskelma säästöistä" in page  # the ministry sees secrets …
    assert page.count("Business secret – not public") >= 2  # … marked: the answer and the attachment
    for text in ("Talouden tietoallas", "Automaatioaste", "Liisa Yhteys", "Espoo", "liite.pdf",
                 "€100,000.00", "€15,000.00", "Ostolaskut", application.case_number):  # fmt: skip
        assert text in page, text
    attachment = application.attachments.get()
    assert reverse("applications:ministry_attachment", args=[application.pk, attachment.pk]) in page
    # Versions and the audit trail of this application.
    assert f">{application.version}<" in page
    assert "Submitted" in page and "Draft started" in page and "Attachment added" in page


def test_detail_runs_the_same_queries_however_many_applications(
    client, call, helsinki, official, django_assert_max_num_queries
):
    application = submitted_application(call, helsinki)
    client.force_login(official)
    url = reverse("applications:ministry_detail", args=[application.pk])
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        client.get(url)
    _bulk_submitted(call, helsinki, official, 50)
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get(url)


def test_attachment_download_is_safe(client, call, helsinki, official):
    application = submitted_application(call, helsinki, attachment=PDF_BYTES)
    attachment = application.attachments.get()
    client.force_login(official)
    response = client.get(reverse("applications:ministry_attachment", args=[application.pk, attachment.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename" in response["Content-Disposition"] and "liite.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "sandbox"
    assert "no-store" in response["Cache-Control"]
    other = submitted_application(call, Organisation.objects.get(code="092"))
    # An attachment is reachable only through its own application.
    wrong = reverse("applications:ministry_attachment", args=[other.pk, attachment.pk])
    assert client.get(wrong).status_code == 404


def test_non_ascii_file_names_use_filename_star(client, call, helsinki, official):
    application = submitted_application(call, helsinki)
    actions.add_attachment(
        application_in_completion(application, official, ["attachments"]),
        SimpleUploadedFile("Säästölaskelma.pdf", PDF_BYTES), by=application.submitted_by,
    )  # fmt: skip
    attachment = application.attachments.get()
    client.force_login(official)
    response = client.get(reverse("applications:ministry_attachment", args=[application.pk, attachment.pk]))
    assert "filename*=utf-8''S%C3%A4%C3%A4st%C3%B6laskelma.pdf" in response["Content-Disposition"]


def application_in_completion(application, official, sections):
    actions.request_completion(
        application,
        by=official,
        message="Lisää liite",
        sections=sections,
        due_at=clock.now() + timedelta(days=2),
    )
    return Application.objects.get(pk=application.pk)


# Request for completion ---------------------------------------------------------------------------------


def test_completion_form_defaults_to_two_weeks_at_16_15(client, submitted, official):
    client.force_login(official)
    in_english(client)
    response = client.get(reverse("applications:request_completion", args=[submitted.pk]))
    page = response.content.decode()
    due = default_due()
    assert due.hour == 16 and due.minute == 15
    assert (due.date() - clock.helsinki(clock.now()).date()).days == 14
    assert 'value="16:15"' in page and f'value="{due.day}"' in page and f'value="{due.year}"' in page
    assert f'name="version" value="{submitted.version}"' in page
    # Every part of the form can be chosen, by its title.
    for title in ("Project basics", "The project against the criteria", "Budget", "Attachments"):
        assert title in page


def test_completion_form_errors_keep_what_was_typed(client, submitted, official):
    client.force_login(official)
    in_english(client)
    url = reverse("applications:request_completion", args=[submitted.pk])
    yesterday = clock.helsinki(clock.now()) - timedelta(days=1)
    response = client.post(url, {
        "version": submitted.version, "message": "Tarkenna kustannusarvio", "due_date_day": yesterday.day,
        "due_date_month": yesterday.month, "due_date_year": yesterday.year, "due_time": "25.99",
    })  # fmt: skip
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is a problem" in page and "Tarkenna kustannusarvio" in page
    assert "Choose the parts the applicant may complete." in page
    assert "Enter the time as hours and minutes" in page
    assert not CompletionRequest.objects.exists()


def test_completion_form_refuses_a_past_due_date(client, submitted, official):
    client.force_login(official)
    in_english(client)
    yesterday = clock.helsinki(clock.now()) - timedelta(days=1)
    response = client.post(reverse("applications:request_completion", args=[submitted.pk]), {
        "version": submitted.version, "message": "Tarkenna", "sections": ["budget"], "due_date_day": yesterday.day,
        "due_date_month": yesterday.month, "due_date_year": yesterday.year, "due_time": "16.15",
    })  # fmt: skip
    assert "The due date must be in the future." in response.content.decode()
    assert not CompletionRequest.objects.exists()


def test_no_request_for_a_withdrawn_application(client, submitted, official):
    client.force_login(official)
    stale = submitted.version
    actions.withdraw(submitted, by=submitted.submitted_by, reason="Hanke peruttiin")
    response = client.post(reverse("applications:request_completion", args=[submitted.pk]), {
        "version": stale, "message": "Tarkenna", "sections": ["budget"], "due_date_day": "1", "due_date_month": "1",
        "due_date_year": "2099", "due_time": "16.15",
    })  # fmt: skip
    # Withdrawn: nothing more can be asked; the official is told so on the application's page.
    assert response.status_code == 302
    assert not CompletionRequest.objects.exists()


def test_stale_version_shows_the_form_again(client, call, helsinki, official):
    application = submitted_application(call, helsinki)
    client.force_login(official)
    in_english(client)
    response = client.post(reverse("applications:request_completion", args=[application.pk]), {
        "version": application.version - 1, "message": "Tarkenna budjetti", "sections": ["budget"],
        "due_date_day": "1", "due_date_month": "1", "due_date_year": "2099", "due_time": "16.15",
    })  # fmt: skip
    page = response.content.decode()
    assert response.status_code == 200 and "The application changed after you opened this page" in page
    assert "Tarkenna budjetti" in page and f'name="version" value="{application.version}"' in page
    assert not CompletionRequest.objects.exists()


def test_parse_time():
    assert [parse_time(v).strftime("%H:%M") for v in ("16.15", "9:05", "8")] == ["16:15", "09:05", "08:00"]
    for bad in ("", "16,15", "24.00", "12.60", "noon"):
        with pytest.raises(ValueError):
            parse_time(bad)


def test_completion_request_flow_end_to_end(
    client, call, helsinki, official, user_factory, django_capture_on_commit_callbacks
):
    application = submitted_application(call, helsinki)
    signatory = application.submitted_by
    colleague = user_factory(Role.APPLICANT, helsinki)
    client.force_login(official)
    in_english(client)
    url = reverse("applications:request_completion", args=[application.pk])
    mail.outbox.clear()

    # 1. The official asks for a better budget by a date in Finnish time (summer or winter, the offset follows).
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, {
            "version": application.version, "message": "Erittele henkilöstökulut.", "sections": ["budget"],
            "due_date_day": "30", "due_date_month": "6", "due_date_year": str(clock.now().year + 1), "due_time": "16.15",
        })  # fmt: skip
    assert response.status_code == 302
    assert response["Location"] == reverse("applications:ministry_detail", args=[application.pk])
    request = CompletionRequest.objects.get()
    assert request.sections == ["budget"] and request.requested_by == official
    assert clock.helsinki(request.due_at).strftime("%H:%M") == "16:15"
    application.refresh_from_db()
    assert application.status == Status.COMPLETION_REQUESTED

    # Both sides are told: the organisation's users, and the official as a confirmation.
    recipients = {address for message in mail.outbox for address in message.to}
    assert {signatory.email, colleague.email, official.email} <= recipients
    asked = next(m for m in mail.outbox if signatory.email in m.to)
    assert application.case_number in asked.subject and "Erittele henkilöstökulut." in asked.body
    assert reverse("applications:overview", args=[application.pk]) in asked.body
    assert Notification.objects.filter(user=colleague).exists()

    # 2. The applicant may change the budget only.
    with pytest.raises(actions.NotEditable):
        actions.save(application, by=signatory, version=application.version,
                     changes={"answers": {"summary": "Muutettu"}})  # fmt: skip
    year = budget_years(call)[0]
    application = actions.save(application, by=signatory, version=application.version, changes={"budget": [
        {"category": "personnel", "year": year, "description": "Projektipäällikkö", "amount": "70000.00"},
        {"category": "personnel", "year": year, "description": "Asiantuntija", "amount": "40000.00"},
    ]})  # fmt: skip

    # 3. The applicant resubmits; the official who asked is told.
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        application = actions.submit(application, by=signatory)
    assert application.status == Status.SUBMITTED
    request.refresh_from_db()
    assert request.state == CompletionRequest.State.ANSWERED and request.answered_by == signatory
    to_official = [m for m in mail.outbox if official.email in m.to]
    assert len(to_official) == 1 and application.case_number in to_official[0].subject
    assert Notification.objects.filter(user=official, url__contains=str(application.pk)).count() == 2

    # 4. Everything is in the audit trail and on the official's page.
    actions_recorded = set(
        AuditEvent.objects.filter(
            object_type="applications.application", object_id=str(application.pk)
        ).values_list("action", flat=True)
    )
    assert {"application.submitted", "application.completion_requested", "application.saved",
            "application.resubmitted"} <= actions_recorded  # fmt: skip
    page = client.get(reverse("applications:ministry_detail", args=[application.pk])).content.decode()
    assert "Erittele henkilöstökulut." in page and "Answered" in page and "Completed application sent" in page


def test_no_second_request_while_one_is_open(client, submitted, official):
    application_in_completion(submitted, official, ["budget"])
    client.force_login(official)
    response = client.get(reverse("applications:request_completion", args=[submitted.pk]))
    assert response.status_code == 302
    assert CompletionRequest.objects.count() == 1


# The outbox ---------------------------------------------------------------------------------------------


def test_outbox_lists_newest_first_and_retries_failed(client, official, django_capture_on_commit_callbacks):
    older = OutboundEmail.objects.create(
        to=["a@example.com"], from_email="k@vm.fi", subject="Vanha", body="b"
    )
    failed = OutboundEmail.objects.create(
        to=["b@example.com"], from_email="k@vm.fi", subject="Epäonnistui", body="b", status="failed", attempts=2,
        last_error="ConnectionRefusedError: refused", next_attempt_at=clock.now() + timedelta(hours=1),
    )  # fmt: skip
    client.force_login(official)
    in_english(client)
    page = client.get(reverse("applications:outbox")).content.decode()
    assert page.index("Epäonnistui") < page.index("Vanha")
    assert "ConnectionRefusedError" in page and page.count("Try again now") == 1

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):  # the queued delivery runs after the request
        response = client.post(reverse("applications:outbox"), {"email": failed.pk, "page": "1"})
    assert response.status_code == 302
    failed.refresh_from_db()
    assert failed.status == OutboundEmail.Status.SENT and failed.attempts == 3
    assert [m.subject for m in mail.outbox] == ["Epäonnistui"]
    assert AuditEvent.objects.filter(
        action="email.retried", object_id=str(failed.pk), actor=official
    ).exists()
    # A message that is not waiting is left alone.
    client.post(reverse("applications:outbox"), {"email": older.pk})
    older.refresh_from_db()
    assert older.status == OutboundEmail.Status.QUEUED and older.attempts == 0


def test_outbox_retry_of_a_given_up_email_while_the_server_still_fails(
    client, official, settings, django_capture_on_commit_callbacks
):
    settings.OUTBOX_DELIVERY_BACKEND = "kannustin.core.tests.failing_backend.FailingBackend"
    row = OutboundEmail.objects.create(
        to=["b@example.com"],
        from_email="k@vm.fi",
        subject="Luovutettu",
        body="b",
        status="gave_up",
        attempts=8,
    )
    client.force_login(official)
    in_english(client)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("applications:outbox"), {"email": row.pk}, follow=True)
    assert "queued to be sent again" in response.content.decode()
    row.refresh_from_db()
    assert row.attempts == 9 and row.status == OutboundEmail.Status.GAVE_UP


def test_outbox_is_paginated_with_constant_queries(client, official, django_assert_num_queries):
    client.force_login(official)
    url = reverse("applications:outbox")
    OutboundEmail.objects.bulk_create(
        OutboundEmail(to=["a@example.com"], from_email="k@vm.fi", subject=f"S{i}", body="b")
        for i in range(10)
    )
    client.get(url)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        client.get(url)
    OutboundEmail.objects.bulk_create(
        OutboundEmail(to=["a@example.com"], from_email="k@vm.fi", subject=f"T{i}", body="b", status="failed")
        for i in range(990)
    )
    with django_assert_num_queries(len(small.captured_queries)):
        response = client.get(url, {"page": 3})
    assert len(response.context["emails"]) == 50
    assert client.get(url, {"status": "failed"}).context["page_obj"].paginator.count == 990


def test_pages_render_in_swedish(client, submitted, official):
    official.language = "sv"
    official.save()
    client.force_login(official)
    client.cookies["kannustin_language"] = "sv"
    for url in (reverse("applications:ministry_list"), reverse("applications:ministry_detail", args=[submitted.pk]),
                reverse("applications:request_completion", args=[submitted.pk]), reverse("applications:outbox")):  # fmt: skip
        response = client.get(url)
        assert response.status_code == 200
        assert '<html lang="sv"' in response.content.decode()
