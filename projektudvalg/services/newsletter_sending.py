"""Sending queued newsletters in batches, and forgetting their addresses later.

The task claims up to `batch_size` waiting rows (SELECT ... FOR UPDATE SKIP LOCKED, so two
workers never take the same row), marks them "sending" and COMMITS before any mail goes.
After the mail server's answer each row becomes "sent" or "failed". A crash between the
two leaves rows "sending": they are never taken again, and after STALE_AFTER they are
marked "unknown" (perhaps sent, perhaps not). So a restart never mails an address twice;
the price is that a crash may leave a few addresses without the newsletter, which the
log shows. A newsletter with no row waiting or being sent is "sent".
"""

import datetime
import logging

from django.db import transaction
from django.utils import timezone

from holbaek import mail
from holbaek.dates import add_months
from projektudvalg import newsletter_mails
from projektudvalg.models import (
    Newsletter,
    NewsletterRecipient,
    NewsletterSettings,
    NewsletterStatus,
    RecipientStatus,
)
from projektudvalg.selectors.newsletters import reason_names

STALE_AFTER = datetime.timedelta(hours=1)
BATCH_SIZE = 100
UNFINISHED = (RecipientStatus.PENDING, RecipientStatus.SENDING)

logger = logging.getLogger(__name__)


def _claim(batch_size: int, now) -> list[NewsletterRecipient]:
    """Takes the next waiting rows for this run, committed as "sending" on return."""
    with transaction.atomic():
        rows = list(
            NewsletterRecipient.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(status=RecipientStatus.PENDING, newsletter__status=NewsletterStatus.QUEUED)
            .order_by("pk")[:batch_size]
        )
        NewsletterRecipient.objects.filter(pk__in=[row.pk for row in rows]).update(
            status=RecipientStatus.SENDING, claimed_at=now
        )
    return rows


def _mark_stale(now) -> int:
    """Rows a crashed run left "sending": never sent again, marked "unknown"."""
    return NewsletterRecipient.objects.filter(
        status=RecipientStatus.SENDING, claimed_at__lt=now - STALE_AFTER
    ).update(status=RecipientStatus.UNKNOWN)


def _send(rows: list[NewsletterRecipient], now) -> tuple[int, int]:
    names = reason_names()
    newsletters = Newsletter.objects.in_bulk({row.newsletter_id for row in rows})
    editions = {pk: newsletter_mails.edition(item, names) for pk, item in newsletters.items()}
    messages = [
        newsletter_mails.newsletter_message(
            edition=editions[row.newsletter_id],
            email=row.email,
            area_id=row.area_id,
            topic_id=row.topic_id,
            codes=row.reasons,
        )
        for row in rows
    ]
    results = mail.send_each(messages)
    sent = [row.pk for row, ok in zip(rows, results, strict=True) if ok]
    failed = [row.pk for row, ok in zip(rows, results, strict=True) if not ok]
    sending = NewsletterRecipient.objects.filter(status=RecipientStatus.SENDING)
    sending.filter(pk__in=sent).update(status=RecipientStatus.SENT, sent_at=now)
    sending.filter(pk__in=failed).update(status=RecipientStatus.FAILED)
    return len(sent), len(failed)


def _finish(now) -> int:
    """Queued newsletters with nothing left to send become "sent"."""
    finished = 0
    for newsletter in Newsletter.objects.filter(status=NewsletterStatus.QUEUED):
        with transaction.atomic():
            locked = Newsletter.objects.select_for_update().get(pk=newsletter.pk)
            if locked.status != NewsletterStatus.QUEUED:
                continue
            if locked.recipients.filter(status__in=UNFINISHED).exists():
                continue
            locked.status, locked.finished_at = NewsletterStatus.SENT, now
            locked.save(update_fields=["status", "finished_at", "updated_at"])
            finished += 1
    return finished


def newsletters_send_batch(*, batch_size: int = BATCH_SIZE, now=None) -> dict:
    """One run of the sending task. Not atomic on purpose: the claim commits before the
    mails go (see the module's docstring). Returns what it did."""
    now = now or timezone.now()
    unknown = _mark_stale(now)
    rows = _claim(batch_size, now)
    sent, failed = _send(rows, now) if rows else (0, 0)
    if failed:
        logger.warning("Nyhedsbreve: %s mails kunne ikke sendes", failed)
    return {"sent": sent, "failed": failed, "unknown": unknown, "finished": _finish(now)}


@transaction.atomic
def newsletter_log_purge(*, now=None) -> int:
    """Blanks the addresses in the send logs of newsletters finished longer ago than staff
    keep them (NewsletterSettings.log_months); the rows and counts stay."""
    now = now or timezone.now()
    cutoff = add_months(now, -NewsletterSettings.current().log_months)
    return (
        NewsletterRecipient.objects.filter(
            newsletter__finished_at__lt=cutoff,
            newsletter__status__in=[NewsletterStatus.SENT, NewsletterStatus.CANCELLED],
        )
        .exclude(email="")
        .update(email="")
    )


@transaction.atomic
def newsletter_settings_update(*, data: dict) -> NewsletterSettings:
    """Staff set how long the send logs keep addresses (the next nightly run applies it)."""
    settings_row = NewsletterSettings.current()
    settings_row.log_months = data["log_months"]
    settings_row.full_clean()
    settings_row.save()
    return settings_row
