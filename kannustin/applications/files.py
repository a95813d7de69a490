"""What a file really is, decided from its content, not its name, reading only a bounded number of bytes.

Accepted: PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG. Office formats are ZIP packages, told apart by the parts
inside them. Anything else (an executable renamed .pdf, a ZIP of something else, HTML) is refused before it
is stored. A package is judged by its directory (names and declared sizes) and at most a few hundred
decompressed bytes: one whose declared sizes, total size or compression ratio are out of all proportion (a
"zip bomb") is refused without inflating anything.
"""

import unicodedata
import zipfile

from django.utils.translation import gettext as _

ACCEPTED = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "png": "image/png",
    "jpeg": "image/jpeg",
}
EXTENSIONS = {"jpeg": "jpg"}  # the stored name's extension where it differs from the format key
ACCEPTED_LABEL = "PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG"

# Limits for office packages. Real documents of a grant application stay far below them: a 300-page DOCX
# inflates to tens of megabytes and compresses at most ~20:1 (text XML); a zip bomb declares gigabytes or
# ratios in the thousands.
MAX_MEMBERS = 5_000
MAX_MEMBER_BYTES = 200 * 1024 * 1024
MAX_TOTAL_BYTES = 500 * 1024 * 1024
MAX_RATIO = 200  # for parts that inflate to more than RATIO_FROM_BYTES
RATIO_FROM_BYTES = 10 * 1024 * 1024
MIMETYPE_BYTES = 200


class FileRefused(Exception):
    pass


def _package_kind(uploaded) -> str | None:
    with zipfile.ZipFile(uploaded) as package:
        members = package.infolist()
        if len(members) > MAX_MEMBERS:
            raise FileRefused(_("The file holds too many parts to be a document."))
        total = 0
        for member in members:
            total += member.file_size
            ratio = member.file_size / max(member.compress_size, 1)
            bomb = ratio > MAX_RATIO and member.file_size > RATIO_FROM_BYTES
            if member.file_size > MAX_MEMBER_BYTES or total > MAX_TOTAL_BYTES or bomb:
                raise FileRefused(
                    _("The file is a compressed package that would grow far too large when opened. Save the document again and upload the new file.")
                )  # fmt: skip
        names = {member.filename for member in members}
        if "mimetype" in names:
            # Only the first bytes are inflated, whatever the part claims to hold.
            with package.open("mimetype") as part:
                mimetype = part.read(MIMETYPE_BYTES).decode("ascii", "replace").strip()
            return {ACCEPTED["odt"]: "odt", ACCEPTED["ods"]: "ods"}.get(mimetype)
        if "[Content_Types].xml" in names:
            if "word/document.xml" in names:
                return "docx"
            if "xl/workbook.xml" in names:
                return "xlsx"
    return None


def sniff(uploaded) -> str | None:
    """The format key of an uploaded file, or None when it is none of the accepted ones. Raises FileRefused
    for a package that is unsafe to open."""
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpeg"
    if head.startswith(b"PK\x03\x04"):
        try:
            return _package_kind(uploaded)
        except (
            zipfile.BadZipFile,
            zipfile.LargeZipFile,
            OSError,
            KeyError,
            EOFError,
            RuntimeError,
            NotImplementedError,
        ):
            return None
        finally:
            uploaded.seek(0)
    return None


def check_upload(uploaded, *, max_bytes: int) -> str:
    """The format key, or FileRefused with a translated reason. Runs before any transaction or lock is
    taken, and nothing is stored before it passes."""
    if uploaded.size == 0:
        raise FileRefused(_("The file is empty."))
    if uploaded.size > max_bytes:
        raise FileRefused(_("The file is too large: at most %(mb)s MB.") % {"mb": max_bytes // (1024 * 1024)})
    kind = sniff(uploaded)
    if kind is None:
        raise FileRefused(
            _("The file must be one of %(types)s. This file's content is none of them.")
            % {"types": ACCEPTED_LABEL}
        )
    return kind


def stored_name(name: str | None, kind: str) -> str:
    """The file name people see: the uploaded name without control or direction-changing characters (which
    can disguise "invoice\u202efdp.exe" as "invoiceexe.pdf"), ending in the detected format's extension."""
    name = (name or "").replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(char for char in name if unicodedata.category(char)[0] not in {"C"}).strip(" .")
    stem = name.rsplit(".", 1)[0].strip(" .") if "." in name else name
    extension = EXTENSIONS.get(kind, kind)
    return f"{(stem or 'file')[: 250 - len(extension)]}.{extension}"
