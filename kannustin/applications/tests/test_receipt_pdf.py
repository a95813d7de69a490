"""The PDF copy of a submitted application: made in the application's language, with everything in it."""

import io
import re
from datetime import timedelta

import pypdf
import pytest
from django.utils import translation
from django.utils.translation import gettext

from kannustin.applications import tasks
from kannustin.applications.models import Application, Receipt
from kannustin.registry.models import Organisation

from .test_ministry import PDF_BYTES, complete_call, submitted_application

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _media(settings, tmp_path):
    """Attachments and PDF copies of these tests go to a temporary folder, not to media/."""
    settings.MEDIA_ROOT = tmp_path / "media"


def pdf_text(data: bytes) -> str:
    reader = pypdf.PdfReader(io.BytesIO(data))
    text = "\n".join(page.extract_text() for page in reader.pages)
    return re.sub(r"[\s\u00a0\u202f]+", " ", text)


@pytest.fixture
def call(db):
    return complete_call()


def test_swedish_application_pdf_reads_back(call, reference_data):
    narpes = Organisation.objects.get(code="545")
    application = submitted_application(
        call, narpes, name="Datalager för ekonomin", summary="Vi samlar ekonomins data på ett ställe.",
        impact="Bättre kunskapsbaserad ledning och mindre manuellt arbete.", confidential=["g1_impact"],
        attachment=PDF_BYTES,
    )  # fmt: skip
    assert application.language == "sv"

    data = tasks.application_pdf(application)
    assert data.startswith(b"%PDF")
    text = pdf_text(data)
    assert application.case_number in text
    assert "Datalager för ekonomin" in text
    assert "Bättre kunskapsbaserad ledning och mindre manuellt arbete." in text
    # Content written in three languages is shown in Swedish: the call, the programme, the organisation.
    assert "Utlysning punkt 1" in text and "Testprogram" in text and "Närpes" in text
    # Budget and money the Finnish (and Swedish) way, the maturity profile, the attachment's checksum.
    assert "100 000,00 €" in text and "85 000,00 €" in text and "15 000,00 €" in text
    # The interface text is Swedish too: the budget table's "Description" column is "Beskrivning", not "Kuvaus".
    with translation.override("sv"):
        assert gettext("Description") in text
    with translation.override("fi"):
        assert gettext("Description") not in text
    # The level descriptors ("Beskrivning 2" in the test model) are not printed, only the level names …
    assert not re.search(r"(Beskrivning|Kuvaus|Descriptor) \d", text)
    assert "Nivå 2" in text and "Nivå 4" in text  # … of the current and target level
    attachment = application.attachments.get()
    assert attachment.sha256 in text.replace(" ", "")
    assert "liite.pdf" in text
    assert "Espoo" in text or "Esbo" in text  # the co-applicant
    # Page numbers in the footer.
    pages = len(pypdf.PdfReader(io.BytesIO(data)).pages)
    assert f"1 / {pages}" in text


def test_finnish_application_pdf_is_in_finnish(call, helsinki):
    application = submitted_application(call, helsinki, impact="Säästöjä ja parempaa tietoa.")
    assert application.language == "fi"
    text = pdf_text(tasks.application_pdf(application))
    assert application.case_number in text and "Talouden tietoallas" in text
    assert "Kohteen 1 haku" in text and "Testiohjelma" in text and "Taso 2" in text
    assert "Säästöjä ja parempaa tietoa." in text


def test_business_secrets_are_marked(call, helsinki):
    application = submitted_application(call, helsinki, confidential=["g1_impact"], attachment=PDF_BYTES)
    context = tasks.pdf_context(application)
    assert context["has_secrets"]
    html = __import__("django.template.loader", fromlist=["x"]).render_to_string(
        "applications/pdf/application.html", context
    )
    # The secret answer and the secret attachment are both marked; the other answers are not.
    assert html.count('<span class="secret">') == 3  # the explanation, the answer, the attachment


def test_send_receipt_stores_the_copy(call, helsinki):
    application = submitted_application(call, helsinki)
    receipt = Receipt.objects.get(application=application)
    Receipt.objects.filter(pk=receipt.pk).update(made_at=None)  # as if the worker had not got to it yet
    assert tasks.send_receipt.call(receipt.pk) == application.case_number
    application = Application.objects.get(pk=application.pk)
    assert application.receipt_pdf.name.endswith(".pdf")
    assert application.case_number.replace("/", "-") in application.receipt_pdf.name
    with application.receipt_pdf.open("rb") as handle:
        assert application.case_number in pdf_text(handle.read())


DB_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default", "email"]}}


def receipt_emails(application):
    from kannustin.core.models import OutboundEmail

    return OutboundEmail.objects.filter(subject__contains=application.case_number)


@pytest.mark.django_db(transaction=True)  # the worker manages connections itself, as in production
def test_a_receipt_killed_with_its_worker_is_made_once_after_the_requeue(
    call, helsinki, settings, django_capture_on_commit_callbacks
):
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from kannustin.core import clock, scheduler
    from kannustin.core.management.commands.run_worker import ResilientWorker

    settings.TASKS = DB_TASKS
    with django_capture_on_commit_callbacks(execute=True):
        application = submitted_application(call, helsinki)
    task = DBTaskResult.objects.get(task_path__endswith="send_receipt")
    # A worker took the task and was killed before it finished: the row stays RUNNING, nothing was made.
    DBTaskResult.objects.filter(pk=task.pk).update(
        status=TaskResultStatus.RUNNING, started_at=clock.now() - timedelta(hours=1)
    )
    assert scheduler.requeue_stuck_tasks() == 1

    worker = ResilientWorker(
        queue_names=["default"], interval=0, batch=True, backend_name="default", startup_delay=False,
        max_tasks=None, worker_id="after-the-kill", excluded_queue_names=[],
    )  # fmt: skip
    worker.run()

    receipt = Receipt.objects.get(application=application)
    assert receipt.made_at is not None
    assert Application.objects.get(pk=application.pk).receipt_pdf
    assert receipt_emails(application).count() == 1
    # The same task once more (a second requeue, a slow worker finishing after all): still one receipt.
    assert tasks.send_receipt.call(receipt.pk) == "already made"
    assert receipt_emails(application).count() == 1


def test_the_sweep_makes_a_receipt_whose_task_was_never_queued(call, helsinki, settings):
    import time_machine

    from kannustin.core import clock

    settings.TASKS = DB_TASKS  # the submission's own task stays queued: nobody runs it
    application = submitted_application(call, helsinki)
    receipt = Receipt.objects.get(application=application)
    assert receipt.made_at is None
    assert tasks.make_missing_receipts() == 0  # not late yet

    settings.TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend",
                                  "QUEUES": ["default", "email"]}}  # fmt: skip
    with time_machine.travel(clock.now() + tasks.RECEIPT_SWEEP_AFTER + timedelta(minutes=1)):
        assert tasks.make_missing_receipts() == 1
    receipt.refresh_from_db()
    assert receipt.made_at is not None and receipt_emails(application).count() == 1
    assert tasks.make_missing_receipts() == 0
