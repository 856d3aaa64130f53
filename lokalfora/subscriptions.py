"""Following an area by e-mail: double opt-in, confirmation and unsubscribe.

Nobody can sign up someone else: a subscription counts only once the address
has been confirmed through a signed link mailed to it, valid for
CONFIRM_DAYS days. Unconfirmed subscriptions are deleted after that.
"""

import datetime
import logging
import smtplib

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from holbaek import mail
from holbaek.links import absolute_url
from holbaek.logfilters import log_send_failure
from holbaek.tokens import LinkError
from lokalfora import follow_tokens
from lokalfora.mailing import unsubscribe_headers, unsubscribe_url
from lokalfora.models import LocalArea, Subscription

CONFIRM_DAYS = 7
RESEND_AFTER = datetime.timedelta(minutes=10)

logger = logging.getLogger(__name__)


class SendFailed(Exception):
    """The confirmation mail could not be handed to the mail server."""


def normalise(email: str) -> str:
    return email.strip().lower()


def confirm_token(subscription: Subscription) -> str:
    return follow_tokens.confirm_token(subscription)


def unsubscribe_link(subscription: Subscription) -> str:
    """The one-click link that ends this one subscription, from the first mail on."""
    return unsubscribe_url([subscription], everything=False)


def subscribe(*, area: LocalArea, email: str) -> Subscription:
    """Registers the wish to follow the area and mails the confirmation link.

    The answer is the same whether or not the address already follows the area,
    so the form does not reveal who follows what. A confirmation mail is sent at
    most once per RESEND_AFTER for the same address and area.
    """
    email = normalise(email)
    try:
        with transaction.atomic():
            subscription, created = Subscription.objects.get_or_create(
                area=area, email=email, defaults={"email_hash": follow_tokens.address_hash(email)}
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
    link = absolute_url(
        reverse("lokalfora:follow-confirm", kwargs={"token": confirm_token(subscription)})
    )
    unsubscribe = unsubscribe_link(subscription)
    mail.send(
        to=[subscription.email],
        subject=gettext_lazy("Bekræft, at du vil følge %(area)s"),
        subject_params={"area": subscription.area.name},
        template="lokalfora/email/follow_confirm.txt",
        context={
            "area": subscription.area,
            "link": link,
            "days": CONFIRM_DAYS,
            "unsubscribe": unsubscribe,
        },
        headers={**unsubscribe_headers(unsubscribe), "Auto-Submitted": "auto-generated"},
    )


def subscription_for_token(token: str) -> Subscription:
    """The unconfirmed or confirmed subscription the link is for, or LinkError."""
    pk, hashed = follow_tokens.read_confirm_token(
        token, max_age=datetime.timedelta(days=CONFIRM_DAYS)
    )
    subscription = Subscription.objects.select_related("area").filter(pk=pk).first()
    # Deleted by the clean-up or unsubscribed since.
    if subscription is None or not follow_tokens.is_for(subscription, hashed):
        raise LinkError("expired")
    return subscription


@transaction.atomic
def confirm(*, token: str) -> Subscription:
    subscription = subscription_for_token(token)
    if subscription.confirmed_at is None:
        subscription.confirmed_at = timezone.now()
        subscription.save(update_fields=["confirmed_at"])
    return subscription


def unsubscription_for_token(token: str) -> tuple[str | None, int | None, LocalArea | None]:
    """The address, area id (None: all areas) and area an unsubscribe link is for.

    The address is None when it follows nothing the link is for (already unsubscribed).
    The address is found through the rows the link names or, once they are gone,
    through the address hash: a "stop all" link works after one area was left.
    """
    ids, area_id, hashed = follow_tokens.read_unsubscribe_token(token)
    named = Subscription.objects.filter(Q(pk__in=ids) | Q(email_hash=hashed)).order_by("pk")
    if area_id is not None:
        named = named.filter(area_id=area_id)
    email = next((s.email for s in named if follow_tokens.is_for(s, hashed)), None)
    area = LocalArea.objects.filter(pk=area_id).first() if area_id else None
    return email, area_id, area


@transaction.atomic
def unsubscribe(*, token: str) -> tuple[str | None, LocalArea | None, int]:
    """Deletes the address's subscription to the area (or to all areas). Idempotent."""
    email, area_id, area = unsubscription_for_token(token)
    if email is None:
        return None, area, 0
    subscriptions = Subscription.objects.filter(email=email)
    if area_id is not None:
        subscriptions = subscriptions.filter(area_id=area_id)
    count, _by_model = subscriptions.delete()
    return email, area, count


def purge_unconfirmed() -> int:
    """Deletes subscriptions never confirmed within CONFIRM_DAYS. Returns how many."""
    cutoff = timezone.now() - datetime.timedelta(days=CONFIRM_DAYS)
    count, _by_model = Subscription.objects.filter(
        confirmed_at__isnull=True, created_at__lt=cutoff
    ).delete()
    return count
