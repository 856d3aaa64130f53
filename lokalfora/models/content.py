"""What the forums publish: news and events."""

import uuid

from django.contrib.postgres.search import SearchVectorField
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from holbaek.text import LONG_TEXT
from lokalfora.models.forums import Forum


def news_image_path(post, filename: str) -> str:
    """A random name under the forum's folder; files are served only through a view."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"nyheder/{post.forum_id}/{uuid.uuid4().hex}.{extension}"


class NewsPostQuerySet(models.QuerySet):
    def published(self):
        return self.filter(published_at__isnull=False, published_at__lte=timezone.now())


class NewsPost(models.Model):
    """A news item from a forum to the people in its area."""

    forum = models.ForeignKey(
        Forum, on_delete=models.CASCADE, related_name="news", verbose_name=_("lokalforum")
    )
    title = models.CharField(_("overskrift"), max_length=150)
    summary = models.CharField(_("resumé"), max_length=300)
    body = models.TextField(
        _("tekst"), blank=True, max_length=LONG_TEXT, help_text=_("Du kan bruge Markdown.")
    )
    image = models.ImageField(_("billede"), upload_to=news_image_path, blank=True)
    image_alt = models.CharField(
        _("beskrivelse af billedet"),
        max_length=250,
        blank=True,
        help_text=_(
            "Alt-tekst til dem, der ikke kan se billedet. Skal udfyldes, når der er et billede."
        ),
    )
    published_at = models.DateTimeField(
        _("offentliggjort"), null=True, blank=True, help_text=_("Tom betyder kladde.")
    )
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("opdateret"), auto_now=True)
    # Kept by a PostgreSQL trigger (migration 0004), whatever writes the row; NULL on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = NewsPostQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["created_at", "updated_at", "search_vector"])

    class Meta:
        verbose_name = _("nyhed")
        verbose_name_plural = _("nyheder")
        ordering = ["-published_at", "-id"]
        indexes = [
            models.Index(fields=["-published_at"], name="news_published_idx"),
            # A forum's latest news (area pages, area feeds) without walking every forum's.
            models.Index(fields=["forum", "-published_at"], name="news_forum_published_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(image="") | ~Q(image_alt=""),
                name="news_image_has_alt_text",
                violation_error_message=_("Skriv en beskrivelse af billedet (alt-tekst)."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse(
            "lokalfora:news-detail", kwargs={"slug": self.forum.area.slug, "pk": self.pk}
        )

    @property
    def is_published(self) -> bool:
        return self.published_at is not None and self.published_at <= timezone.now()


class EventKind(models.TextChoices):
    DEBATE = "debate", _("debatmøde")
    COUNCIL_DIALOGUE = "council_dialogue", _("dialogmøde med kommunalbestyrelsen")
    FORUM_MEETING = "forum_meeting", _("lokalforummøde")
    EVENT = "event", _("arrangement")
    COMMITTEE_MEETING = "committee_meeting", _("udvalgsmøde")
    EFFORT_MILESTONE = "effort_milestone", _("særlig indsats")


class EventOrigin(models.TextChoices):
    """Who keeps the event: the forum's editors, or another part of the portal that copies
    its own dates into the area's calendar (a committee meeting held in the area, a special
    effort's milestone). Only the forum's own events are edited by its editors."""

    FORUM = "", _("lokalforummet")
    COMMITTEE = "committee", _("Projektudvalget")
    EFFORT = "effort", _("en særlig indsats")


class EventQuerySet(models.QuerySet):
    def upcoming(self):
        return self.filter(ends_at__gte=timezone.now()).order_by("starts_at", "id")

    def past(self):
        return self.filter(ends_at__lt=timezone.now()).order_by("-starts_at", "-id")

    def between(self, start, end):
        """Events that overlap the period [start, end)."""
        return self.filter(starts_at__lt=end, ends_at__gte=start).order_by("starts_at", "id")


class Event(models.Model):
    """A meeting or event a forum holds: debates, dialogue meetings, forum meetings ..."""

    forum = models.ForeignKey(
        Forum, on_delete=models.CASCADE, related_name="events", verbose_name=_("lokalforum")
    )
    title = models.CharField(_("titel"), max_length=150)
    kind = models.CharField(_("type"), max_length=20, choices=EventKind.choices)
    starts_at = models.DateTimeField(_("starter"))
    ends_at = models.DateTimeField(_("slutter"))
    place = models.CharField(_("sted"), max_length=150, help_text=_("Fx Forsamlingshuset"))
    address = models.CharField(_("adresse"), max_length=200, blank=True)
    description = models.TextField(_("beskrivelse"), blank=True, max_length=4000)
    organiser = models.CharField(_("arrangør"), max_length=150, blank=True)
    signup_url = models.URLField(_("link til tilmelding"), blank=True)
    origin = models.CharField(_("oprettet af"), max_length=10, choices=EventOrigin.choices,
                              blank=True, default=EventOrigin.FORUM, editable=False)  # fmt: skip
    # Where an event kept elsewhere lives (the meeting's or the effort's page): a path.
    origin_path = models.CharField(max_length=200, blank=True, default="", editable=False)
    cancelled = models.BooleanField(_("aflyst"), default=False)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    # The feeds' Last-Modified, ETag and DTSTAMP: the last save, so identical data gives
    # identical bytes. queryset.update() does not set it: pass it along.
    updated_at = models.DateTimeField(_("opdateret"), auto_now=True)
    # Kept by a PostgreSQL trigger (migration 0004), whatever writes the row; NULL on SQLite.
    search_vector = SearchVectorField(null=True, editable=False)

    objects = EventQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["created_at", "updated_at", "search_vector"])

    class Meta:
        verbose_name = _("arrangement")
        verbose_name_plural = _("arrangementer")
        ordering = ["starts_at", "id"]
        indexes = [
            models.Index(fields=["starts_at"], name="event_starts_idx"),
            # "Upcoming" and "overlaps this month" are ends_at >= …: these find those rows
            # without walking every past event (the past grows, the future does not).
            models.Index(fields=["ends_at"], name="event_ends_idx"),
            models.Index(fields=["forum", "ends_at"], name="event_forum_ends_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(ends_at__gt=F("starts_at")),
                name="event_ends_after_start",
                violation_error_message=_("Arrangementet skal slutte, efter det er startet."),
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("lokalfora:event-detail", kwargs={"pk": self.pk})

    @property
    def uid(self) -> str:
        """Stable across edits, so calendars update the event instead of adding a copy."""
        return f"arrangement-{self.pk}@lokalportal.holbaek.dk"
