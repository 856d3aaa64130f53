"""Validators shared by the portal's forms."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# A tag or comment such as <script>, </p>, <img …> or <!-- -->; "børn < 12 år" is fine.
HTML_TAG = re.compile(r"<\s*(?:/\s*)?[a-zA-Z!?][^<>]*>")

HTML_MESSAGE = _("Skriv almindelig tekst uden HTML-koder som <…>.")

# Unicode's bidirectional formatting characters: embeddings and overrides (U+202A-U+202E),
# isolates (U+2066-U+2069) and the invisible direction marks (U+200E, U+200F, U+061C).
# An override makes "gpj.exe" read as "exe.jpg" and a title read differently in staff
# lists; none of them is needed to write Danish, and Arabic or Hebrew display without them.
BIDI_CONTROLS = dict.fromkeys(
    [0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)


def refuse_html(value: str) -> None:
    """Text fields take plain text; HTML is refused with a clear answer, not silently kept."""
    if value and HTML_TAG.search(value):
        raise ValidationError(HTML_MESSAGE, code="html")


def plain_text(value):
    """Free text as it is stored: without bidirectional controls, and with the browser's line
    breaks (\\r\\n) as one character, as the browser counts them against maxlength."""
    if not isinstance(value, str):
        return value
    return value.translate(BIDI_CONTROLS).replace("\r\n", "\n")
