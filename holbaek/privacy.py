"""The check for personal data before text people wrote is published.

Datatilsynet criticised a municipality for publishing a CPR number from a signed hearing
answer and asked for "en forudgående proces for at gennemgå materialet"; its practice is
that e-mail addresses and phone numbers are not published in municipal web archives.
So hearing answers (and, later, forum-written news and survey free text) pass
`findings(text)` first: any hit holds the text for a staff member.

The patterns err on the side of holding: a false hit costs a staff member a click, a
missed CPR number is a breach. The findings name kinds only, never the values.
Attachments are checked through their extracted text (`document_text`).
"""

import re
import zipfile

from defusedxml import ElementTree
from django.utils.translation import gettext_lazy as _

CPR = "cpr"
EMAIL = "email"
PHONE = "phone"

UNREADABLE = "unreadable"  # an attachment the check cannot read: a person must look

KIND_LABELS = {
    CPR: _("CPR-nummer"),
    EMAIL: _("e-mailadresse"),
    PHONE: _("telefonnummer"),
    UNREADABLE: _("et bilag, kontrollen ikke kan læse (fx et billede eller en scannet PDF)"),
}

# ddmmyy-xxxx, ddmmyyxxxx or ddmmyy xxxx, with a real day and month.
_CPR = re.compile(r"(?<!\d)(0[1-9]|[12]\d|3[01])(0[1-9]|1[0-2])(\d{2})[-\s]?(\d{4})(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+\s*(?:@|\(at\)|\[at\])\s*[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
# Eight digits, written together or in groups of two or four, perhaps after +45 or 0045.
_PHONE = re.compile(
    r"(?<!\d)(?:(?:\+|00)45[\s-]?)?"
    r"(?:\d{8}|\d{2}(?:[\s.-]\d{2}){3}|(\d{4})[\s.-](\d{4}))"
    r"(?!\d)"
)
_YEAR = re.compile(r"(19|20)\d\d")


def _is_phone(match: re.Match) -> bool:
    """Not a span of years ("2026-2027"), written like a phone number in two fours."""
    first, second = match.group(1), match.group(2)
    return not (first and _YEAR.fullmatch(first) and _YEAR.fullmatch(second))


# The most text read from one attachment: enough for any letter, bounded for a hostile file.
MAX_EXTRACTED_CHARS = 500_000
MAX_PDF_PAGES = 200
MAX_XML_BYTES = 20_000_000


def findings(text: str) -> list[str]:
    """The kinds of personal data found in `text`, in a fixed order; empty when none."""
    if not text:
        return []
    found = []
    if _CPR.search(text):
        found.append(CPR)
    if _EMAIL.search(text):
        found.append(EMAIL)
    without_cpr = _CPR.sub(" ", text)
    if any(_is_phone(match) for match in _PHONE.finditer(without_cpr)):
        found.append(PHONE)
    return found


def labels(kinds) -> str:
    return ", ".join(str(KIND_LABELS.get(kind, kind)) for kind in kinds)


class _TooLong(Exception):
    """More text than the check reads: a person must look instead."""


def _pdf_text(file) -> str:
    from pypdf import PdfReader  # imported when needed: most requests never read a PDF

    reader = PdfReader(file)
    if len(reader.pages) > MAX_PDF_PAGES:
        raise _TooLong
    parts, size = [], 0
    for page in reader.pages:
        text = page.extract_text() or ""
        parts.append(text)
        size += len(text)
        if size > MAX_EXTRACTED_CHARS:
            raise _TooLong
    return "\n".join(parts).strip()


# The parts of a document that hold text: the body, and the headers, footers, footnotes and
# comments where a letterhead's phone number or a signature sits.
_DOCX_PARTS = re.compile(r"word/(document|header\d*|footer\d*|footnotes|endnotes|comments)\.xml")
_ODT_PARTS = re.compile(r"(content|styles)\.xml")


def _zipped_xml_text(file, parts: re.Pattern) -> str:
    """The text of the matching XML parts, twice: with the pieces apart and together, so a
    number Word splits over two runs ("010190-" "1234") is still found."""
    texts, size = [], 0
    with zipfile.ZipFile(file) as archive:
        for info in archive.infolist():
            if not parts.fullmatch(info.filename):
                continue
            size += info.file_size
            if size > MAX_XML_BYTES:
                raise _TooLong
            with archive.open(info) as xml:
                pieces = list(ElementTree.fromstring(xml.read(MAX_XML_BYTES)).itertext())
            texts += [" ".join(pieces), "".join(pieces)]
    text = "\n".join(texts)
    if len(text) > 2 * MAX_EXTRACTED_CHARS:
        raise _TooLong
    return text


def document_text(file, extension: str) -> str | None:
    """The text of a PDF, DOCX or ODT attachment, or None when the check cannot read it and
    a person must look (the caller holds it): a picture, a scanned PDF without a text
    layer, a damaged file, one longer than the check reads."""
    try:
        file.seek(0)
        if extension == "pdf":
            return _pdf_text(file) or None
        if extension == "docx":
            return _zipped_xml_text(file, _DOCX_PARTS)
        if extension == "odt":
            return _zipped_xml_text(file, _ODT_PARTS)
        return None
    except Exception:  # pypdf, zipfile and the XML parser raise many kinds for bad files
        return None
    finally:
        file.seek(0)
