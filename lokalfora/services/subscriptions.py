"""Following an area by e-mail: double opt-in, confirmation and unsubscribe.

Nobody can sign up someone else: a subscription counts only once the address
has been confirmed through a signed link mailed to it, valid for
follow_tokens.CONFIRM_DAYS days. Unconfirmed subscriptions are deleted after that.
"""

import datetime
import logging
import smtplib

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from holbaek import mail
from holbaek.links import absolute_url
from holbaek.logfilters import log_send_failure
from lokalfora import follow_tokens
from lokalfora.mailing import preferences_url, unsubscribe_headers, unsubscribe_link
from lokalfora.models import Frequency, LocalArea, Subscription
from lokalfora.selectors.subscriptions import subscription_for_token, unsubscription_for_token

RESEND_AFTER = datetime.timedelta(minutes=10)

logger = logging.getLogger(__name__)


class SendFailed(Exception):
    """The confirmation mail could not be handed to the mail server."""


def _normalise(email: str) -> str:
    return email.strip().lower()


def subscription_create(
    *, area: LocalArea, email: str, frequency: str = Frequency.WEEKLY
) -> Subscription:
    """Registers the wish to follow the area and mails the confirmation link.

    `frequency` is the new follower's choice; an existing subscription keeps its own (it
    is changed only through the address's preferences link, never by a sign-up form).

    The answer is the same whether or not the address already follows the area,
    so the form does not reveal who follows what. A confirmation mail is sent at
    most once per RESEND_AFTER for the same address and area.

    Not atomic as a whole on purpose: the row is written in its own transaction
    before the mail is sent, so no transaction stays open while the mail server
    answers; a mail that cannot be sent deletes the row it was for.
    """
    email = _normalise(email)
    if frequency not in Frequency.values:
        raise ValueError(f"Unknown frequency {frequency!r}.")
    try:
        with transaction.atomic():
            subscription, created = Subscription.objects.get_or_create(
                area=area,
                email=email,
                defaults={"email_hash": follow_tokens.address_hash(email), "frequency": frequency},
            )
    except IntegrityError:  # the same address submitted twice at once
        subscription, created = Subscription.objects.get(area=area, email=email), False
    due = created or subscription.created_at < timezone.now() - RESEND_AFTER
    if subscription.confirmed_at is None and due:
        try:
            _send_confirmation(subscription)
        except (smtplib.SMTPException, OSError) as error:
            log_send_failure(
                logger, error, "Kunne ikke sende bekræftelse til en ny følger af %s", area
            )
            if created:
                subscription.delete()  # nothing was sent, so nothing waits to be confirmed
            raise SendFailed from error
        if not created:  # the resend window starts again only when a mail went out
            Subscription.objects.filter(pk=subscription.pk).update(created_at=timezone.now())
    return subscription


def _send_confirmation(subscription: Subscription) -> None:
    token = follow_tokens.confirm_token(subscription)
    link = absolute_url(reverse("lokalfora:follow-confirm", kwargs={"token": token}))
    unsubscribe = unsubscribe_link(subscription)
    mail.send(
        to=[subscription.email],
        subject=gettext_lazy("Bekræft, at du vil følge %(area)s"),
        subject_params={"area": subscription.area.name},
        template="lokalfora/email/follow_confirm.txt",
        context={
            "area": subscription.area,
            "link": link,
            "days": follow_tokens.CONFIRM_DAYS,
            "unsubscribe": unsubscribe,
            "preferences": preferences_url([subscription]),
        },
        headers={**unsubscribe_headers(unsubscribe), "Auto-Submitted": "auto-generated"},
    )


@transaction.atomic
def subscription_confirm(*, token: str) -> Subscription:
    """Confirms the subscription the link is for (LinkError if none). Idempotent."""
    subscription = subscription_for_token(token)
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


@transaction.atomic
def subscription_unsubscribe(*, token: str) -> tuple[str | None, LocalArea | None, int]:
    """Deletes the address's subscription to the area (or to all areas). Idempotent."""
    email, area_id, area = unsubscription_for_token(token)
    if email is None:
        return None, area, 0
    subscriptions = Subscription.objects.filter(email=email)
    if area_id is not None:
        subscriptions = subscriptions.filter(area_id=area_id)
    count, _by_model = subscriptions.delete()
    return email, area, count


@transaction.atomic
def subscription_delete(*, subscription: Subscription) -> None:
    """Staff delete a follower (in the admin); no history of the address is kept."""
    subscription.delete()


@transaction.atomic
def subscription_purge_unconfirmed(*, now: datetime.datetime | None = None) -> int:
    """Deletes subscriptions never confirmed within CONFIRM_DAYS. Returns how many."""
    cutoff = (now or timezone.now()) - datetime.timedelta(days=follow_tokens.CONFIRM_DAYS)
    count, _by_model = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return count
