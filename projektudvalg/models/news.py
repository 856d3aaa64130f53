"""Track 3: the municipality's news aimed at areas and topics, made with the forums.

The text, picture and alt-text rules are the forum news's (lokalfora.NewsPost): the
same fields, the same form mixin and the same picture check; only where an item is
aimed, who wrote it and its status are new. The status moves only through
`services.municipal_news` (one function per step); visibility is one rule,
`MunicipalNewsQuerySet.published()` and `MunicipalNews.is_published`, which every
page, feed, screen, search and mail asks.
"""

import uuid

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from holbaek.text import LONG_TEXT, PAGE_TEXT, SHORT_TEXT
from lokalfora.models import Forum, LocalArea, NewsPost, NewsTopic
from projektudvalg.models.efforts import SpecialEffort
from projektudvalg.models.meetings import AgendaItem


def municipal_news_image_path(item, filename: str) -> str:
    """A random name; files are served only through a view that checks the item."""
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else "bin"
    return f"kommunenyheder/{uuid.uuid4().hex}.{extension}"


class NewsStatus(models.TextChoices):
    DRAFT = "draft", _("kladde")
    PENDING = "pending", _("til godkendelse")
    PUBLISHED = "published", _("publiceret")
    ARCHIVED = "archived", _("arkiveret")
    REJECTED = "rejected", _("afvist")


class NewsOrigin(models.TextChoices):
    MUNICIPALITY = "municipality", _("kommunen")
    FORUM = "forum", _("et lokalforum")
    EFFORT = "effort", _("en særlig indsats")


class MunicipalNewsQuerySet(models.QuerySet):
    def published(self, now=None):
        """Public: published and its time has come (Danish time is stored as UTC)."""
        return self.filter(status=NewsStatus.PUBLISHED, publish_at__lte=now or timezone.now())

    def for_area(self, area):
        """Aimed at the area: the whole municipality, or the area among its targets."""
        return self.filter(Q(whole_municipality=True) | Q(areas=area)).distinct()


