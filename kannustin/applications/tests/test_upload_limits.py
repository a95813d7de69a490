"""Uploads are bounded: a zip bomb is refused from its directory without inflating it, a huge request body is
refused before it is read, storage has quotas, an organisation keeps only so many drafts open, and the stored
name says what the file really is."""

import io
import socket
import struct
import time
import tracemalloc
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from kannustin.accounts.roles import Role

from .. import actions
from ..files import FileRefused, sniff, stored_name
from ..models import Application, Attachment
from .helpers import make_call
from .test_attachments import TINY_PDF

pytestmark = pytest.mark.django_db


def odt_bomb(blocks: int = 256) -> bytes:
    """An OpenDocument package of 2 MB whose `mimetype` part inflates to 2 GB (the attack of the hardening
    issue). Built by hand from one deflated 8 MB block of zeros repeated (a full flush makes the blocks
    independent), so that making it takes a second, not minutes."""
    prefix = b"application/vnd.oasis.opendocument.text"
    zeros = b"\0" * (8 * 1024 * 1024)
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = compressor.compress(prefix) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    data = head + block * blocks + compressor.flush(zlib.Z_FINISH)
    crc = zlib.crc32(prefix)
    for _ in range(blocks):
        crc = zlib.crc32(zeros, crc)
    size, name = len(prefix) + len(zeros) * blocks, b"mimetype"
    local = struct.pack(
        "<4s2B4HL2L2H", b"PK\x03\x04", 20, 0, 0, 8, 0, 0x21, crc, len(data), size, len(name), 0
    )
    central = struct.pack(
        "<4s4B4HL2L5H2L",
        b"PK\x01\x02",
        20,
        3,
        20,
        0,
        0,
        8,
        0,
        0x21,
        crc,
        len(data),
        size,
        len(name),
        0,
        0,
        0,
        0,
        0,
        0,
    )
    body, directory = local + name + data, central + name
    end = struct.pack("<4s4H2LH", b"PK\x05\x06", 0, 0, 1, 1, len(directory), len(body), 0)
    return body + directory + end


@pytest.fixture(scope="module")
def bomb():
    data = odt_bomb()
    info = zipfile.ZipFile(io.BytesIO(data)).infolist()[0]
    assert info.file_size > 2 * 1024**3 and len(data) < 3 * 1024 * 1024
    return data


@pytest.fixture(autouse=True)
def english(settings, tmp_path, client):
    settings.MEDIA_ROOT = tmp_path / "media"
    client.cookies["kannustin_language"] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def signatory(helsinki, user_factory):
    return user_factory(Role.SIGNATORY, helsinki)


@pytest.fixture
def draft(reference_data, helsinki, signatory):
    return actions.create_draft(make_call(), helsinki, by=signatory)


def test_a_zip_bomb_is_refused_in_under_a_second_and_50_mb(bomb, draft, signatory, tmp_path):
    uploaded = SimpleUploadedFile("plan.odt", bomb)
    tracemalloc.start()
    started = time.monotonic()
    with pytest.raises(FileRefused, match="grow far too large"):
        actions.add_attachment(draft, uploaded, by=signatory)
    elapsed = time.monotonic() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    assert elapsed < 1, f"took {elapsed:.2f} s"
    # The upload itself is already in memory; judging it may add only a little.
    assert peak < 50 * 1024 * 1024, f"peak {peak / 1e6:.0f} MB"
    assert not Attachment.objects.exists()
    assert Application.objects.get(pk=draft.pk).version == draft.version


def test_whatever_the_directory_says_only_a_few_bytes_are_inflated(bomb, monkeypatch):
    """A package may lie in its directory; the type is still judged from at most a few hundred inflated
    bytes. With the directory checks switched off, the 2 GB part is not inflated either."""
    from .. import files

    monkeypatch.setattr(files, "MAX_MEMBER_BYTES", 10**12)
    monkeypatch.setattr(files, "MAX_TOTAL_BYTES", 10**12)
    monkeypatch.setattr(files, "MAX_RATIO", 10**9)
    tracemalloc.start()
    started = time.monotonic()
    kind = sniff(SimpleUploadedFile("plan.odt", bomb))
    elapsed = time.monotonic() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert kind is None  # "application/vnd.oasis.opendocument.text" followed by zeros is no known type
    assert elapsed < 1 and peak < 50 * 1024 * 1024


