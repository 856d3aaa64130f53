"""Background work for sparring, run by the database-backed task worker."""

import logging
import smtplib

from django.tasks import task
from django.utils import timezone

from faelles_skabere import mails
from faelles_skabere.selectors.sparring import open_requests_by_person
from faelles_skabere.services.sparring_privacy import sparring_request_anonymise_old
from faelles_skabere.services.sparring_requests import sparring_request_purge_unconfirmed
from faelles_skabere.workdays import is_working_day
from holbaek.logfilters import log_send_failure
from holbaek.schedule import Recurring, daily, ensure_scheduled

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
    sent = 0
    for person, open_requests in open_requests_by_person(today):
        address = mails.staff_address(person)
        if not open_requests or not address:
            continue
        overdue = [
            r
            for r in open_requests
            if r.first_answered_at is None and r.answer_due_on and r.answer_due_on < today
        ]
        try:
            mails.daily_digest(address=address, open_requests=open_requests, overdue=overdue)
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
            "deleted_unconfirmed": sparring_request_purge_unconfirmed(),
            "anonymised": sparring_request_anonymise_old(),
        }
    finally:
        ensure_scheduled()


RECURRING = [
    Recurring(send_daily_digest, daily(7, 30), "Daglig oversigt til fælles-skaberne"),
    Recurring(clean_up, daily(2, 0), "Sletning og anonymisering af anmodninger om sparring"),
]
