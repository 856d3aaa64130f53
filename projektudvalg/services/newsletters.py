"""Newsletters: staff write a draft, test it on themselves, and queue it for the segment's
recipients; the one-click unsubscribe. Every write locks the newsletter's row first.

Queueing freezes `selectors.newsletters.recipients` into NewsletterRecipient rows in one
transaction, and only if their number is the one the staff member saw in the preview
(`expected_count`): the preview's count IS the queued count. The sending itself is the
background task's (services/newsletter_sending.py), enqueued once the rows are committed.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from holbaek import mail
from lokalfora.models import ContactPerson, ForumEditor, LocalArea, NewsTopic, Subscription
from lokalfora.services.follow_preferences import subscription_end, topic_drop
from projektudvalg import newsletter_mails, newsletter_tasks
from projektudvalg import newsletter_tokens as tokens
from projektudvalg.models import (
    MunicipalNews,
    Newsletter,
    NewsletterOptOut,
    NewsletterRecipient,
    NewsletterStatus,
    OptOutRole,
    RecipientStatus,
)
from projektudvalg.selectors.newsletters import offered_items, recipients, recipients_digest

FIELDS = ("subject", "intro", "whole_municipality", "to_followers", "to_contacts", "to_editors")
NOT_DRAFT = _("Nyhedsbrevet er sat til afsendelse og kan ikke ændres.")


def _locked(newsletter: Newsletter) -> Newsletter:
    return Newsletter.objects.select_for_update().get(pk=newsletter.pk)


def _check_segment(data: dict, areas, efforts) -> None:
    errors = {}
    if not (data.get("subject") or "").strip():
        errors["subject"] = _("Skriv et emne.")
    area_roles = data["to_followers"] or data["to_contacts"] or data["to_editors"]
    if not area_roles and not efforts:
        errors["to_followers"] = _("Vælg mindst én modtagergruppe.")
    if area_roles and not (data["whole_municipality"] or areas):
        errors["areas"] = _("Vælg mindst ét lokalområde eller hele kommunen.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def newsletter_save(
    *, newsletter: Newsletter | None, by, data: dict, areas, topics, efforts, items
) -> Newsletter:
    """Creates a draft, or changes one; `data` has FIELDS. Only a draft is editable."""
    data = {name: data[name] for name in FIELDS}
    areas, topics, efforts, items = list(areas), list(topics), list(efforts), list(items)
    _check_segment(data, areas, efforts)
    if newsletter is None:
        newsletter = Newsletter(created_by=by)
    else:
        newsletter = _locked(newsletter)
        if newsletter.status != NewsletterStatus.DRAFT:
            raise ValidationError(NOT_DRAFT)
    allowed = set(offered_items(newsletter).values_list("pk", flat=True))
    if any(item.pk not in allowed for item in items):
        raise ValidationError({"items": _("Vælg publicerede nyheder fra listen.")})
    for name, value in data.items():
        setattr(newsletter, name, value.strip() if isinstance(value, str) else value)
    newsletter.full_clean(exclude=["created_by", "queued_by"])
    newsletter.save()
    newsletter.areas.set([] if newsletter.whole_municipality else areas)
    newsletter.topics.set(topics)
    newsletter.efforts.set(efforts)
    newsletter.items.set(items)
    return newsletter


@transaction.atomic
def newsletter_test_send(*, newsletter: Newsletter, to: str, now=None) -> bool:
    """Mails the newsletter, marked as a test, to `to` (the staff member's own address).
    No recipient row is made; the time is recorded. Returns whether it was sent."""
    newsletter = _locked(newsletter)
    if not to:
        raise ValidationError(_("Din konto har ingen e-mailadresse at sende prøven til."))
    message = newsletter_mails.trial_message(edition=newsletter_mails.edition(newsletter), to=to)
    sent = mail.send_each([message])[0]
    if sent:
        newsletter.last_test_at = now or timezone.now()
        newsletter.save(update_fields=["last_test_at", "updated_at"])
    return sent


@transaction.atomic
def newsletter_queue(
    *, newsletter: Newsletter, by, expected_count: int, expected_digest: str, now=None
) -> int:
    """Freezes the recipients into the send log and queues the sending, if they are the
    ones the staff member saw (their count and `recipients_digest`). Returns the count."""
    newsletter = _locked(newsletter)
    if newsletter.status != NewsletterStatus.DRAFT:
        raise ValidationError(_("Nyhedsbrevet er allerede sat til afsendelse."))
    if newsletter.items.exclude(pk__in=MunicipalNews.objects.published()).exists():
        raise ValidationError(_("En af de valgte nyheder er ikke længere publiceret."))
    found = recipients(newsletter)
    if not found:
        raise ValidationError(_("Nyhedsbrevet har ingen modtagere. Vælg et andet udsnit."))
    if len(found) != expected_count:
        raise ValidationError(
            _(
                "Antallet af modtagere har ændret sig til %(count)s, siden du så listen. "
                "Se listen igen, før du sender."
            )
            % {"count": len(found)}
        )
    if recipients_digest(found) != expected_digest:
        raise ValidationError(
            _("Modtagerlisten har ændret sig, siden du så den. Se listen igen, før du sender.")
        )
    NewsletterRecipient.objects.bulk_create(
        NewsletterRecipient(
            newsletter=newsletter,
            email=recipient.email,
            area=recipient.area,
            topic=recipient.topic,
            reasons=recipient.codes,
        )
        for recipient in found
    )
    newsletter.status = NewsletterStatus.QUEUED
    newsletter.queued_at, newsletter.queued_by = now or timezone.now(), by
    newsletter.save(update_fields=["status", "queued_at", "queued_by", "updated_at"])
    transaction.on_commit(newsletter_tasks.send_newsletters.enqueue)
    return len(found)


@transaction.atomic
def newsletter_cancel(*, newsletter: Newsletter, now=None) -> int:
    """Stops a queued newsletter: the rows not yet taken are marked not sent (the log keeps
    them); those being sent finish. Returns how many were stopped."""
    newsletter = _locked(newsletter)
    if newsletter.status != NewsletterStatus.QUEUED:
        raise ValidationError(_("Kun et nyhedsbrev, der er ved at blive sendt, kan stoppes."))
    stopped = newsletter.recipients.filter(status=RecipientStatus.PENDING).update(
        status=RecipientStatus.CANCELLED
    )
    newsletter.status = NewsletterStatus.CANCELLED
    newsletter.finished_at = now or timezone.now()
    newsletter.save(update_fields=["status", "finished_at", "updated_at"])
    return stopped


@transaction.atomic
def newsletter_opt_out_delete(*, opt_out: NewsletterOptOut) -> None:
    """Staff take an opt-out away (in the admin), e.g. when the person asks to be back."""
    opt_out.delete()


def _subscriptions(hashed: str, *, scan: bool, **filters) -> list[Subscription]:
    """The subscriptions of the address the hash is of: by the stored hash, which is final
    for a token made with the current key (a repeat click finds nothing and scans nothing);
    else (`scan`: made with a fallback key before a rotation) by comparing each candidate's
    address."""
    found = list(Subscription.objects.filter(email_hash=hashed, **filters))
    if found or not scan:
        return found
    candidates = Subscription.objects.filter(**filters).only("pk", "email", "area_id")
    return [row for row in candidates if tokens.matches(row.email, hashed)]


def _role_address(kind: int, area: LocalArea, hashed: str) -> str | None:
    if kind == tokens.CONTACT:
        addresses = ContactPerson.objects.filter(forum__area=area).exclude(email="")
        addresses = addresses.values_list("email", flat=True)
    else:
        addresses = ForumEditor.objects.filter(forum__area=area).values_list(
            "user__email", flat=True
        )
    return next((a.lower() for a in addresses if tokens.matches(a.lower(), hashed)), None)


@transaction.atomic
def newsletter_unsubscribe(*, token: str) -> tuple[int, LocalArea | NewsTopic]:
    """The one-click unsubscribe: ends what the token names, for its address only.
    Idempotent. Returns (kind, the area or topic). LinkError for a forged token; an area
    or topic that is gone is Http404's business (DoesNotExist)."""
    kind, pk, hashed = tokens.read(token)
    scan = not tokens.signed_with_current_key(token)
    if kind == tokens.TOPIC:
        topic = NewsTopic.objects.get(pk=pk)
        for email in {row.email for row in _subscriptions(hashed, scan=scan, topics=topic)}:
            topic_drop(email=email, topic=topic)
        return kind, topic
    area = LocalArea.objects.get(pk=pk)
    if kind == tokens.AREA:
        for subscription in _subscriptions(hashed, scan=scan, area=area):
            subscription_end(email=subscription.email, area=area)
        return kind, area
    email = _role_address(kind, area, hashed)
    if email is not None:
        role = OptOutRole.CONTACTS if kind == tokens.CONTACT else OptOutRole.EDITORS
        NewsletterOptOut.objects.get_or_create(email=email, area=area, role=role)
    return kind, area
