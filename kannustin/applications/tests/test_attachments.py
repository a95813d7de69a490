"""Attachments: the type is decided from the content, limits come from the call, refused files are never
stored, and downloads go only to people who may see the application, with headers that keep the browser from
running or showing the file."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from kannustin.accounts.roles import Role

from .. import actions
from ..models import Application, Attachment
from .helpers import complete_application, make_call

pytestmark = pytest.mark.django_db

# A complete one-page PDF: header, catalog, pages, page, cross-reference table and trailer.
TINY_PDF = (
    b"%PDF-1.4\n"
    b"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"xref\n0 4\n0000000000 65535 f \n0000000009 00000 n \n0000000052 00000 n \n0000000101 00000 n \n"
    b"trailer<</Size 4/Root 1 0 R>>\nstartxref\n164\n%%EOF\n"
)
EXECUTABLE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + b"\x00" * 64
    + b"This program cannot be run"
)


def package(files: dict[str, bytes], *, mimetype: str | None = None) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        if mimetype:  # OpenDocument: an uncompressed "mimetype" entry first
            archive.writestr(zipfile.ZipInfo("mimetype"), mimetype)
        for name, content in files.items():
            archive.writestr(name, content)
    return buffer.getvalue()


OFFICE_FILES = {
    "suunnitelma.docx": package({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w:document/>"}),
    "budjetti.xlsx": package({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<workbook/>"}),
    "suunnitelma.odt": package(
        {"content.xml": b"<office/>"}, mimetype="application/vnd.oasis.opendocument.text"
    ),
    "budjetti.ods": package(
        {"content.xml": b"<office/>"}, mimetype="application/vnd.oasis.opendocument.spreadsheet"
    ),
}


@pytest.fixture(autouse=True)
def media(settings, tmp_path, client):
    settings.MEDIA_ROOT = tmp_path / "media"
    client.cookies["kannustin_language"] = "en"
    with translation.override("en"):
        yield Path(settings.MEDIA_ROOT)


@pytest.fixture
def call(reference_data):
    return make_call()


@pytest.fixture
def signatory(helsinki, user_factory):
    return user_factory(Role.SIGNATORY, helsinki)


@pytest.fixture
def draft(call, helsinki, signatory):
    return actions.create_draft(call, helsinki, by=signatory)


@pytest.fixture
def signed_in(client, signatory):
    client.force_login(signatory)
    return client


def upload(client, application, name, content, **extra):
    data = {"version": Application.objects.get(pk=application.pk).version, "action": "upload", **extra}
    data["file"] = SimpleUploadedFile(name, content, content_type="application/octet-stream")
    return client.post(reverse("applications:attachments", args=[application.pk]), data)


def stored_files(media: Path) -> list[Path]:
    return [path for path in media.rglob("*") if path.is_file()] if media.exists() else []


def test_the_page_tells_the_limits_and_accepted_types(signed_in, draft, call):
    html = signed_in.get(reverse("applications:attachments", args=[draft.pk])).content.decode()
    assert "PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG" in html
    assert f"At most {call.max_attachment_mb} MB a file and {call.max_attachments} attachments" in html
    assert 'enctype="multipart/form-data"' in html
    assert f'name="version" value="{draft.version}"' in html


def test_a_real_pdf_is_accepted_and_listed(signed_in, draft, media):
    response = upload(
        signed_in, draft, "Hankesuunnitelma ÄÖ.pdf", TINY_PDF, description="Plan", confidential="on"
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("applications:attachments", args=[draft.pk])
    attachment = Attachment.objects.get(application=draft)
    assert (attachment.kind, attachment.content_type, attachment.size) == (
        "pdf",
        "application/pdf",
        len(TINY_PDF),
    )
    assert attachment.confidential is True and attachment.description == "Plan"
    assert len(stored_files(media)) == 1
    html = signed_in.get(response["Location"]).content.decode()
    assert "Hankesuunnitelma ÄÖ.pdf was uploaded." in html
    assert "Hankesuunnitelma ÄÖ.pdf" in html and "Business secret" in html
    assert reverse("applications:attachment", args=[draft.pk, attachment.pk]) in html


def test_upload_and_continue_goes_to_the_next_part(signed_in, draft):
    response = upload(signed_in, draft, "liite.pdf", TINY_PDF, action="continue")
    assert response["Location"] == reverse("applications:confidentiality", args=[draft.pk])
    assert Attachment.objects.filter(application=draft).count() == 1


def test_continue_without_a_file_just_moves_on_and_upload_without_one_is_an_error(signed_in, draft):
    page = reverse("applications:attachments", args=[draft.pk])
    response = signed_in.post(page, {"version": draft.version, "action": "continue"})
    assert response["Location"] == reverse("applications:confidentiality", args=[draft.pk])
    response = signed_in.post(page, {"version": draft.version, "action": "upload"})
    assert response.status_code == 200
    assert "Choose a file to upload." in response.content.decode()


def test_an_executable_renamed_pdf_is_refused_and_nothing_is_written(signed_in, draft, media):
    response = upload(signed_in, draft, "hakemus.pdf", EXECUTABLE)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error:" in html
    assert "This file&#x27;s content is none of them." in html
    assert 'href="#id_file"' in html
    assert 'class="govuk-form-group govuk-form-group--error"' in html
    assert not Attachment.objects.exists()
    assert stored_files(media) == []


def test_an_oversized_file_is_refused(signed_in, draft, call, media):
    call.max_attachment_mb = 1
    call.save()
    response = upload(signed_in, draft, "iso.pdf", TINY_PDF + b"0" * (1024 * 1024))
    assert response.status_code == 200
    assert "The file is too large: at most 1 MB." in response.content.decode()
    assert not Attachment.objects.exists()
    assert stored_files(media) == []


def test_the_count_limit_of_the_call(signed_in, draft, call, media):
    call.max_attachments = 2
    call.save()
    assert upload(signed_in, draft, "1.pdf", TINY_PDF).status_code == 302
    assert upload(signed_in, draft, "2.pdf", TINY_PDF).status_code == 302
    response = upload(signed_in, draft, "3.pdf", TINY_PDF)
    assert response.status_code == 200
    assert "You can add at most 2 attachments." in response.content.decode()
    assert Attachment.objects.filter(application=draft).count() == 2
    assert len(stored_files(media)) == 2
    html = signed_in.get(reverse("applications:attachments", args=[draft.pk])).content.decode()
    assert "The call allows 2 attachments at most" in html
    assert 'type="file"' not in html


@pytest.mark.parametrize("name", list(OFFICE_FILES))
def test_office_documents_made_with_zipfile_are_accepted(signed_in, draft, name):
    assert upload(signed_in, draft, name, OFFICE_FILES[name]).status_code == 302
    assert Attachment.objects.get(application=draft).kind == name.rsplit(".", 1)[1]


def test_a_plain_zip_is_refused_whatever_its_name(signed_in, draft, media):
    plain = package({"readme.txt": b"hello", "run.exe": EXECUTABLE})
    for name in ("arkisto.zip", "arkisto.docx"):
        response = upload(signed_in, draft, name, plain)
        assert response.status_code == 200
        assert "content is none of them" in response.content.decode()
    assert not Attachment.objects.exists()
    assert stored_files(media) == []


def test_download_headers(signed_in, draft):
    upload(signed_in, draft, "Kustannusarvio €.pdf", TINY_PDF)
    attachment = Attachment.objects.get(application=draft)
    response = signed_in.get(reverse("applications:attachment", args=[draft.pk, attachment.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == TINY_PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == "attachment; filename*=UTF-8''Kustannusarvio%20%E2%82%AC.pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'; sandbox"
    assert response["Cache-Control"] == "private, no-store"


def test_remove_asks_first_then_deletes_the_file(signed_in, draft, media):
    upload(signed_in, draft, "poistettava.pdf", TINY_PDF)
    attachment = Attachment.objects.get(application=draft)
    delete_url = reverse("applications:attachment_delete", args=[draft.pk, attachment.pk])
    page = signed_in.get(delete_url)
    assert page.status_code == 200
    assert "Remove the attachment “poistettava.pdf” from the application?" in page.content.decode()
    assert Attachment.objects.exists()
    response = signed_in.post(delete_url, {"version": Application.objects.get(pk=draft.pk).version})
    assert response["Location"] == reverse("applications:attachments", args=[draft.pk])
    assert not Attachment.objects.exists()
    assert stored_files(media) == []


def test_another_municipalitys_user_gets_404_on_every_attachment_url(
    client, signed_in, draft, espoo, user_factory
):
    upload(signed_in, draft, "liite.pdf", TINY_PDF)
    attachment = Attachment.objects.get(application=draft)
    client.force_login(user_factory(Role.SIGNATORY, espoo))
    urls = [
        reverse("applications:attachments", args=[draft.pk]),
        reverse("applications:attachment", args=[draft.pk, attachment.pk]),
        reverse("applications:attachment_delete", args=[draft.pk, attachment.pk]),
    ]
    for path in urls:
        assert client.get(path).status_code == 404, path
        assert client.post(path, {"version": 1}).status_code in (404, 405), path
    assert upload(client, draft, "x.pdf", TINY_PDF).status_code == 404
    assert Attachment.objects.count() == 1


def test_an_attachment_of_another_application_is_404(signed_in, draft, call, helsinki, signatory):
    other = actions.create_draft(call, helsinki, by=signatory)
    upload(signed_in, other, "toinen.pdf", TINY_PDF)
    attachment = Attachment.objects.get(application=other)
    assert (
        signed_in.get(reverse("applications:attachment", args=[draft.pk, attachment.pk])).status_code == 404
    )


def test_after_submission_officials_download_and_applicants_cannot_change(
    client, signed_in, draft, signatory, user_factory
):
    upload(signed_in, draft, "liite.pdf", TINY_PDF)
    attachment = Attachment.objects.get(application=draft)
    application = complete_application(Application.objects.get(pk=draft.pk), signatory)
    application = actions.submit(application, by=signatory)
    html = signed_in.get(reverse("applications:attachments", args=[draft.pk])).content.decode()
    assert 'type="file"' not in html and "can no longer be changed" in html
    response = signed_in.post(reverse("applications:attachment_delete", args=[draft.pk, attachment.pk]))
    assert response.status_code == 302
    assert Attachment.objects.filter(pk=attachment.pk).exists()
    assert upload(signed_in, draft, "myohassa.pdf", TINY_PDF).status_code == 302
    assert Attachment.objects.count() == 1
    client.force_login(user_factory(Role.OFFICIAL))
    response = client.get(reverse("applications:attachment", args=[draft.pk, attachment.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == TINY_PDF


def test_a_draft_attachment_is_hidden_from_the_ministry(client, signed_in, draft, user_factory):
    upload(signed_in, draft, "liite.pdf", TINY_PDF)
    attachment = Attachment.objects.get(application=draft)
    client.force_login(user_factory(Role.OFFICIAL))
    assert client.get(reverse("applications:attachment", args=[draft.pk, attachment.pk])).status_code == 404
