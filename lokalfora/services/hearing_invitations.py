"""The forums a hearing asks: the invitation mail, the status each forum sets, and the
reminders before the deadline.

The invitation and the reminders go to every active contact person of the forum with an
e-mail address, and to nobody else (the contact persons are who the municipality can
always reach; editors are not necessarily contacts).
"""

import datetime
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from holbaek import mail
from holbaek.links import absolute_url
from holbaek.pagecache import content_changed
from lokalfora.models import (
    FINAL_INVITATION_STATUSES,
    ContactPerson,
    Hearing,
    HearingInvitation,
    HearingReminder,
    HearingSettings,
    HearingStatus,
    InvitationStatus,
)

# What a forum's contact persons may set themselves; "svar afgivet" comes with an answer.
FORUM_SETTABLE = (
    InvitationStatus.PROCESSING,
    InvitationStatus.NO_COMMENTS,
    InvitationStatus.DECLINED,
)


def recipients(forum) -> list[str]:
    """The addresses of the forum's active contact persons, each once."""
    seen, found = set(), []
    for email in (
        ContactPerson.objects.active()
        .filter(forum=forum)
        .exclude(email="")
        .values_list("email", flat=True)
    ):
        if email.lower() not in seen:
            seen.add(email.lower())
            found.append(email)
    return found


def _mail(invitation, template: str, subject, *, days_left: int | None = None):
    hearing = invitation.hearing
    path = reverse(
        "lokalfora:hearing-forum", kwargs={"pk": hearing.pk, "slug": invitation.forum.area.slug}
    )
    return mail.compose(
        to=recipients(invitation.forum),
        subject=subject,
        subject_params={"title": hearing.title},
        template=template,
        context={
            "hearing": hearing,
            "forum": invitation.forum,
            "link": absolute_url(path),
            "hearing_link": absolute_url(
                reverse("lokalfora:hearing-detail", kwargs={"pk": hearing.pk})
            ),
            "days_left": days_left,
        },
        reply_to=[hearing.contact_email],
    )


def invitation_send(*, invitation: HearingInvitation, now=None) -> bool:
    """Sends (or sends again) the invitation to the forum's contact persons. A forum
    without a contact with an e-mail gets none; staff see that on the matrix."""
    now = now or timezone.now()
    message = _mail(
        invitation,
        "lokalfora/hearings/email/invitation.txt",
        _("Høring: %(title)s"),
    )
    sent = bool(message.to) and mail.send_each([message])[0]
    if sent:
        invitation.sent_at = now
        invitation.save(update_fields=["sent_at"])
    return sent


@transaction.atomic
def invitation_resend(*, invitation: HearingInvitation, by, now=None) -> bool:
    if not invitation.hearing.accepts_answers(now):
        raise ValidationError(_("Høringen er lukket, så invitationen sendes ikke igen."))
    if not recipients(invitation.forum):
        raise ValidationError(
            _("Lokalforummet har ingen aktiv kontaktperson med en e-mailadresse.")
        )
    return invitation_send(invitation=invitation, now=now)


def invitation_mark_opened(*, invitation: HearingInvitation, now=None) -> None:
    """A contact person of the forum opened the hearing: inviteret → åbnet."""
    now = now or timezone.now()
    updated = HearingInvitation.objects.filter(
        pk=invitation.pk, status=InvitationStatus.INVITED, hearing__status=HearingStatus.OPEN
    ).update(status=InvitationStatus.OPENED, opened_at=now, status_changed_at=now)
    if updated:
        invitation.refresh_from_db()
        # update() sends no signal: the addressees' status on the public pages changed.
        content_changed("hearings", areas=invitation.hearing.areas.all())


@transaction.atomic
def invitation_set_status(
    *,
    invitation: HearingInvitation,
    status: str,
    by,
    internal_due_date: datetime.date | None = None,
    internal_note: str = "",
    decline_reason: str = "",
    now=None,
) -> HearingInvitation:
    """The forum says "vi svarer", "ingen bemærkninger" or "vi afstår"."""
    now = now or timezone.now()
    Hearing.objects.select_for_update().get(pk=invitation.hearing_id)  # the hearing first
    invitation = (
        HearingInvitation.objects.select_for_update(of=("self",))
        .select_related("hearing")
        .get(pk=invitation.pk)
    )
    if status not in FORUM_SETTABLE:
        raise ValueError(f"not a status a forum sets: {status}")
    if not invitation.hearing.accepts_answers(now):
        raise ValidationError(_("Høringen er lukket."))
    if invitation.status == InvitationStatus.ANSWERED:
        raise ValidationError(
            _("Lokalforummet har afgivet et svar. Træk svaret tilbage for at ændre status.")
        )
    invitation.status = status
    invitation.status_changed_at = now
    invitation.opened_at = invitation.opened_at or now
    invitation.internal_due_date = internal_due_date
    invitation.internal_note = internal_note
    invitation.decline_reason = decline_reason if status == InvitationStatus.DECLINED else ""
    invitation.full_clean()
    invitation.save()
    return invitation


def _local_due(deadline: datetime.datetime, days_before: int, hour: int) -> datetime.datetime:
    zone = ZoneInfo(settings.TIME_ZONE)
    day = timezone.localtime(deadline, zone).date() - datetime.timedelta(days=days_before)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour)), zone)


def _due_offset(invitation, offsets, hour, now) -> int | None:
    """The reminder now due for the invitation (days before its deadline), if any: the one
    nearest the deadline whose time has come, and never one from before the invitation."""
    for days_before in sorted(offsets):
        due = _local_due(invitation.hearing.deadline, days_before, hour)
        if due <= now:
            return days_before if due >= invitation.sent_at else None
    return None


def _remind(invitation, days_before, now) -> bool:
    """Remembers and sends one reminder; False if it was sent before (or could not go)."""
    deadline = invitation.hearing.deadline
    with transaction.atomic():
        reminder, created = HearingReminder.objects.get_or_create(
            invitation=invitation, days_before=days_before, deadline=deadline,
            defaults={"sent_at": now},
        )  # fmt: skip
        if not created:
            return False
        days_left = (timezone.localdate(deadline) - timezone.localdate(now)).days
        message = _mail(
            invitation,
            "lokalfora/hearings/email/reminder.txt",
            _("Påmindelse om høring: %(title)s"),
            days_left=days_left,
        )
        if not message.to or not mail.send_each([message])[0]:
            reminder.delete()  # tried again at the next run
            return False
    return True


def reminders_send(*, now=None) -> int:
    """Reminds every forum not yet in a final state of an open hearing, at each offset's
    time (e.g. 7 and 2 days before the deadline at 09:00 Danish time). Only the latest
    reminder that is due is sent, never one from before the invitation; a reminder is
    remembered per deadline, so running twice sends nothing twice and an extended
    deadline gets its own. Returns the number of mails sent."""
    now = now or timezone.now()
    hearing_settings = HearingSettings.current()
    invitations = (
        HearingInvitation.objects.filter(
            hearing__status=HearingStatus.OPEN,
            hearing__starts_at__lte=now,
            hearing__deadline__gt=now,
            sent_at__isnull=False,
        )
        .exclude(status__in=FINAL_INVITATION_STATUSES)
        .select_related("hearing", "forum__area")
    )
    sent = 0
    for invitation in invitations:
        days_before = _due_offset(
            invitation, hearing_settings.reminder_offsets(), hearing_settings.reminder_hour, now
        )
        if days_before is not None and _remind(invitation, days_before, now):
            sent += 1
    return sent
