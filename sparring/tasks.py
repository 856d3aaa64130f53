"""Background work for sparring, run by the database-backed task worker."""

from django.conf import settings
from django.db.models import Prefetch
from django.tasks import task
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from faelles_skabere.models import CoCreator
from holbaek.schedule import Recurring, daily, ensure_scheduled
from sparring import services
from sparring.models import OPEN_STATUSES, SparringRequest


@task()
def send_daily_digest() -> int:
    """Each fælles-skaber with open requests gets one mail listing them, overdue ones first."""
    today = timezone.localdate()
    inbox_url = settings.SITE_URL.rstrip("/") + reverse("sparring:inbox")
    open_requests = SparringRequest.objects.filter(status__in=OPEN_STATUSES).order_by(
        "answer_due_on"
    )
    people = CoCreator.objects.select_related("user").prefetch_related(
        Prefetch("sparring_requests", queryset=open_requests, to_attr="open_requests")
    )
    sent = 0
    for person in people:
        open_requests = person.open_requests
        address = services._staff_address(person)
        if not open_requests or not address:
            continue
        overdue = [
            r
            for r in open_requests
            if r.first_answered_at is None and r.answer_due_on and r.answer_due_on < today
        ]
        services._mail(
            to=[address],
            subject=_("Dine åbne anmodninger om sparring"),
            template="daily_digest.txt",
            context={"open": open_requests, "overdue": overdue, "inbox_url": inbox_url},
        )
        sent += 1
    ensure_scheduled()
    return sent


@task()
def clean_up() -> dict:
    """Deletes week-old unconfirmed requests and anonymises old closed ones."""
    result = {
        "deleted_unconfirmed": services.purge_unconfirmed(),
        "anonymised": services.anonymise_old_closed(),
    }
    ensure_scheduled()
    return result


RECURRING = [
    Recurring(send_daily_digest, daily(7, 30), "Daglig oversigt til fælles-skaberne"),
    Recurring(clean_up, daily(2, 0), "Sletning og anonymisering af anmodninger om sparring"),
]
