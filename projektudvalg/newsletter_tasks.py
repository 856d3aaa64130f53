"""The newsletters' background work: sending in batches every few minutes (and at once
after a newsletter is queued), and the nightly blanking of old send logs' addresses.
Listed in projektudvalg/tasks.py RECURRING."""

from django.tasks import task

from holbaek.schedule import Recurring, daily, ensure_scheduled, every
from projektudvalg.services.newsletter_sending import newsletter_log_purge, newsletters_send_batch


@task()
def send_newsletters() -> dict:
    """Sends the next batch of every queued newsletter."""
    try:
        return newsletters_send_batch()
    finally:
        ensure_scheduled()


@task()
def purge_newsletter_logs() -> int:
    """Blanks the addresses of send logs older than staff keep them."""
    try:
        return newsletter_log_purge()
    finally:
        ensure_scheduled()


RECURRING = [
    Recurring(send_newsletters, every(5), "Afsendelse af nyhedsbreve i portioner"),
    Recurring(purge_newsletter_logs, daily(3, 30), "Sletning af adresser i gamle sendelogge"),
]
