"""Personal data in the forums' history is kept only as long as staff have set.

Contact persons' old versions (names, e-mail addresses, phone numbers, and who
changed them) are deleted after `RetentionSettings.contact_history_months`;
the current version lives in the contact's own row. Editor invitations (an
e-mail address each) are deleted after `invitation_months`. Hearing answers are case
documents and stay, but their authors' e-mail addresses and addresses, and forums'
drafts never sent, go `hearing_contact_months` after the hearing's deadline.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from holbaek.dates import add_months
from lokalfora.models import (
    ContactPerson,
    EditorInvitation,
    HearingAttachment,
    HearingResponse,
    ResponseStatus,
    RetentionSettings,
)


def _months_ago(now, months: int) -> datetime.datetime:
    """The same moment `months` calendar months earlier, as a person counts them."""
    return add_months(now, -months)


@transaction.atomic
def retention_purge(*, now: datetime.datetime | None = None) -> dict:
    """Deletes what is older than staff keep it. Returns how many of each were deleted."""
    now = now or timezone.now()
    settings = RetentionSettings.current()
    history_cutoff = _months_ago(now, settings.contact_history_months)
    history, _by_model = ContactPerson.history.filter(history_date__lt=history_cutoff).delete()
    invitations, _by_model = EditorInvitation.objects.filter(
        created_at__lt=_months_ago(now, settings.invitation_months)
    ).delete()
    hearing_cutoff = _months_ago(now, settings.hearing_contact_months)
    old_answers = HearingResponse.objects.filter(hearing__deadline__lt=hearing_cutoff)
    old_drafts = old_answers.filter(status=ResponseStatus.DRAFT)
    for attachment in HearingAttachment.objects.filter(response__in=old_drafts):
        attachment.file.delete(save=False)
    drafts, _by_model = old_drafts.delete()
    addresses = old_answers.exclude(author_email="", address="").update(author_email="", address="")
    return {
        "contact_history": history,
        "invitations": invitations,
        "hearing_drafts": drafts,
        "hearing_addresses": addresses,
    }


@transaction.atomic
def retention_settings_update(*, data: dict) -> RetentionSettings:
    """Staff set how long personal data is kept (the one row; the next nightly purge applies it)."""
    settings = RetentionSettings.current()
    for field, value in data.items():
        setattr(settings, field, value)
    settings.full_clean()
    settings.save()
    return settings
