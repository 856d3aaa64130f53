"""Sending queued newsletters in batches, and forgetting their addresses later.

Each batch of a run claims up to `batch_size` waiting rows (SELECT ... FOR UPDATE SKIP
LOCKED, so two workers never take the same row), marks them "sending" and COMMITS before
any mail goes. After the mail server's answer each row becomes "sent" or "failed"
(refused for good). A row whose mail was never handed to the server (the server down, the
mails not built, the connection broken on an earlier mail) or refused for now (SMTP 4xx,
for RETRY_FOR after the newsletter was queued) waits again; a row whose mail was being
handed over when the connection broke is "unknown". A crash between claim and answer
leaves rows "sending": they are never taken again, and after STALE_AFTER they are marked
"unknown" (perhaps sent, perhaps not). So a restart never mails an address twice; the
price is that a crash may leave a few addresses without the newsletter, which the log
shows. A newsletter with no row waiting or being sent is "sent".
"""

import datetime
import logging
import time

from django.db import transaction
from django.utils import timezone

from holbaek.dates import add_months
from projektudvalg import newsletter_delivery as delivery
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
BUDGET = 240  # seconds a run sends for (the task runs every 5 minutes)
RETRY_FOR = datetime.timedelta(hours=24)  # a temporary refusal is retried this long
UNFINISHED = (RecipientStatus.PENDING, RecipientStatus.SENDING)

logger = logging.getLogger(__name__)


def _claim(batch_size: int, now, tried: set[int]) -> list[NewsletterRecipient]:
    """Takes the next waiting rows for this run (not those it `tried` already), committed
    as "sending" on return."""
    with transaction.atomic():
        rows = list(
            NewsletterRecipient.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(status=RecipientStatus.PENDING, newsletter__status=NewsletterStatus.QUEUED)
            .exclude(pk__in=tried)
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


def _messages(rows: list[NewsletterRecipient]) -> list:
    names = reason_names()
    newsletters = Newsletter.objects.in_bulk({row.newsletter_id for row in rows})
    editions = {pk: newsletter_mails.edition(item, names) for pk, item in newsletters.items()}
    return [
        newsletter_mails.newsletter_message(
            edition=editions[row.newsletter_id],
            email=row.email,
            area_id=row.area_id,
            topic_id=row.topic_id,
            codes=row.reasons,
        )
        for row in rows
    ]


def _record(rows, outcomes, now) -> dict[str, int]:
    """Each row's status from its mail's outcome; those not taken by the server wait again
    (a temporary refusal only while its newsletter is younger than RETRY_FOR)."""
    by_outcome = {}
    for row, outcome in zip(rows, outcomes, strict=True):
        by_outcome.setdefault(outcome, []).append(row.pk)
    sending = NewsletterRecipient.objects.filter(status=RecipientStatus.SENDING)
    back = sending.filter(pk__in=by_outcome.get(delivery.NOT_HANDED, []))
    back.update(status=RecipientStatus.PENDING, claimed_at=None)
    temporary = sending.filter(pk__in=by_outcome.get(delivery.TEMPORARY, []))
    temporary.filter(newsletter__queued_at__gte=now - RETRY_FOR).update(
        status=RecipientStatus.PENDING, claimed_at=None
    )
    temporary.update(status=RecipientStatus.FAILED)  # those left: retried long enough
    sending.filter(pk__in=by_outcome.get(delivery.SENT, [])).update(
        status=RecipientStatus.SENT, sent_at=now
    )
    sending.filter(pk__in=by_outcome.get(delivery.REFUSED, [])).update(
        status=RecipientStatus.FAILED
    )
    sending.filter(pk__in=by_outcome.get(delivery.MAYBE, [])).update(status=RecipientStatus.UNKNOWN)
    return {outcome: len(pks) for outcome, pks in by_outcome.items()}


def _send(rows: list[NewsletterRecipient], now) -> dict[str, int]:
    """Sends the claimed rows. If their mails cannot be built, none went: the rows wait
    again (and the error is raised)."""
    try:
        messages = _messages(rows)
    except Exception:
        _record(rows, [delivery.NOT_HANDED] * len(rows), now)
        raise
    return _record(rows, delivery.deliver_each(messages), now)


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


def newsletters_send_batch(
    *, batch_size: int = BATCH_SIZE, budget=BUDGET, batches: int | None = None, now=None
) -> dict:
    """One run of the sending task: batch after batch until nothing waits, the server
    stops taking mail, `budget` (seconds) is used or `batches` batches went. Not atomic
    on purpose: each claim commits before its mails go (see the module's docstring)."""
    now = now or timezone.now()
    started = time.monotonic()
    unknown = _mark_stale(now)
    done = {"sent": 0, "failed": 0, "unknown": unknown}
    tried = set()
    count = 0
    while time.monotonic() - started < budget and (batches is None or count < batches):
        count += 1
        rows = _claim(batch_size, now, tried)
        if not rows:
            break
        tried.update(row.pk for row in rows)
        outcomes = _send(rows, now)
        done["sent"] += outcomes.get(delivery.SENT, 0)
        done["failed"] += outcomes.get(delivery.REFUSED, 0)
        done["unknown"] += outcomes.get(delivery.MAYBE, 0)
        if not outcomes.get(delivery.SENT):
            break  # the server takes nothing now: the next run tries again
    if done["failed"]:
        logger.warning("Nyhedsbreve: %s mails kunne ikke sendes", done["failed"])
    return done | {"finished": _finish(now)}


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