class MunicipalNews(models.Model):
    """A news item from the municipality, aimed at the whole municipality or some areas."""

    # The content: the forum news's fields and rules (lokalfora.NewsPost).
    title = models.CharField(_("overskrift"), max_length=150)
    summary = models.CharField(_("resumé"), max_length=300)
    body = models.TextField(
        _("tekst"), blank=True, max_length=PAGE_TEXT, help_text=_("Du kan bruge Markdown.")
    )
    easy_read = models.TextField(
        _("på let dansk"),
        blank=True,
        max_length=LONG_TEXT,
        help_text=_("Valgfri. Korte sætninger og almindelige ord. Du kan bruge Markdown."),
    )
    image = models.ImageField(_("billede"), upload_to=municipal_news_image_path, blank=True)
    image_alt = models.CharField(_("beskrivelse af billedet"), max_length=250, blank=True)
    # Where it is aimed.
    whole_municipality = models.BooleanField(_("hele kommunen"), default=False)
    areas = models.ManyToManyField(
        LocalArea, blank=True, related_name="municipal_news", verbose_name=_("lokalområder")
    )
    topics = models.ManyToManyField(
        NewsTopic, blank=True, related_name="municipal_news", verbose_name=_("emner")
    )
    # Who it comes from.
    origin = models.CharField(
        _("afsender"), max_length=12, choices=NewsOrigin.choices, default=NewsOrigin.MUNICIPALITY
    )
    origin_forum = models.ForeignKey(
        Forum, on_delete=models.PROTECT, null=True, blank=True, related_name="proposed_news",
        verbose_name=_("lokalforum"),
    )  # fmt: skip
    origin_effort = models.ForeignKey(
        SpecialEffort, on_delete=models.PROTECT, null=True, blank=True, related_name="news",
        verbose_name=_("særlig indsats"),
    )  # fmt: skip
    # The committee decision it reports ("Læs beslutningen"; the item lists "Nyheder om punktet").
    source_decision = models.ForeignKey(
        AgendaItem, on_delete=models.SET_NULL, null=True, blank=True, related_name="news",
        verbose_name=_("udvalgets beslutning"),
    )  # fmt: skip
    status = models.CharField(
        _("status"), max_length=10, choices=NewsStatus.choices, default=NewsStatus.DRAFT
    )
    publish_at = models.DateTimeField(
        _("offentliggøres"), null=True, blank=True, help_text=_("Dansk tid.")
    )
    rejection_reason = models.TextField(_("begrundelse for afvisning"), max_length=SHORT_TEXT,
                                        blank=True)  # fmt: skip
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+",
        editable=False,
    )  # fmt: skip
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)
    updated_at = models.DateTimeField(_("opdateret"), auto_now=True)

    objects = MunicipalNewsQuerySet.as_manager()

    class Meta:
        verbose_name = _("kommunal nyhed")
        verbose_name_plural = _("kommunale nyheder")
        ordering = ["-publish_at", "-id"]
        indexes = [
            models.Index(fields=["status", "-publish_at"], name="municipal_news_public_idx"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(image="") | ~Q(image_alt=""),
                name="municipal_news_image_has_alt_text",
                violation_error_message=_("Skriv en beskrivelse af billedet (alt-tekst)."),
            ),
            models.CheckConstraint(
                condition=Q(origin=NewsOrigin.FORUM, origin_forum__isnull=False)
                | (~Q(origin=NewsOrigin.FORUM) & Q(origin_forum__isnull=True)),
                name="municipal_news_forum_origin",
            ),
            models.CheckConstraint(
                condition=Q(origin=NewsOrigin.EFFORT, origin_effort__isnull=False)
                | (~Q(origin=NewsOrigin.EFFORT) & Q(origin_effort__isnull=True)),
                name="municipal_news_effort_origin",
            ),
            models.CheckConstraint(
                condition=~Q(status=NewsStatus.REJECTED) | ~Q(rejection_reason=""),
                name="municipal_news_rejection_has_reason",
                violation_error_message=_("Skriv, hvorfor nyheden er afvist."),
            ),
            models.CheckConstraint(
                condition=~Q(status__in=[NewsStatus.PUBLISHED, NewsStatus.ARCHIVED])
                | Q(publish_at__isnull=False),
                name="municipal_news_published_has_time",
            ),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("projektudvalg:municipal-news-detail", kwargs={"pk": self.pk})

    @property
    def is_published(self) -> bool:
        return (
            self.status == NewsStatus.PUBLISHED
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    @property
    def is_public(self) -> bool:
        """Its page answers the public: published, or archived (off the lists and feeds,
        but a link to it still works), once its time has come."""
        return (
            self.status in (NewsStatus.PUBLISHED, NewsStatus.ARCHIVED)
            and self.publish_at is not None
            and self.publish_at <= timezone.now()
        )

    @property
    def is_scheduled(self) -> bool:
        return self.status == NewsStatus.PUBLISHED and not self.is_published


class ShareDirection(models.TextChoices):
    PROPOSED = "proposed", _("foreslået af lokalforummet")
    OFFERED = "offered", _("tilbudt lokalforummet")


class ShareState(models.TextChoices):
    OPEN = "open", _("afventer")
    ACCEPTED = "accepted", _("taget med")
    PASSED = "passed", _("sprunget over")


class NewsForumShare(models.Model):
    """The cooperation with one forum about one item, in either direction.

    Proposed: the forum's editor wrote the item (origin forum) and waits for the
    municipality's editors. Offered: staff offered the item to the forum, which takes it
    into its own news (`post`, a copy the forum then owns) or lets it pass.
    """

    news = models.ForeignKey(MunicipalNews, on_delete=models.CASCADE, related_name="shares")
    forum = models.ForeignKey(Forum, on_delete=models.CASCADE, related_name="news_shares")
    direction = models.CharField(_("retning"), max_length=10, choices=ShareDirection.choices)
    state = models.CharField(
        _("status"), max_length=10, choices=ShareState.choices, default=ShareState.OPEN
    )
    post = models.OneToOneField(
        NewsPost, on_delete=models.SET_NULL, null=True, blank=True, related_name="municipal_share",
        verbose_name=_("lokalforummets nyhed"),
    )  # fmt: skip
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+",
    )  # fmt: skip
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("samarbejde om en nyhed")
        verbose_name_plural = _("samarbejder om nyheder")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.UniqueConstraint(fields=["news", "forum"], name="news_share_once_per_forum"),
            models.CheckConstraint(
                condition=Q(state=ShareState.OPEN) | Q(decided_at__isnull=False),
                name="news_share_decided_has_time",
            ),
            models.CheckConstraint(
                condition=Q(post__isnull=True) | Q(state=ShareState.ACCEPTED),
                name="news_share_post_only_when_accepted",
            ),
        ]

    def __str__(self):
        return f"{self.news} ↔ {self.forum}"


