"""Applications, their budget lines, files, submitted versions and status history."""

from django.core.validators import MaxValueValidator, MinValueValidator, RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from holbaek.models import StoredFile
from holbaek.text import LONG_TEXT, SHORT_TEXT, TEXT
from lokalfora.models import LocalArea
from projektudvalg.models.pools import MONEY, ApplicantType, GrantPool, PoolCriterion, Round

CVR = RegexValidator(r"^[0-9]{8}$", _("Et CVR-nummer er 8 cifre."))


class Status(models.TextChoices):
    """The application's status (staff's word). What the applicant reads is
    `APPLICANT_LABELS`; the allowed transitions are `workflow.TRANSITIONS`."""

    DRAFT = "draft", _("kladde")
    SUBMITTED = "submitted", _("modtaget")
    IN_REVIEW = "in_review", _("under behandling")
    RETURNED = "returned", _("sendt retur")
    GRANTED = "granted", _("bevilget")
    REFUSED = "refused", _("afslået")
    PAID = "paid", _("udbetalt")
    CLOSED = "closed", _("afsluttet")
    LAPSED = "lapsed", _("bortfaldet")
    WITHDRAWN = "withdrawn", _("trukket tilbage")


# What the applicant reads: plain Danish, as the issue lists them.
APPLICANT_LABELS = {
    Status.DRAFT: _("kladde (ikke indsendt)"),
    Status.SUBMITTED: _("modtaget"),
    Status.IN_REVIEW: _("under behandling"),
    Status.RETURNED: _("sendt retur"),
    Status.GRANTED: _("bevilget"),
    Status.REFUSED: _("afslået"),
    Status.PAID: _("udbetalt"),
    Status.CLOSED: _("afsluttet"),
    Status.LAPSED: _("bortfaldet (tilskuddet er ikke brugt)"),
    Status.WITHDRAWN: _("trukket tilbage"),
}


class Location(models.TextChoices):
    TOWN = "town", _("I en by")
    OPEN_COUNTRY = "open_country", _("I det åbne land")


class Ownership(models.TextChoices):
    RENTAL = "rental", _("Privat udlejningsbolig, som jeg ejer")
    OWNER_OCCUPIED = "owner_occupied", _("Ejerbolig eller andelsbolig")
    VILLAGE_HALL = "village_hall", _("Forsamlingshus, som foreningen ejer")
    MIXED = "mixed", _("Bygning med både bolig og erhverv, som jeg ejer")
    NOT_OWNER = "not_owner", _("Jeg ejer ikke bygningen")


class Application(models.Model):
    """One application to one round of a pool. Drafts may be incomplete; submitting checks."""

    pool = models.ForeignKey(GrantPool, on_delete=models.PROTECT, related_name="applications")
    round = models.ForeignKey(Round, on_delete=models.PROTECT, related_name="applications")
    applicant = models.ForeignKey(
        "holbaek.User", on_delete=models.PROTECT, related_name="applications"
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.DRAFT
    )
    reference = models.CharField(_("journalnummer"), max_length=20, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    submitted_at = models.DateTimeField(_("indsendt"), null=True, blank=True)

    # Both pools
    title = models.CharField(_("projektets titel"), max_length=150, blank=True)
    description = models.TextField(_("beskrivelse"), blank=True, max_length=LONG_TEXT)
    area = models.ForeignKey(
        LocalArea,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="applications",
        verbose_name=_("lokalområde"),
    )
    amount_applied = models.DecimalField(_("ansøgt beløb (kr.)"), null=True, blank=True, **MONEY)
    timeline = models.TextField(_("tidsplan"), blank=True, max_length=SHORT_TEXT)
    contact_name = models.CharField(_("kontaktperson"), max_length=150, blank=True)
    contact_email = models.EmailField(_("kontaktpersonens e-mail"), blank=True)
    contact_phone = models.CharField(_("kontaktpersonens telefon"), max_length=20, blank=True)

    # Rum til fællesskab
    organisation = models.CharField(_("organisation"), max_length=150, blank=True)
    applicant_type = models.CharField(
        _("ansøgertype"), max_length=20, choices=ApplicantType.choices, blank=True
    )
    cvr = models.CharField(_("CVR-nummer"), max_length=8, blank=True, validators=[CVR])
    criteria = models.ManyToManyField(
        PoolCriterion, blank=True, related_name="applications", verbose_name=_("kriterier")
    )
    cofinancing_cash = models.DecimalField(
        _("egenfinansiering: kontanter (kr.)"), default=0, **MONEY
    )
    volunteer_hours = models.PositiveIntegerField(
        _("frivillige timer til at gennemføre projektet"),
        default=0,
        validators=[MaxValueValidator(1_000_000)],
    )
    cofinancing_materials = models.DecimalField(
        _("egenfinansiering: materialer (kr.)"), default=0, **MONEY
    )
    other_municipal = models.DecimalField(
        _("tilskud fra andre kommunale puljer (kr.)"), default=0, **MONEY
    )
    co_creator_consulted = models.BooleanField(
        _("vi har talt med områdets fælles-skaber"), default=False
    )

    # Landsbyfornyelse
    property_address = models.CharField(_("bygningens adresse"), max_length=200, blank=True)
    construction_year = models.PositiveSmallIntegerField(
        _("opførelsesår"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1000), MaxValueValidator(2100)],
    )
    location = models.CharField(
        _("beliggenhed"), max_length=15, choices=Location.choices, blank=True
    )
    town_name = models.CharField(_("byens navn"), max_length=100, blank=True)
    town_population = models.PositiveIntegerField(_("byens indbyggertal"), null=True, blank=True)
    ownership = models.CharField(
        _("ejerforhold"), max_length=20, choices=Ownership.choices, blank=True
    )
    owner_lives_there = models.BooleanField(_("jeg bor selv i bygningen"), default=False)
    work_description = models.TextField(
        _("arbejdet, der skal udføres"), blank=True, max_length=LONG_TEXT
    )
    craftsman_name = models.CharField(_("håndværker"), max_length=150, blank=True)
    craftsman_cvr = models.CharField(
        _("håndværkerens CVR-nummer"), max_length=8, blank=True, validators=[CVR]
    )
    craftsman_vat_registered = models.BooleanField(
        _("håndværkeren er momsregistreret"), default=False
    )

    class Meta:
        verbose_name = _("ansøgning")
        verbose_name_plural = _("ansøgninger")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["reference"],
                condition=~Q(reference=""),
                name="application_unique_reference",
            ),
            models.CheckConstraint(
                condition=Q(status="draft") | ~Q(reference=""),
                name="application_submitted_has_reference",
            ),
            models.CheckConstraint(
                condition=Q(amount_applied__isnull=True) | Q(amount_applied__gte=0),
                name="application_amount_not_negative",
            ),
        ]
        indexes = [models.Index(fields=["pool", "round", "status"])]

    def __str__(self):
        return self.reference or self.title or f"#{self.pk}"

    @property
    def applicant_status(self):
        """The status in the applicant's plain Danish (APPLICANT_LABELS)."""
        return APPLICANT_LABELS[self.status]

    @property
    def display_title(self) -> str:
        return self.title or self.property_address or str(_("Uden titel"))

    @property
    def public_title(self) -> str:
        """For the public lists: never a homeowner's address."""
        return self.title or str(_("Istandsættelse af en bygning"))


