import uuid

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import F, Prefetch, Q
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class LocalAreaQuerySet(models.QuerySet):
    def with_public_details(self):
        """Everything the area list and area page show, in a fixed number of queries."""
        return self.select_related("forum").prefetch_related(
            Prefetch(
                "population_figures",
                queryset=PopulationFigure.objects.order_by("-reference_date", "-id"),
            )
        )


class LocalArea(models.Model):
    """One of the municipality's 18 local areas (lokalområder)."""

    slug = models.SlugField(_("kortnavn i adressen"), max_length=60, unique=True)
    name = models.CharField(_("navn"), max_length=100, unique=True)
    aliases = models.JSONField(_("andre navne"), default=list, blank=True)
    main_town = models.CharField(_("hovedby"), max_length=100)
    localities = models.JSONField(_("byer, landsbyer og sogne"), default=list, blank=True)
    description = models.TextField(_("beskrivelse"), blank=True)
    is_holbaek_town = models.BooleanField(
        _("Holbæk By"),
        default=False,
        help_text=_(
            "Holbæk By er ikke med i de puljer, der er for de 17 lokalområder uden for byen."
        ),
    )

    objects = LocalAreaQuerySet.as_manager()

    class Meta:
        verbose_name = _("lokalområde")
        verbose_name_plural = _("lokalområder")
        ordering = ["-is_holbaek_town", "name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("lokalfora:area-detail", kwargs={"slug": self.slug})

    @property
    def current_population(self):
        """The newest population figure. Uses the prefetch when there is one."""
        figures = list(self.population_figures.all())
        return figures[0] if figures else None


class PopulationBasis(models.TextChoices):
    AREA = "area", _("hele lokalområdet")
    TOWN_ESTIMATE = "town_estimate", _("kun byen (skøn)")
    PARISH_ESTIMATE = "parish_estimate", _("sognet (skøn)")


class PopulationFigure(models.Model):
    """A population count for an area on a reference date, with its source."""

    area = models.ForeignKey(
        LocalArea,
        on_delete=models.CASCADE,
        related_name="population_figures",
        verbose_name=_("lokalområde"),
    )
    count = models.PositiveIntegerField(_("antal indbyggere"))
    reference_date = models.DateField(
        _("opgjort pr."), null=True, blank=True, help_text=_("Tom, hvis kilden ikke oplyser året.")
    )
    basis = models.CharField(_("grundlag"), max_length=20, choices=PopulationBasis.choices)
    source = models.TextField(_("kilde"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("befolkningstal")
        verbose_name_plural = _("befolkningstal")
        ordering = ["area", "-reference_date"]
        constraints = [
            models.UniqueConstraint(
                fields=["area", "reference_date"], name="population_one_figure_per_area_and_date"
            ),
            models.UniqueConstraint(
                fields=["area"],
                condition=Q(reference_date__isnull=True),
                name="population_one_undated_figure_per_area",
            ),
        ]

    def __str__(self):
        return f"{self.area}: {self.count}"

    @property
    def is_estimate(self):
        return self.basis != PopulationBasis.AREA


class LegalForm(models.TextChoices):
    ASSOCIATION = "association", _("egen forening med CVR-nummer")
    PART_OF_ASSOCIATION = "part_of_association", _("del af en forening")
    UNREGISTERED = "unregistered", _("ikke registreret som forening endnu")


class Forum(models.Model):
    """The local forum (lokalforum) of one area: open to all, run by volunteers."""

    area = models.OneToOneField(
        LocalArea, on_delete=models.PROTECT, related_name="forum", verbose_name=_("lokalområde")
    )
    name = models.CharField(_("navn"), max_length=150)
    description = models.TextField(_("om lokalforummet"), blank=True)
    legal_form = models.CharField(
        _("organisationsform"),
        max_length=30,
        choices=LegalForm.choices,
        default=LegalForm.UNREGISTERED,
    )
    cvr = models.CharField(
        _("CVR-nummer"),
        max_length=8,
        blank=True,
        validators=[RegexValidator(r"^[0-9]{8}$", _("Et CVR-nummer er 8 cifre."))],
    )
    website = models.URLField(_("hjemmeside"), blank=True)
    email = models.EmailField(_("fælles e-mailadresse"), blank=True)
    meetings = models.TextField(_("hvordan og hvornår I mødes"), blank=True)
    how_to_join = models.TextField(_("sådan er du med"), blank=True)
    updated_at = models.DateTimeField(_("opdateret"), auto_now=True)

    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        verbose_name = _("lokalforum")
        verbose_name_plural = _("lokalfora")
        ordering = ["area__name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(cvr="") | Q(cvr__regex=r"^[0-9]{8}$"),
                name="forum_cvr_eight_digits",
                violation_error_message=_("Et CVR-nummer er 8 cifre."),
            ),
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.legal_form == LegalForm.ASSOCIATION and not self.cvr:
            raise ValidationError(
                {"cvr": _("En forening med eget CVR-nummer skal skrive CVR-nummeret.")}
            )


class ContactPersonQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class ContactPerson(models.Model):
    """A person the municipality and others can contact about a forum.

    Every field is personal data: each is shown publicly only from the date
    the person consented to it; municipal staff always see them.
    """

    forum = models.ForeignKey(
        Forum, on_delete=models.CASCADE, related_name="contacts", verbose_name=_("lokalforum")
    )
    name = models.CharField(_("navn"), max_length=150)
    # The default is data, stored in Danish whatever language the editor uses.
    role = models.CharField(_("rolle i lokalforummet"), max_length=80, default="Kontaktperson")
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(
        _("telefon"),
        max_length=20,
        blank=True,
        validators=[
            RegexValidator(
                r"^\+?[0-9][0-9 ]{6,18}[0-9]$",
                _("Skriv telefonnummeret med cifre, fx 12 34 56 78."),
            )
        ],
    )
    name_public_since = models.DateField(_("samtykke til at vise navn"), null=True, blank=True)
    email_public_since = models.DateField(_("samtykke til at vise e-mail"), null=True, blank=True)
    phone_public_since = models.DateField(_("samtykke til at vise telefon"), null=True, blank=True)
    is_active = models.BooleanField(_("aktiv"), default=True)
    last_confirmed = models.DateField(_("senest bekræftet"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    objects = ContactPersonQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("kontaktperson")
        verbose_name_plural = _("kontaktpersoner")
        ordering = ["forum", "order", "name"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(email="") | ~Q(phone=""),
                name="contact_has_email_or_phone",
                violation_error_message=_(
                    "Skriv en e-mailadresse eller et telefonnummer, "
                    "så kommunen kan få fat i personen."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.role})"


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
    body = models.TextField(_("tekst"), blank=True, help_text=_("Du kan bruge Markdown."))
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

    objects = NewsPostQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["created_at", "updated_at"])

    class Meta:
        verbose_name = _("nyhed")
        verbose_name_plural = _("nyheder")
        ordering = ["-published_at", "-id"]
        indexes = [models.Index(fields=["-published_at"], name="news_published_idx")]
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


class ForumEditor(models.Model):
    """A volunteer who may edit one forum's page (object-level role)."""

    forum = models.ForeignKey(
        Forum, on_delete=models.CASCADE, related_name="editors", verbose_name=_("lokalforum")
    )
    user = models.ForeignKey(
        "holbaek.User",
        on_delete=models.CASCADE,
        related_name="forum_editorships",
        verbose_name=_("bruger"),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("forum-redaktør")
        verbose_name_plural = _("forum-redaktører")
        constraints = [
            models.UniqueConstraint(fields=["forum", "user"], name="forum_editor_unique"),
        ]

    def __str__(self):
        return f"{self.user} → {self.forum}"


class EventKind(models.TextChoices):
    DEBATE = "debate", _("debatmøde")
    COUNCIL_DIALOGUE = "council_dialogue", _("dialogmøde med kommunalbestyrelsen")
    FORUM_MEETING = "forum_meeting", _("lokalforummøde")
    EVENT = "event", _("arrangement")


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
    description = models.TextField(_("beskrivelse"), blank=True)
    organiser = models.CharField(_("arrangør"), max_length=150, blank=True)
    signup_url = models.URLField(_("link til tilmelding"), blank=True)
    created_at = models.DateTimeField(_("oprettet"), auto_now_add=True)

    objects = EventQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["created_at"])

    class Meta:
        verbose_name = _("arrangement")
        verbose_name_plural = _("arrangementer")
        ordering = ["starts_at", "id"]
        indexes = [models.Index(fields=["starts_at"], name="event_starts_idx")]
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


class EditorInvitation(models.Model):
    """An invitation to become editor of one forum, sent by e-mail as a signed link."""

    forum = models.ForeignKey(
        Forum, on_delete=models.CASCADE, related_name="invitations", verbose_name=_("lokalforum")
    )
    email = models.EmailField(_("e-mailadresse"))
    invited_by = models.ForeignKey(
        "holbaek.User",
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
        verbose_name=_("inviteret af"),
    )
    created_at = models.DateTimeField(_("sendt"), auto_now_add=True)
    accepted_at = models.DateTimeField(_("accepteret"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        "holbaek.User",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("accepteret af"),
    )

    class Meta:
        verbose_name = _("invitation til redaktør")
        verbose_name_plural = _("invitationer til redaktører")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.email} → {self.forum}"


class SubscriptionQuerySet(models.QuerySet):
    def confirmed(self):
        return self.filter(confirmed_at__isnull=False)


class Subscription(models.Model):
    """Someone who follows an area's news and events by e-mail (double opt-in).

    The address is personal data: it is used only for the area's mails, an
    unconfirmed subscription is deleted after a week, and unsubscribing deletes
    the row (no history is kept).
    """

    area = models.ForeignKey(
        LocalArea,
        on_delete=models.CASCADE,
        related_name="subscriptions",
        verbose_name=_("lokalområde"),
    )
    email = models.EmailField(_("e-mailadresse"))
    created_at = models.DateTimeField(_("tilmeldt"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("bekræftet"), null=True, blank=True)
    last_digest_at = models.DateTimeField(_("seneste nyhedsbrev"), null=True, blank=True)

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


class RetentionSettings(models.Model):
    """How long the forums' personal data is kept. One row (pk 1); staff set it in the admin."""

    contact_history_months = models.PositiveSmallIntegerField(
        _("gem ændringshistorik for kontaktpersoner i (måneder)"),
        default=24,
        validators=[MinValueValidator(1), MaxValueValidator(120)],
        help_text=_(
            "Ældre versioner af kontaktpersoner (navn, e-mail, telefon) og fjernede "
            "kontaktpersoners historik slettes derefter."
        ),
    )
    invitation_months = models.PositiveSmallIntegerField(
        _("gem invitationer til redaktører i (måneder)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
    )

    class Meta:
        verbose_name = _("opbevaring af personoplysninger")
        verbose_name_plural = _("opbevaring af personoplysninger")
        constraints = [models.CheckConstraint(condition=Q(pk=1), name="retention_settings_single")]

    def __str__(self):
        return str(_("Opbevaring af personoplysninger"))

    @classmethod
    def current(cls) -> "RetentionSettings":
        settings, _created = cls.objects.get_or_create(pk=1)
        return settings
