"""Background work for sparring, run by the database-backed task worker."""

import logging
import smtplib
from collections import defaultdict

from django.db.models import Prefetch
from django.tasks import task
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from faelles_skabere.models import CoCreator, StandIn
from holbaek.links import absolute_url
from holbaek.logfilters import log_send_failure
from holbaek.mail import STAFF_LANGUAGE
from holbaek.schedule import Recurring, daily, ensure_scheduled
from sparring import services
from sparring.models import OPEN_STATUSES, SparringRequest
from sparring.workdays import is_working_day

logger = logging.getLogger(__name__)


@task()
def send_daily_digest() -> int:
    """On working days, each fælles-skaber with open requests gets one mail, overdue first.

    A mail that fails is logged and the others still go; the next run is queued
    whatever happens.
    """
    try:
        today = timezone.localdate()
        return _send_digests(today) if is_working_day(today) else 0
    finally:
        ensure_scheduled()


def _send_digests(today) -> int:
    inbox_url = absolute_url(reverse("sparring:inbox"))
    open_requests = SparringRequest.objects.filter(status__in=OPEN_STATUSES).order_by(
        "answer_due_on"
    )
    people = CoCreator.objects.select_related("user").prefetch_related(
        Prefetch("sparring_requests", queryset=open_requests, to_attr="open_requests")
    )
    people = list(people)
    by_id = {person.pk: person for person in people}
    covering = defaultdict(list)  # stand-in id -> the open requests of those they cover for
    for entry in StandIn.objects.filter(starts_on__lte=today, ends_on__gte=today):
        covering[entry.stand_in_id].extend(by_id[entry.co_creator_id].open_requests)
    sent = 0
    for person in people:
        address = services._staff_address(person)
        open_requests = person.open_requests + covering[person.pk]
        if not open_requests or not address:
            continue
        overdue = [
            r
            for r in open_requests
            if r.first_answered_at is None and r.answer_due_on and r.answer_due_on < today
        ]
        try:
            services._mail(
                to=[address],
                language=STAFF_LANGUAGE,
                subject=gettext_lazy("Dine åbne anmodninger om sparring"),
                template="daily_digest.txt",
                context={"open": open_requests, "overdue": overdue, "inbox_url": inbox_url},
            )
        except (smtplib.SMTPException, OSError) as error:
            log_send_failure(logger, error, "Den daglige oversigt kunne ikke sendes til %s", person)
            continue
        sent += 1
    return sent


@task()
def clean_up() -> dict:
    """Deletes week-old unconfirmed requests and anonymises old closed ones."""
    try:
        return {
            "deleted_unconfirmed": services.purge_unconfirmed(),
            "anonymised": services.anonymise_old_closed(),
        }
    finally:
        ensure_scheduled()


RECURRING = [
    Recurring(send_daily_digest, daily(7, 30), "Daglig oversigt til fælles-skaberne"),
    Recurring(clean_up, daily(2, 0), "Sletning og anonymisering af anmodninger om sparring"),
]
