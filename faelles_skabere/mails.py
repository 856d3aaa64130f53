"""Mails about sparring requests: to the requester wholly in their language, to staff in Danish.

The services call these after their change is saved (`send_after_commit`): a failing mail
server is logged and the change stands. Only the confirmation mail is sent at once, by
`sparring_request_submit`, which must know whether it went.
"""

import logging
import smtplib

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from faelles_skabere import sparring_tokens
from faelles_skabere.models import Message, SparringRequest
from faelles_skabere.selectors.assignments import stand_in_for
from holbaek import mail
from holbaek.links import absolute_url
from holbaek.logfilters import log_send_failure
from holbaek.mail import STAFF_LANGUAGE

logger = logging.getLogger(__name__)


def thread_url(request: SparringRequest) -> str:
    """The requester's private link to the thread (fresh in every mail to them)."""
    token = sparring_tokens.make(request, sparring_tokens.THREAD_SALT)
    return absolute_url(reverse("sparring:thread", kwargs={"token": token}))


def staff_address(co_creator) -> str:
    return co_creator.email or (co_creator.user.email if co_creator.user_id else "")


def send(
    *,
    to: list[str],
    language: str,
    subject,
    template: str,
    context: dict,
    subject_params: dict | None = None,
) -> None:
    """Subject and body in one language: the requester's own, or Danish for staff."""
    mail.send(
        language=language,
        to=to,
        subject=subject,
        template=f"faelles_skabere/sparring/email/{template}",
        context=context,
        subject_params=subject_params,
    )


def send_after_commit(send_mail) -> None:
    """Sends once the change is saved; a failing mail server is logged, the change stands."""

    def run():
        try:
            send_mail()
        except (smtplib.SMTPException, OSError) as error:
            log_send_failure(
                logger, error, "Kunne ikke sende en e-mail om en anmodning om sparring"
            )

    transaction.on_commit(run)


def receipt_and_notice(request_id: int) -> None:
    """The requester's receipt (with the private link), and a notice to the fælles-skaber."""
    request = SparringRequest.objects.select_related("area", "assigned_to__user").get(pk=request_id)
    context = {
        "request": request,
        "thread_url": thread_url(request),
        "inbox_url": absolute_url(request.get_absolute_url()),
    }
    send(
        to=[request.email],
        language=request.language,
        subject=gettext_lazy("Vi har modtaget din anmodning %(reference)s"),
        subject_params={"reference": request.reference},
        template="receipt.txt",
        context=context,
    )
    if request.assigned_to and staff_address(request.assigned_to):
        send(
            to=[staff_address(request.assigned_to)],
            language=STAFF_LANGUAGE,
            subject=gettext_lazy("Ny anmodning om sparring: %(reference)s"),
            subject_params={"reference": request.reference},
            template="new_request.txt",
            context=context,
        )


def requester_replied(request_id: int) -> None:
    """The assigned fælles-skaber hears of the answer, and so does their stand-in if away."""
    request = SparringRequest.objects.select_related("assigned_to__user").get(pk=request_id)
    stand_in = stand_in_for(request.assigned_to, timezone.localdate())
    people = [request.assigned_to, *([stand_in] if stand_in else [])]
    addresses = [address for address in map(staff_address, people) if address]
    if addresses:
        send(
            to=addresses,
            language=STAFF_LANGUAGE,
            subject=gettext_lazy("Nyt svar på %(reference)s"),
            subject_params={"reference": request.reference},
            template="requester_replied.txt",
            context={"request": request, "inbox_url": absolute_url(request.get_absolute_url())},
        )


def staff_replied(message_id: int) -> None:
    message = Message.objects.select_related("request").get(pk=message_id)
    request = message.request
    send(
        to=[request.email],
        language=request.language,
        subject=gettext_lazy("Svar på din anmodning %(reference)s"),
        subject_params={"reference": request.reference},
        template="reply.txt",
        context={"request": request, "message": message, "thread_url": thread_url(request)},
    )


def transferred(*, request: SparringRequest, address: str, author, reason: str) -> None:
    send(
        to=[address],
        language=STAFF_LANGUAGE,
        subject=gettext_lazy("%(reference)s er overdraget til dig"),
        subject_params={"reference": request.reference},
        template="transferred.txt",
        context={
            "request": request,
            "reason": reason,
            "author": author,
            "inbox_url": absolute_url(request.get_absolute_url()),
        },
    )


def daily_digest(*, address: str, open_requests: list, overdue: list) -> None:
    send(
        to=[address],
        language=STAFF_LANGUAGE,
        subject=gettext_lazy("Dine åbne anmodninger om sparring"),
        template="daily_digest.txt",
        context={
            "open": open_requests,
            "overdue": overdue,
            "inbox_url": absolute_url(reverse("sparring:inbox")),
        },
    )