def test_a_real_document_with_well_compressed_text_is_accepted(draft, signatory):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", b"<w:p>Tiedolla johtaminen</w:p>" * 20000)
    attachment = actions.add_attachment(
        draft, SimpleUploadedFile("suunnitelma.docx", buffer.getvalue()), by=signatory
    )
    assert attachment.kind == "docx"


def test_the_stored_name_follows_the_detected_type_and_drops_direction_tricks(draft, signatory):
    attachment = actions.add_attachment(
        draft, SimpleUploadedFile("invoice\u202efdp.exe", TINY_PDF), by=signatory
    )
    assert attachment.original_name == "invoicefdp.pdf"
    assert stored_name("../../etc/passwd", "png") == "passwd.png"
    assert stored_name("valokuva.JPG", "jpeg") == "valokuva.jpg"
    assert stored_name("\u200b\u202e", "pdf") == "file.pdf"
    assert stored_name("Hankesuunnitelma ÄÖ.pdf", "pdf") == "Hankesuunnitelma ÄÖ.pdf"


def test_storage_quota_per_application(draft, signatory, settings):
    settings.ATTACHMENT_QUOTA_PER_APPLICATION_MB = 1
    actions.add_attachment(draft, SimpleUploadedFile("a.pdf", TINY_PDF + b"\0" * 700_000), by=signatory)
    with pytest.raises(FileRefused, match="at most 1 MB"):
        actions.add_attachment(draft, SimpleUploadedFile("b.pdf", TINY_PDF + b"\0" * 400_000), by=signatory)
    assert Attachment.objects.count() == 1


def test_storage_quota_per_organisation(draft, signatory, settings, helsinki):
    settings.ATTACHMENT_QUOTA_PER_ORGANISATION_MB = 1
    actions.add_attachment(draft, SimpleUploadedFile("a.pdf", TINY_PDF + b"\0" * 700_000), by=signatory)
    second = actions.create_draft(draft.call, helsinki, by=signatory)
    with pytest.raises(FileRefused, match="organisation"):
        actions.add_attachment(second, SimpleUploadedFile("b.pdf", TINY_PDF + b"\0" * 400_000), by=signatory)


def test_the_quota_message_reaches_the_page(client, draft, signatory, settings):
    settings.ATTACHMENT_QUOTA_PER_APPLICATION_MB = 1
    client.force_login(signatory)
    actions.add_attachment(draft, SimpleUploadedFile("a.pdf", TINY_PDF + b"\0" * 900_000), by=signatory)
    response = client.post(
        reverse("applications:attachments", args=[draft.pk]),
        {"action": "upload", "file": SimpleUploadedFile("b.pdf", TINY_PDF + b"\0" * 200_000)},
    )
    assert response.status_code == 200
    assert "can take at most 1 MB" in response.content.decode()


def test_open_drafts_per_organisation_and_call_are_capped(draft, signatory, helsinki, settings, client):
    settings.MAX_OPEN_DRAFTS_PER_CALL = 2
    actions.create_draft(draft.call, helsinki, by=signatory)
    with pytest.raises(actions.TooManyDrafts):
        actions.create_draft(draft.call, helsinki, by=signatory)

    client.force_login(signatory)
    response = client.post(reverse("applications:start", args=[draft.call.pk, helsinki.code]), follow=True)
    assert "already has 2 unfinished applications" in response.content.decode()
    assert Application.objects.filter(organisation=helsinki).count() == 2


def test_a_request_body_over_the_limit_is_refused_before_it_is_read(client, settings):
    settings.MAX_REQUEST_BYTES = 1024
    response = client.generic(
        "POST", reverse("programmes:feedback"), b"x" * 2048, content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 413
    assert "The file is too large" in response.content.decode()
    api = client.generic("POST", "/api/v1/applications/", b"x" * 2048, content_type="application/json")
    assert api.status_code == 413 and api.json()["code"] == "too_large"


@pytest.mark.django_db(transaction=True)
def test_a_300_mb_upload_is_cut_off_after_its_headers(live_server):
    """Over a real socket: the answer comes before the client has sent more than a sliver of the body."""
    host, port = live_server.url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as sock:
        sock.sendall(
            b"POST /applications/1/attachments/ HTTP/1.1\r\nHost: localhost\r\n"
            b"Content-Type: multipart/form-data; boundary=x\r\n"
            + f"Content-Length: {300 * 1024 * 1024}\r\n\r\n".encode()
        )
        sock.sendall(b"--x\r\n" + b"\0" * 64 * 1024)
        started = time.monotonic()
        answer = sock.recv(4096)
    assert answer.startswith(b"HTTP/1.1 413"), answer[:100]
    assert time.monotonic() - started < 2