class BudgetLine(models.Model):
    application = models.ForeignKey(
        Application, on_delete=models.CASCADE, related_name="budget_lines"
    )
    description = models.CharField(_("udgift"), max_length=200)
    amount = models.DecimalField(_("beløb (kr.)"), **MONEY)

    class Meta:
        verbose_name = _("budgetlinje")
        verbose_name_plural = _("budgetlinjer")
        ordering = ["application", "id"]

    def __str__(self):
        return f"{self.description}: {self.amount}"


class AttachmentKind(models.TextChoices):
    APPLICATION = "application", _("Bilag til ansøgningen")
    PHOTO = "photo", _("Foto af bygningen")
    FINAL_REPORT = "final_report", _("Slutrapport og regnskab")


class ApplicationFile(StoredFile):
    """A file attached to an application, stored privately, downloaded by permission."""

    UPLOAD_FOLDER = "ansoegninger"

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="files")
    kind = models.CharField(
        _("slags"),
        max_length=15,
        choices=AttachmentKind.choices,
        default=AttachmentKind.APPLICATION,
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("bilag")
        verbose_name_plural = _("bilag")
        ordering = ["application", "id"]

    def __str__(self):
        return self.name

    @property
    def removable(self) -> bool:
        """A file the staff saw in a submitted version stays; newer ones may be removed."""
        submitted = self.application.submitted_at
        return submitted is None or self.uploaded_at > submitted


class SubmittedVersion(models.Model):
    """What was submitted, each time: staff compare versions after a resubmission."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveSmallIntegerField()
    submitted_at = models.DateTimeField(auto_now_add=True)
    data = models.JSONField()

    class Meta:
        verbose_name = _("indsendt version")
        verbose_name_plural = _("indsendte versioner")
        ordering = ["application", "number"]
        constraints = [
            models.UniqueConstraint(
                fields=["application", "number"], name="version_unique_per_application"
            ),
        ]

    def __str__(self):
        return f"{self.application} v{self.number}"


class StatusEvent(models.Model):
    """One change of status, for the applicant's timeline and the case's history."""

    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=12, choices=Status.choices)
    to_status = models.CharField(max_length=12, choices=Status.choices)
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(
        "holbaek.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("bemærkning"), blank=True, max_length=TEXT)

    class Meta:
        verbose_name = _("statusændring")
        verbose_name_plural = _("statusændringer")
        ordering = ["application", "at", "id"]

    def __str__(self):
        return f"{self.application}: {self.from_status} → {self.to_status}"

    @property
    def applicant_label(self):
        return APPLICANT_LABELS[self.to_status]


class StatusMail(models.Model):
    """Which status changes the applicant is mailed about (staff decide)."""

    status = models.CharField(_("ny status"), max_length=12, choices=Status.choices, unique=True)
    send = models.BooleanField(_("send e-mail til ansøgeren"), default=True)

    class Meta:
        verbose_name = _("e-mail ved statusændring")
        verbose_name_plural = _("e-mails ved statusændringer")
        ordering = ["status"]

    def __str__(self):
        return self.get_status_display()
