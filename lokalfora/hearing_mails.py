"""The mails about an answer: the receipt to its author (with the response number and a PDF
copy), and the notice to the hearing's mailbox when an answer waits for a check."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from holbaek import mail, privacy
from holbaek.links import absolute_url
from holbaek.pdf import pdf_from_template


def response_pdf(response, *, internal: bool) -> bytes:
    """The answer as a PDF: the author's copy and the case file's show the original."""
    return pdf_from_template(
        "lokalfora/hearings/response_pdf.html",
        {"response": response, "hearing": response.hearing, "internal": internal},
    )


def response_pdf_name(response) -> str:
    return f"hoeringssvar-{response.hearing_id}-{response.number}.pdf"


def receipt_send(*, response) -> bool:
    hearing = response.hearing
    withdraw = reverse("lokalfora:hearing-withdraw", kwargs={"key": response.withdraw_key})
    message = mail.compose(
        to=[response.author_email],
        subject=_("Kvittering for dit høringssvar nr. %(number)s: %(title)s"),
        subject_params={"number": response.number, "title": hearing.title},
        template="lokalfora/hearings/email/receipt.txt",
        context={
            "response": response,
            "hearing": hearing,
            "hearing_link": absolute_url(
                reverse("lokalfora:hearing-detail", kwargs={"pk": hearing.pk})
            ),
            "withdraw_link": absolute_url(withdraw),
        },
        attachments=[
            (response_pdf_name(response), response_pdf(response, internal=True), "application/pdf")
        ],
        reply_to=[hearing.contact_email],
    )
    return mail.send_each([message])[0]


def held_notice_send(*, response) -> bool:
    """Tells the hearing's mailbox that an answer waits: the kinds found, never the values."""
    hearing = response.hearing
    path = reverse("lokalfora:hearing-review", kwargs={"pk": hearing.pk})
    message = mail.compose(
        to=[hearing.contact_email],
        language=mail.STAFF_LANGUAGE,
        subject=_("Høringssvar nr. %(number)s venter på kontrol"),
        subject_params={"number": response.number},
        body=_(
            "Høringssvar nr. %(number)s til »%(title)s« indeholder måske %(kinds)s og "
            "offentliggøres ikke, før en medarbejder har set det:\n\n%(link)s"
        ),
        body_params={
            "number": response.number,
            "title": hearing.title,
            "kinds": privacy.labels(response.screening_findings),
            "link": absolute_url(path),
        },
    )
    return mail.send_each([message])[0]
