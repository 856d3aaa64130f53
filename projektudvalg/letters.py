"""The decision letter (tilsagn or afslag): one template, as a page and as a PDF; and the
PDF maker the printable agenda and minutes share."""

from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from projektudvalg.models import Decision


def subject(decision: Decision) -> str:
    if decision.is_grant:
        return _("Tilsagn om tilskud: %(reference)s") % {
            "reference": decision.application.reference
        }
    return _("Afslag på ansøgning: %(reference)s") % {"reference": decision.application.reference}


def filename(decision: Decision) -> str:
    kind = "tilsagn" if decision.is_grant else "afslag"
    return f"{kind}-{decision.application.reference}.pdf"


def context(decision: Decision) -> dict:
    return {"decision": decision, "application": decision.application, "title": subject(decision)}


def pdf(decision: Decision) -> bytes:
    """Rendered by WeasyPrint from the same letter template, in Danish."""
    return pdf_from_template("projektudvalg/letter_pdf.html", context(decision))


def pdf_from_template(template: str, values: dict) -> bytes:
    """A template rendered in Danish and made a PDF by WeasyPrint (the letters, and the
    printable agenda and minutes)."""
    # Imported here on purpose: WeasyPrint takes about 2 s to import, which every worker
    # and management command would pay at start-up for the few requests that make a PDF.
    from weasyprint import HTML

    with translation.override("da"):
        html = render_to_string(template, values)
    return HTML(string=html).write_pdf()
