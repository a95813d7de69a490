"""The PDF copy of a submitted application: made in the application's language, with everything in it."""

import io
import re

import pypdf
import pytest
from django.utils import translation
from django.utils.translation import gettext

from kannustin.applications import tasks
from kannustin.applications.models import Application
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
    assert tasks.send_receipt.call(application.pk) == application.case_number
    application = Application.objects.get(pk=application.pk)
    assert application.receipt_pdf.name.endswith(".pdf")
    assert application.case_number.replace("/", "-") in application.receipt_pdf.name
    with application.receipt_pdf.open("rb") as handle:
        assert application.case_number in pdf_text(handle.read())
