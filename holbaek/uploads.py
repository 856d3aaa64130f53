"""Documents people upload (attachments): the type is read from the content, not the name.

Allowed: PDF, JPEG, PNG, WebP, Word/Excel/PowerPoint (OOXML), OpenDocument text,
spreadsheet and presentation. Office files are ZIP archives, so the archive's own
table of contents decides which kind it is; anything else is refused. Files are
stored as they came (they are downloads, never shown inline) under random names.
"""

import zipfile
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from holbaek import limits

MAX_BYTES = limits.MAX_FILE_BYTES


@dataclass(frozen=True)
class Kind:
    extension: str
    content_type: str


PDF = Kind("pdf", "application/pdf")
JPEG = Kind("jpg", "image/jpeg")
PNG = Kind("png", "image/png")
WEBP = Kind("webp", "image/webp")
OOXML = {
    "word/": Kind(
        "docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ),
    "xl/": Kind("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "ppt/": Kind(
        "pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"
    ),
}
OPENDOCUMENT = {
    "application/vnd.oasis.opendocument.text": Kind(
        "odt", "application/vnd.oasis.opendocument.text"
    ),
    "application/vnd.oasis.opendocument.spreadsheet": Kind(
        "ods", "application/vnd.oasis.opendocument.spreadsheet"
    ),
    "application/vnd.oasis.opendocument.presentation": Kind(
        "odp", "application/vnd.oasis.opendocument.presentation"
    ),
}
ALLOWED_TEXT = _("PDF, billeder (JPEG, PNG, WebP) og Office- eller OpenDocument-filer")


def _zip_kind(uploaded) -> Kind | None:
    """The Office or OpenDocument kind a ZIP archive declares, reading only its directory.

    Only the tiny `mimetype` member is ever unpacked, and only if it says it is
    tiny: a ZIP bomb is refused without being unpacked. A damaged archive is
    simply not a document.
    """
    try:
        with zipfile.ZipFile(uploaded) as archive:
            names = archive.namelist()
            if "mimetype" in names:
                if archive.getinfo("mimetype").file_size > 100:
                    return None
                with archive.open("mimetype") as member:
                    mimetype = member.read(100).decode("ascii", "replace").strip()
                return OPENDOCUMENT.get(mimetype)
            if "[Content_Types].xml" in names:
                for prefix, kind in OOXML.items():
                    if any(name.startswith(prefix) for name in names):
                        return kind
    except Exception:  # zipfile, zlib and lzma raise many kinds for damaged archives
        return None
    return None


def detect(uploaded) -> Kind | None:
    uploaded.seek(0)
    head = uploaded.read(16)
    uploaded.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(b"\xff\xd8\xff"):
        return JPEG
    if head.startswith(b"\x89PNG\r\n\x1a\n"):
        return PNG
    if head[:4] == b"RIFF" and head[8:12] == b"WEBP":
        return WEBP
    if head.startswith(b"PK\x03\x04"):
        kind = _zip_kind(uploaded)
        uploaded.seek(0)
        return kind
    return None


def check_document(uploaded) -> Kind:
    """The uploaded file's kind, or a ValidationError in Danish naming the file."""
    name = uploaded.name
    if uploaded.size > MAX_BYTES:
        raise ValidationError(
            _("%(name)s fylder for meget. En fil må højst fylde 10 MB."),
            code="too_large",
            params={"name": name},
        )
    if uploaded.size == 0:
        raise ValidationError(_("%(name)s er tom."), code="empty", params={"name": name})
    kind = detect(uploaded)
    if kind is None:
        raise ValidationError(
            _("%(name)s kan ikke bruges. Du kan vedhæfte %(allowed)s."),
            code="type",
            params={"name": name, "allowed": ALLOWED_TEXT},
        )
    return kind
