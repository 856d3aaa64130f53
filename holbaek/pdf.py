"""PDFs made from templates: the decision letters, the printable agenda and minutes,
the hearing receipts and høringsnotater."""

from django.template.loader import render_to_string
from django.utils import translation


def pdf_from_template(template: str, values: dict) -> bytes:
    """A template rendered in Danish and made a PDF by WeasyPrint."""
    # Imported here on purpose: WeasyPrint takes about 2 s to import, which every worker
    # and management command would pay at start-up for the few requests that make a PDF.
    from weasyprint import HTML

    with translation.override("da"):
        html = render_to_string(template, values)
    return HTML(string=html).write_pdf()
