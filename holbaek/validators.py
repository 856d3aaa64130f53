"""Validators shared by the portal's forms."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# A tag or comment such as <script>, </p>, <img …> or <!-- -->; "børn < 12 år" is fine.
HTML_TAG = re.compile(r"<\s*(?:/\s*)?[a-zA-Z!?][^<>]*>")

HTML_MESSAGE = _("Skriv almindelig tekst uden HTML-koder som <…>.")


def refuse_html(value: str) -> None:
    """Text fields take plain text; HTML is refused with a clear answer, not silently kept."""
    if value and HTML_TAG.search(value):
        raise ValidationError(HTML_MESSAGE, code="html")
