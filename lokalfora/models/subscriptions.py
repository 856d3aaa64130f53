"""Following an area by e-mail."""

from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _

from lokalfora.models.areas import LocalArea
from lokalfora.models.topics import NewsTopic


class Frequency(models.TextChoices):
    """How often a follower is mailed about what is new in the area."""

    IMMEDIATELY = "immediately", _("med det samme")
    WEEKLY = "weekly", _("en gang om ugen")
    OFF = "off", _("aldrig (kun nyhedsbreve)")


# What one subscription can cover, each a choice of the follower: (field, label).
CONTENT_KINDS = (
    ("wants_forum_news", _("lokalforummets nyheder")),
    ("wants_municipal_news", _("kommunens nyheder om området")),
    ("wants_events", _("arrangementer og møder")),
    ("wants_hearings", _("høringer")),
    ("wants_decisions", _("udvalgets beslutninger")),
    ("wants_surveys", _("undersøgelser")),
)


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)


class Subscription(models.Model):
    """Someone who follows an area's news and events by e-mail (double opt-in).

    The address is personal data: it is used only for the area's mails, an
    unconfirmed subscription is deleted after a week, and unsubscribing deletes
    the row (no history is kept). `email_hash` is filled in by
    `services.subscriptions.subscription_create`.
    """

    area = models.ForeignKey(
        LocalArea,
        on_delete=models.CASCADE,
        related_name="subscriptions",
        verbose_name=_("lokalområde"),
    )
    email = models.EmailField(_("e-mailadresse"))
    # The keyed hash of the address that the mailed links carry (follow_tokens.address_hash),
    # so an "unsubscribe from all" link finds the address after the rows it names are gone.
    email_hash = models.CharField(max_length=24, db_index=True, editable=False, default="")
    created_at = models.DateTimeField(_("tilmeldt"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("bekræftet"), null=True, blank=True)
    last_digest_at = models.DateTimeField(_("seneste nyhedsbrev"), null=True, blank=True)
    # The follower's own choices (the preferences page the mails link to).
    frequency = models.CharField(
        _("hvor ofte"), max_length=12, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    wants_forum_news = models.BooleanField(_("lokalforummets nyheder"), default=True)
    wants_municipal_news = models.BooleanField(_("kommunens nyheder om området"), default=True)
    wants_events = models.BooleanField(_("arrangementer og møder"), default=True)
    wants_hearings = models.BooleanField(_("høringer"), default=True)
    wants_decisions = models.BooleanField(_("udvalgets beslutninger"), default=True)
    wants_surveys = models.BooleanField(_("undersøgelser"), default=True)
    # Topics the follower asked for: newsletters aimed at a topic reach only those who
    # chose it; the area's own mails are not filtered by topic.
    topics = models.ManyToManyField(
        NewsTopic, blank=True, related_name="subscriptions", verbose_name=_("emner")
    )

    objects = SubscriptionQuerySet.as_manager()

    class Meta:
        verbose_name = _("abonnement")
        verbose_name_plural = _("abonnementer")
        ordering = ["email", "area__name"]
        constraints = [
            models.UniqueConstraint(fields=["area", "email"], name="one_subscription_per_area"),
            models.CheckConstraint(
                condition=Q(email=Lower("email")), name="subscription_email_lowercase"
            ),
        ]
        indexes = [models.Index(fields=["email"], name="subscription_email_idx")]

    def __str__(self):
        return f"{self.email} → {self.area}"