class NewsComment(models.Model):
    """One comment in the short thread between a forum and the municipality's editors."""

    share = models.ForeignKey(NewsForumShare, on_delete=models.CASCADE, related_name="comments")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    text = models.TextField(_("kommentar"), max_length=SHORT_TEXT)
    created_at = models.DateTimeField(_("skrevet"), auto_now_add=True)

    class Meta:
        verbose_name = _("kommentar til en nyhed")
        verbose_name_plural = _("kommentarer til nyheder")
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="news_comment_has_text"),
        ]

    def __str__(self):
        return f"{self.share}: {self.created_at:%Y-%m-%d}"


class NewsSharedIn(models.Model):
    """The share kit's record: staff shared the item in a Facebook group (or elsewhere)."""

    news = models.ForeignKey(MunicipalNews, on_delete=models.CASCADE, related_name="shared_in")
    group = models.CharField(_("gruppe eller kanal"), max_length=150,
                             help_text=_("Fx Regstrup Borgerforening på Facebook"))  # fmt: skip
    url = models.URLField(_("link til opslaget"), blank=True)
    shared_on = models.DateField(_("delt den"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("deling af en nyhed")
        verbose_name_plural = _("delinger af nyheder")
        ordering = ["-shared_on", "-id"]
        constraints = [
            models.CheckConstraint(condition=~Q(group=""), name="news_shared_in_has_group"),
        ]

    def __str__(self):
        return f"{self.news} → {self.group}"


class ScreenSettings(models.Model):
    """The info-screen pages' settings (one row, kept by staff in the admin)."""

    items = models.PositiveSmallIntegerField(
        _("antal nyheder på skærmen"), default=6,
        validators=[MinValueValidator(1), MaxValueValidator(12)],
        help_text=_("Mellem 1 og 12."),
    )  # fmt: skip
    seconds_per_item = models.PositiveSmallIntegerField(
        _("sekunder pr. nyhed"), default=15,
        validators=[MinValueValidator(5), MaxValueValidator(120)],
    )  # fmt: skip
    reload_minutes = models.PositiveSmallIntegerField(
        _("hent nyt indhold hvert (minutter)"), default=10,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
    )  # fmt: skip

    class Meta:
        verbose_name = _("indstillinger for infoskærme")
        verbose_name_plural = _("indstillinger for infoskærme")
        constraints = [
            models.CheckConstraint(condition=Q(items__gte=1, items__lte=12),
                                   name="screen_items_range"),
            models.CheckConstraint(condition=Q(seconds_per_item__gte=5, seconds_per_item__lte=120),
                                   name="screen_seconds_range"),
            models.CheckConstraint(condition=Q(reload_minutes__gte=1, reload_minutes__lte=120),
                                   name="screen_reload_range"),
        ]  # fmt: skip

    def __str__(self):
        return str(self._meta.verbose_name)

    @classmethod
    def current(cls) -> "ScreenSettings":
        return cls.objects.order_by("pk").first() or cls()
