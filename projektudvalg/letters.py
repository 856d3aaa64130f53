"""The decision letter (tilsagn or afslag): one template, as a page and as a PDF."""

from django.utils.translation import gettext as _

from holbaek.pdf import pdf_from_template
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


__all__ = ["context", "filename", "pdf", "pdf_from_template", "subject"]
