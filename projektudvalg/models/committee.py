"""The committee itself (Projektudvalget for Udvikling af Lokalområderne) and its members.

The committee has been renamed and re-formed (FACTS §4): each period is a row of its
own, linked to the one before. Members are public figures in their role; the portal
keeps no private contact data about them, only the committee's function mailbox.
"""

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from holbaek.text import SHORT_TEXT, TEXT


class CommitteeQuerySet(models.QuerySet):
    def current(self):
        """The committee now sitting: the newest one without a successor."""
        return self.filter(successor__isnull=True).order_by("-period_start", "-id").first()


class Committee(models.Model):
    name = models.CharField(_("navn"), max_length=150)
    short_name = models.CharField(_("forkortelse"), max_length=20, blank=True)
    slug = models.SlugField(_("kort navn i adressen"), max_length=60, unique=True)
    kind = models.CharField(
        _("type udvalg"),
        max_length=60,
        default="Projektudvalg",
        help_text=_("Fx projektudvalg eller stående udvalg."),
    )
    mandate_summary = models.TextField(
        _("kommissorium kort fortalt"),
        max_length=TEXT,
        blank=True,
        help_text=_("Hvad udvalget skal, i almindeligt dansk. Selve kommissoriet er et dokument."),
    )
    period_start = models.DateField(_("periode fra"))
    period_end = models.DateField(_("periode til"), null=True, blank=True)
    function_mailbox = models.EmailField(_("funktionspostkasse"), blank=True)
    predecessor = models.OneToOneField(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="successor",
        verbose_name=_("forgænger"),
    )
    official_url = models.URLField(_("udvalget i kommunens mødesystem"), blank=True)
    # Track 2: how many areas one special effort should cover (the policy says "2-4
    # lokalområder"; the published cases each covered one, so staff set the bounds).
    effort_min_areas = models.PositiveSmallIntegerField(
        _("mindst antal områder i en indsats"), default=2
    )
    effort_max_areas = models.PositiveSmallIntegerField(
        _("højst antal områder i en indsats"), default=4
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = CommitteeQuerySet.as_manager()

    class Meta:
        verbose_name = _("udvalg")
        verbose_name_plural = _("udvalg")
        ordering = ["-period_start", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__isnull=True) | Q(period_end__gte=F("period_start")),
                name="committee_period_in_order",
                violation_error_message=_("Perioden skal slutte efter, den er begyndt."),
            ),
            models.CheckConstraint(
                condition=Q(effort_min_areas__gte=1, effort_max_areas__gte=F("effort_min_areas")),
                name="committee_effort_bounds",
                violation_error_message=_(
                    "Mindste antal områder skal være mindst 1 og højst det største antal."
                ),
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("projektudvalg:committee")


class MemberRole(models.TextChoices):
    CHAIR = "chair", _("formand")
    VICE_CHAIR = "vice_chair", _("næstformand")
    MEMBER = "member", _("medlem")


class CommitteeMemberQuerySet(models.QuerySet):
    def on(self, day):
        """Members sitting on the day: from_date ≤ day ≤ to_date (an open end sits on)."""
        return self.filter(Q(to_date__isnull=True) | Q(to_date__gte=day), from_date__lte=day)

    def former(self, day):
        return self.filter(to_date__lt=day)


class CommitteeMember(models.Model):
    """A seat on the committee. `name` is the public figure's name in that role; reference
    and demo data use the role only ("Formand"), never a real person's name."""

    committee = models.ForeignKey(
        Committee, on_delete=models.CASCADE, related_name="members", verbose_name=_("udvalg")
    )
    name = models.CharField(_("navn"), max_length=150)
    role = models.CharField(
        _("rolle"), max_length=20, choices=MemberRole.choices, default=MemberRole.MEMBER
    )
    party = models.CharField(_("parti"), max_length=80, blank=True)
    member_kind = models.CharField(
        _("type medlem"),
        max_length=80,
        blank=True,
        help_text=_("Fx kommunalbestyrelsesmedlem eller borgerrepræsentant."),
    )
    bio = models.TextField(_("kort præsentation"), max_length=SHORT_TEXT, blank=True)
    from_date = models.DateField(_("medlem fra"))
    to_date = models.DateField(_("medlem til"), null=True, blank=True)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)

    objects = CommitteeMemberQuerySet.as_manager()

    class Meta:
        verbose_name = _("udvalgsmedlem")
        verbose_name_plural = _("udvalgsmedlemmer")
        ordering = ["committee", "order", "from_date", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(to_date__isnull=True) | Q(to_date__gte=F("from_date")),
                name="member_dates_in_order",
                violation_error_message=_("Medlemskabet skal slutte efter, det er begyndt."),
            ),
        ]

    def __str__(self):
        return f"{self.name} ({self.get_role_display()})"
