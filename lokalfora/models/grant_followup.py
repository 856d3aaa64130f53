"""After approval: the cooperation agreement, the payments and the forum's annual accounts."""

from decimal import Decimal

from django.core.validators import MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from holbaek.models import StoredFile
from holbaek.text import SHORT_TEXT
from lokalfora.models.areas import LocalArea
from lokalfora.models.grants import GrantScheme

CVR_VALIDATOR = RegexValidator(r"^[0-9]{8}$", _("Et CVR-nummer er 8 cifre."))


class CooperationAgreement(models.Model):
    """The forum's signed samarbejdsaftale for one year: no payment without it."""

    scheme = models.ForeignKey(
        GrantScheme, on_delete=models.PROTECT, related_name="agreements", verbose_name=_("år")
    )
    area = models.ForeignKey(
        LocalArea,
        on_delete=models.PROTECT,
        related_name="cooperation_agreements",
        verbose_name=_("lokalområde"),
    )
    signed_on = models.DateField(_("underskrevet"))
    note = models.CharField(_("bemærkning"), max_length=300, blank=True)
    registered_by = models.ForeignKey(
        "holbaek.User", on_delete=models.PROTECT, null=True, related_name="+"
    )
    registered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("samarbejdsaftale")
        verbose_name_plural = _("samarbejdsaftaler")
        ordering = ["scheme", "area__name"]
        constraints = [
            models.UniqueConstraint(fields=["scheme", "area"], name="agreement_one_per_year"),
        ]

    def __str__(self):
        return f"{self.area} {self.scheme.year}"


class GrantPayment(models.Model):
    """Money paid to the forum's NemKonto (through its CVR number) for one year's grant."""

    scheme = models.ForeignKey(
        GrantScheme, on_delete=models.PROTECT, related_name="payments", verbose_name=_("år")
    )
    area = models.ForeignKey(
        LocalArea,
        on_delete=models.PROTECT,
        related_name="grant_payments",
        verbose_name=_("lokalområde"),
    )
    paid_on = models.DateField(_("udbetalt"))
    amount = models.DecimalField(
        _("beløb (kr.)"),
        max_digits=12,
        decimal_places=2,
        validators=[MinValueValidator(Decimal("0.01"))],
    )
    # The forum's CVR number at the time of payment: the forum may change it later.
    cvr = models.CharField(_("CVR-nummer"), max_length=8, validators=[CVR_VALIDATOR])
    nemkonto_reference = models.CharField(_("NemKonto-reference"), max_length=35)
    registered_by = models.ForeignKey(
        "holbaek.User", on_delete=models.PROTECT, null=True, related_name="+"
    )
    registered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("udbetaling")
        verbose_name_plural = _("udbetalinger")
        ordering = ["scheme", "area__name", "paid_on", "id"]
        constraints = [
            models.CheckConstraint(condition=Q(amount__gt=0), name="payment_positive"),
            models.CheckConstraint(
                condition=Q(cvr__regex=r"^[0-9]{8}$"), name="payment_cvr_eight_digits"
            ),
            models.CheckConstraint(
                condition=~Q(nemkonto_reference=""), name="payment_has_reference"
            ),
            # The same payment registered twice (a double click) is refused.
            models.UniqueConstraint(
                fields=["scheme", "area", "nemkonto_reference"], name="payment_reference_once"
            ),
        ]

    def __str__(self):
        return f"{self.area} {self.scheme.year}: {self.amount} kr"


class AccountsStatus(models.TextChoices):
    SUBMITTED = "submitted", _("indsendt, afventer kommunen")
    ACCEPTED = "accepted", _("godkendt")
    RETURNED = "returned", _("sendt retur")


class AnnualAccounts(StoredFile):
    """The forum's accounts for one year's grant, with its declaration that no wages were paid."""

    UPLOAD_FOLDER = "tilskud"

    scheme = models.ForeignKey(
        GrantScheme, on_delete=models.PROTECT, related_name="accounts", verbose_name=_("år")
    )
    area = models.ForeignKey(
        LocalArea, on_delete=models.PROTECT, related_name="accounts", verbose_name=_("lokalområde")
    )
    no_wages = models.BooleanField(_("tilskuddet er ikke brugt til løn"))
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=AccountsStatus.choices,
        default=AccountsStatus.SUBMITTED,
    )
    uploaded_by = models.ForeignKey(
        "holbaek.User", on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(_("indsendt"), auto_now_add=True)
    reviewed_by = models.ForeignKey(
        "holbaek.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    reviewed_at = models.DateTimeField(_("behandlet"), null=True, blank=True)
    review_note = models.TextField(_("kommunens bemærkning"), blank=True, max_length=SHORT_TEXT)

    class Meta:
        verbose_name = _("regnskab")
        verbose_name_plural = _("regnskaber")
        ordering = ["scheme", "area__name", "-uploaded_at"]
        constraints = [
            models.CheckConstraint(condition=Q(no_wages=True), name="accounts_declare_no_wages"),
            # One set of accounts under review or accepted per area and year; returned
            # ones stay as history.
            models.UniqueConstraint(
                fields=["scheme", "area"],
                condition=~Q(status="returned"),
                name="accounts_one_live_per_year",
            ),
            models.CheckConstraint(
                condition=Q(status="submitted") | Q(reviewed_at__isnull=False),
                name="accounts_reviewed_when_decided",
            ),
        ]

    def __str__(self):
        return f"{self.area} {self.scheme.year}: {self.get_status_display()}"


class AccountsReminder(models.Model):
    """A reminder mailed to a forum whose accounts are overdue (so it is not mailed daily)."""

    scheme = models.ForeignKey(GrantScheme, on_delete=models.CASCADE, related_name="reminders")
    area = models.ForeignKey(LocalArea, on_delete=models.CASCADE, related_name="+")
    sent_at = models.DateTimeField(auto_now_add=True)
    recipients = models.PositiveSmallIntegerField(_("modtagere"))

    class Meta:
        verbose_name = _("påmindelse om regnskab")
        verbose_name_plural = _("påmindelser om regnskab")
        ordering = ["-sent_at"]

    def __str__(self):
        return f"{self.area} {self.scheme.year}: {self.sent_at:%Y-%m-%d}"
