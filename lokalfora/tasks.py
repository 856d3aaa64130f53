"""Background work for the forums and the grants, run by the database-backed task worker."""

from calendar import MONDAY

from django.tasks import task
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from holbaek import mail
from holbaek.links import absolute_url
from holbaek.schedule import Recurring, daily, ensure_scheduled, every, monthly, weekly
from lokalfora.models import Forum
from lokalfora.selectors.contacts import stale_contacts
from lokalfora.services.digest import weekly_digest_send
from lokalfora.services.digest_immediate import immediate_digest_send
from lokalfora.services.grant_followup import annual_accounts_remind_overdue
from lokalfora.services.hearing_invitations import reminders_send
from lokalfora.services.hearings import hearings_advance
from lokalfora.services.retention import retention_purge
from lokalfora.services.subscriptions import subscription_purge_unconfirmed


@task()
def send_confirmation_reminders() -> int:
    """Asks each forum with unconfirmed contact details to confirm them. Returns mails sent."""
    forum_ids = set(stale_contacts().values_list("forum_id", flat=True))
    forums = Forum.objects.filter(pk__in=forum_ids).select_related("area")
    forums = forums.prefetch_related("editors__user")
    sent = 0
    for forum in forums:
        recipients = [editor.user.email for editor in forum.editors.all()]
        if not recipients:
            continue  # staff see these on the overview page instead
        link = absolute_url(reverse("lokalfora:contact-list", kwargs={"slug": forum.area.slug}))
        mail.send(
            to=recipients,
            subject=_("Bekræft kontaktoplysningerne for %(name)s"),
            subject_params={"name": forum.name},
            body=_(
                "Hej\n\nEn gang om året beder vi lokalforaene bekræfte, at deres "
                "kontaktpersoner stadig er de rigtige. Gå ind på siden herunder, ret det, "
                "der er forkert, og tryk «Bekræft kontaktoplysninger».\n\n%(link)s\n\n"
                "Venlig hilsen\nHolbæk Kommune"
            ),
            body_params={"link": link},
        )
        sent += 1
    ensure_scheduled()
    return sent


@task()
def send_weekly_digest() -> dict:
    """The weekly mail to followers, after deleting subscriptions never confirmed."""
    purged = subscription_purge_unconfirmed()
    sent = weekly_digest_send()
    ensure_scheduled()
    return {"sent": sent, "purged_unconfirmed": purged}


@task()
def send_immediate_digest() -> int:
    """The mails to followers who chose "med det samme": what is new since their last one.
    Runs every quarter of an hour, so a news post published at 09:02 is mailed by 09:15."""
    try:
        return immediate_digest_send()
    finally:
        ensure_scheduled()


@task()
def purge_old_personal_data() -> dict:
    """Old contact-person versions and editor invitations, as long as staff have set."""
    result = retention_purge()
    ensure_scheduled()
    return result


@task()
def remind_overdue_accounts() -> int:
    """Forums paid a grant whose accounts are overdue get a reminder (at most every 14 days)."""
    try:
        return annual_accounts_remind_overdue()
    finally:
        ensure_scheduled()


@task()
def advance_hearings() -> dict:
    """Planned hearings that have started open (and invite their forums); open ones past
    the deadline close, and forums that did not react are marked so."""
    try:
        return hearings_advance()
    finally:
        ensure_scheduled()


@task()
def send_hearing_reminders() -> int:
    """Reminders to forums that have not answered, at the set days before the deadline.
    Runs every quarter of an hour, so a reminder set for 09:00 leaves by 09:15."""
    try:
        return reminders_send()
    finally:
        ensure_scheduled()


# Queued again after each run by holbaek.schedule (times are Danish wall-clock time).
RECURRING = [
    Recurring(
        send_weekly_digest, weekly(MONDAY, 7), "Ugentligt nyhedsbrev til dem, der følger et område"
    ),
    Recurring(
        send_immediate_digest, every(15), "E-mail med det samme til dem, der følger et område"
    ),
    Recurring(
        send_confirmation_reminders, monthly(1, 8), "Påmindelser om at bekræfte kontaktoplysninger"
    ),
    Recurring(purge_old_personal_data, daily(3, 0), "Sletning af gammel historik og invitationer"),
    Recurring(remind_overdue_accounts, weekly(MONDAY, 8), "Påmindelser om regnskab for tilskud"),
    Recurring(advance_hearings, every(5), "Høringer åbner og lukker til tiden"),
    Recurring(send_hearing_reminders, every(15), "Påmindelser om høringsfrister til lokalfora"),
]
