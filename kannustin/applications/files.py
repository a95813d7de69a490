"""What a file really is, decided from its content, not its name.

Accepted: PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG. Office formats are ZIP packages, told apart by the parts
inside them. Anything else (an executable renamed .pdf, a ZIP of something else, HTML) is refused before it
is stored.
"""

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
ACCEPTED_LABEL = "PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG"


class FileRefused(Exception):
    pass


def sniff(uploaded) -> str | None:
    """The format key of an uploaded file, or None when it is none of the accepted ones."""
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
            with zipfile.ZipFile(uploaded) as package:
                names = set(package.namelist())
                if "mimetype" in names:
                    mimetype = package.read("mimetype").decode("ascii", "replace").strip()
                    return {ACCEPTED["odt"]: "odt", ACCEPTED["ods"]: "ods"}.get(mimetype)
                if "[Content_Types].xml" in names:
                    if "word/document.xml" in names:
                        return "docx"
                    if "xl/workbook.xml" in names:
                        return "xlsx"
        except (zipfile.BadZipFile, OSError, KeyError):
            return None
        finally:
            uploaded.seek(0)
    return None


def check_upload(uploaded, *, max_bytes: int, already: int, max_count: int) -> str:
    """The format key, or FileRefused with a translated reason. Nothing is stored before this passes."""
    if already >= max_count:
        raise FileRefused(_("You can add at most %(count)s attachments.") % {"count": max_count})
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
