"""Sparring requests from the form to a confirmed, routed request. Plain functions, keyword-only.

sparring_request_submit -> (the requester confirms by link) sparring_request_confirm:
reference number, routing, receipt. The thread: services/sparring_threads.py; what happens
to the personal data afterwards: services/sparring_privacy.py.
"""

import datetime
import logging
import smtplib

from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from faelles_skabere import mails, sparring_tokens
from faelles_skabere.models import (
    Message,
    MessageKind,
    ReferenceCounter,
    SparringRequest,
    SparringSettings,
    Status,
)
from faelles_skabere.selectors.sparring import request_for_token
from faelles_skabere.services.sparring_routing import sparring_request_route
from faelles_skabere.workdays import add_working_days, municipal_calendar
from holbaek.links import absolute_url
from holbaek.logfilters import log_send_failure
from holbaek.mail import mail_language

logger = logging.getLogger(__name__)

UNCONFIRMED_DAYS = 7
DOUBLE_SUBMIT_WINDOW = datetime.timedelta(hours=1)


class SendFailed(Exception):
    """The mail server did not take the confirmation mail."""


def sparring_request_submit(*, data: dict, language: str = "da") -> SparringRequest:
    """Saves the request unconfirmed and mails the confirmation link.

    `data` holds the request's fields (the form's `request_data()`); `language` is the one
    the requester wrote in, and every mail to them is in it.

    The same description from the same address within an hour is a double
    submission: the first request is kept and no second mail is sent.
    """
    email = data["email"].strip().lower()
    duplicate = SparringRequest.objects.filter(
        email=email,
        description=data["description"],
        created_at__gt=timezone.now() - DOUBLE_SUBMIT_WINDOW,
    ).first()
    if duplicate is not None:
        return duplicate
    request = SparringRequest(**(data | {"email": email, "language": mail_language(language)}))
    request.full_clean()
    request.save()
    token = sparring_tokens.make(request, sparring_tokens.CONFIRM_SALT)
    link = absolute_url(reverse("sparring:confirm", kwargs={"token": token}))
    try:
        mails.send(
            to=[email],
            language=request.language,
            subject=gettext_lazy("Bekræft din anmodning om sparring"),
            template="confirm.txt",
            context={"request": request, "link": link, "days": UNCONFIRMED_DAYS},
        )
    except (smtplib.SMTPException, OSError) as error:
        log_send_failure(logger, error, "Kunne ikke sende bekræftelse af en anmodning om sparring")
        request.delete()
        raise SendFailed from error
    return request


def _next_number(year: int) -> int:
    counter, _created = ReferenceCounter.objects.select_for_update().get_or_create(year=year)
    counter.last = F("last") + 1
    counter.save(update_fields=["last"])
    counter.refresh_from_db(fields=["last"])
    return counter.last


@transaction.atomic
def sparring_request_confirm(*, token: str) -> SparringRequest:
    """Confirms the address, gives the reference number, routes, and sends the receipt."""
    found = request_for_token(
        token=token, salt=sparring_tokens.CONFIRM_SALT, max_age=sparring_tokens.CONFIRM_MAX_AGE
    )
    request = SparringRequest.objects.select_for_update().get(pk=found.pk)
    if request.status != Status.UNCONFIRMED:
        return request  # confirming twice is harmless
    now = timezone.now()
    today = timezone.localdate(now)
    decision = sparring_request_route(area=found.area, topic=request.topic, on=today)
    request.year = today.year
    request.number = _next_number(today.year)
    request.status = Status.NEW
    request.confirmed_at = now
    request.assigned_to = decision.co_creator
    request.routing_reason = decision.reason
    settings = SparringSettings.current()
    request.answer_due_on = add_working_days(
        today, settings.response_days, calendar=municipal_calendar(settings)
    )
    request.save()
    Message.objects.create(request=request, kind=MessageKind.EVENT, body=decision.reason)
    mails.send_after_commit(lambda: mails.receipt_and_notice(request.pk))
    return request


def sparring_request_purge_unconfirmed() -> int:
    """Deletes requests whose address was not confirmed within a week."""
    cutoff = timezone.now() - datetime.timedelta(days=UNCONFIRMED_DAYS)
    count, _by_model = SparringRequest.objects.filter(
        status=Status.UNCONFIRMED, created_at__lt=cutoff
    ).delete()
    return count
