"""What happens to a request's personal data: erased on request, or after N months closed."""

import datetime

from django.db import transaction
from django.utils import timezone

from faelles_skabere.models import Attachment, Message, SparringRequest, SparringSettings, Status
from holbaek.dates import add_months

ANONYMOUS = "(anonymiseret)"


def _anonymise(queryset) -> int:
    """Clears the personal data and the thread; keeps area, topic, kind and the dates."""
    now = timezone.now()
    ids = list(queryset.values_list("pk", flat=True))
    for attachment in Attachment.objects.filter(message__request_id__in=ids):
        storage, name = attachment.file.storage, attachment.file.name
        transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
    Message.objects.filter(request_id__in=ids).delete()
    return SparringRequest.objects.filter(pk__in=ids).update(
        name=ANONYMOUS,
        email="",
        phone="",
        description=ANONYMOUS,
        routing_reason="",
        anonymised_at=now,
    )


@transaction.atomic
def sparring_request_erase(*, sparring_request: SparringRequest) -> None:
    """The requester asked for deletion: statistics stay, nothing personal does."""
    request = SparringRequest.objects.select_for_update().get(pk=sparring_request.pk)
    if request.status != Status.CLOSED:
        request.status = Status.CLOSED
        request.outcome = request.outcome or "other"
        request.closed_at = timezone.now()
        request.save(update_fields=["status", "outcome", "closed_at"])
    _anonymise(SparringRequest.objects.filter(pk=request.pk))


@transaction.atomic
def sparring_request_anonymise_old(*, now: datetime.datetime | None = None) -> int:
    """Closed requests older than the configured period lose their personal data."""
    now = now or timezone.now()
    months = SparringSettings.current().anonymise_after_months
    cutoff = add_months(now, -months)
    old = SparringRequest.objects.filter(
        status=Status.CLOSED, closed_at__lt=cutoff, anonymised_at__isnull=True
    )
    return _anonymise(old)
