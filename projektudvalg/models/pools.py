"""Pools, their criteria and rounds. The rules' thresholds are data on the pool."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from holbaek.text import PAGE_TEXT, SHORT_TEXT

MONEY = {"max_digits": 12, "decimal_places": 2, "validators": [MinValueValidator(Decimal(0))]}
SHARE = {
    "max_digits": 5,
    "decimal_places": 4,
    "validators": [MinValueValidator(Decimal(0)), MaxValueValidator(Decimal(1))],
}


class RuleSet(models.TextChoices):
    """Which eligibility rules (projektudvalg/eligibility.py) and form a pool uses."""

    COMMUNITY = "community", _("Rum til fællesskab: projekter i lokalområdet")
    VILLAGE_RENEWAL = "village_renewal", _("Landsbyfornyelse: bygninger")


class ApplicantType(models.TextChoices):
    LOCAL_FORUM = "local_forum", _("Lokalforum")
    ASSOCIATION = "association", _("Forening")
    SELF_ORGANISED = "self_organised", _("Selvorganiseret gruppe")
    USER_COUNCIL = "user_council", _("Brugerråd")
    INSTITUTION_BOARD = "institution_board", _("Bestyrelse i en kommunal institution")
    OWNER = "owner", _("Ejer af bygningen")


# Addresses under /puljer/ that a pool's slug would hide.
RESERVED_SLUGS = frozenset({"behandling", "bevillinger", "moeder", "eksport", "runder"})


def not_reserved(slug: str) -> None:
    if slug in RESERVED_SLUGS:
        raise ValidationError(_("»%(slug)s« bruges af portalen. Vælg et andet kortnavn."),
                              params={"slug": slug})  # fmt: skip


class GrantPoolQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)


class GrantPool(models.Model):
    """A pool the committee grants project money from. Pools are data, not code."""

    slug = models.SlugField(
        _("kortnavn i adressen"), max_length=60, unique=True, validators=[not_reserved]
    )
    code = models.CharField(
        _("forkortelse i journalnumre"),
        max_length=6,
        unique=True,
        help_text=_("Fx RTF: ansøgningerne får numre som RTF-2026-0001."),
    )
    name = models.CharField(_("navn"), max_length=100, unique=True)
    summary = models.CharField(_("kort fortalt"), max_length=300)
    purpose = models.TextField(_("formål"), max_length=PAGE_TEXT)
    who_may_apply = models.TextField(_("hvem kan søge"), max_length=PAGE_TEXT)
    criteria = models.TextField(_("kriterier"), blank=True, max_length=PAGE_TEXT)
    rules = models.TextField(
        _("regler for beløb og medfinansiering"), blank=True, max_length=PAGE_TEXT
    )
    contact_email = models.EmailField(_("kontakt"), blank=True)
    rules_source = models.TextField(_("kilde til reglerne"), blank=True, max_length=SHORT_TEXT)
    is_active = models.BooleanField(_("aktiv"), default=True)

    rule_set = models.CharField(_("regelsæt"), max_length=20, choices=RuleSet.choices)
    allowed_applicant_types = models.JSONField(
        _("hvem kan søge (typer)"),
        default=list,
        help_text=_("Ansøgertyper, der kan søge puljen."),
    )
    # Rum til fællesskab
    min_amount = models.DecimalField(
        _("mindste ansøgte beløb (kr.)"), null=True, blank=True, **MONEY
    )
    cofinancing_from = models.DecimalField(
        _("egenfinansiering kræves fra ansøgt beløb (kr.)"), null=True, blank=True, **MONEY
    )
    cofinancing_share = models.DecimalField(
        _("egenfinansiering mindst (andel af projektets samlede beløb)"),
        null=True,
        blank=True,
        **SHARE,
    )
    cash_share = models.DecimalField(
        _("kontanter mindst (andel af egenfinansieringen)"), null=True, blank=True, **SHARE
    )
    volunteer_hour_rate = models.DecimalField(
        _("frivillig time tæller med (kr.)"), null=True, blank=True, **MONEY
    )
    # Landsbyfornyelse
    built_before = models.PositiveSmallIntegerField(
        _("bygningen skal være opført før år"), null=True, blank=True
    )
    town_population_below = models.PositiveIntegerField(
        _("byen skal have færre indbyggere end"), null=True, blank=True
    )
    own_share = models.DecimalField(
        _("forventet egenbetaling (andel)"), null=True, blank=True, **SHARE
    )
    payout_after_accounts = models.BooleanField(
        _("udbetales først, når arbejdet er færdigt og regnskabet modtaget"), default=False
    )

    objects = GrantPoolQuerySet.as_manager()

    class Meta:
        verbose_name = _("pulje")
        verbose_name_plural = _("puljer")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("projektudvalg:pool-detail", kwargs={"slug": self.slug})


class PoolCriterion(models.Model):
    """A criterion applicants choose and reviewers score (0-5)."""

    pool = models.ForeignKey(GrantPool, on_delete=models.CASCADE, related_name="criteria_list")
    name = models.CharField(_("kriterium"), max_length=150)
    description = models.TextField(_("forklaring"), blank=True, max_length=SHORT_TEXT)
    order = models.PositiveSmallIntegerField(_("rækkefølge"), default=0)
    is_active = models.BooleanField(_("aktivt"), default=True)

    class Meta:
        verbose_name = _("kriterium")
        verbose_name_plural = _("kriterier")
        ordering = ["pool", "order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["pool", "name"], name="criterion_unique_name"),
        ]

    def __str__(self):
        return self.name


def end_of_day(day: datetime.date) -> datetime.datetime:
    """The last moment of the day in Danish time (summer or winter time, whichever applies):
    a submission at 23:59:59.9 is in time, one at midnight is not."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))


def round_dates_check(*, opens_at: datetime.datetime, deadline: datetime.datetime) -> None:
    """The rule on a round's dates (the database's round_deadline_after_opening), with its
    Danish message: the services enforce it, and the round form asks it too, to name it on
    the deadline's day together with any other error."""
    if deadline <= opens_at:
        raise ValidationError({"deadline": _("Fristen skal ligge efter åbningen.")})


class RoundQuerySet(models.QuerySet):
    def open_at(self, moment):
        return self.filter(opens_at__lte=moment, deadline__gte=moment)


class Round(models.Model):
    """An application round: opens, closes at its deadline, and has a budget it cannot exceed."""

    pool = models.ForeignKey(GrantPool, on_delete=models.PROTECT, related_name="rounds")
    name = models.CharField(_("navn"), max_length=100, help_text=_("Fx Efterår 2026."))
    opens_at = models.DateTimeField(_("åbner"))
    deadline = models.DateTimeField(
        _("ansøgningsfrist"), help_text=_("Som regel kl. 23.59 dansk tid på fristens dag.")
    )
    budget = models.DecimalField(_("budget (kr.)"), **MONEY)
    report_months = models.PositiveSmallIntegerField(
        _("slutrapport senest (måneder efter bevilling)"), default=12
    )

    objects = RoundQuerySet.as_manager()

    class Meta:
        verbose_name = _("ansøgningsrunde")
        verbose_name_plural = _("ansøgningsrunder")
        ordering = ["pool", "-deadline"]
        constraints = [
            models.CheckConstraint(
                condition=Q(deadline__gt=models.F("opens_at")), name="round_deadline_after_opening"
            ),
            models.UniqueConstraint(fields=["pool", "name"], name="round_unique_name"),
        ]

    def __str__(self):
        return f"{self.pool}: {self.name}"

    def is_open(self, moment=None) -> bool:
        moment = moment or timezone.now()
        return self.opens_at <= moment <= self.deadline
