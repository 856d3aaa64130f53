"""Pools, criteria, rounds and the mail settings are edited here by staff. Applications and
everything that follows them are changed only through the review pages (services/),
so the admin shows them read-only."""

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminDateWidget, AdminSplitDateTime, AdminTimeWidget
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from holbaek.admin import PortalAdmin, PortalAdminForm, PortalInline, ReadOnlyAdmin, ServiceAdmin
from projektudvalg import services
from projektudvalg.forms.rounds import RoundForm
from projektudvalg.models import (
    AdvisoryNote,
    AgendaItem,
    ApplicantType,
    Application,
    ApplicationFile,
    Assessment,
    BudgetLine,
    CriterionScore,
    Decision,
    FinalReport,
    GrantPool,
    Meeting,
    Payout,
    PoolCriterion,
    Recommendation,
    Round,
    StatusEvent,
    StatusMail,
    SubmittedVersion,
)


class PoolCriterionInline(PortalInline):
    model = PoolCriterion
    extra = 0


class GrantPoolForm(PortalAdminForm):
    allowed_applicant_types = forms.MultipleChoiceField(
        label=_("Hvem kan søge (typer)"),
        choices=ApplicantType.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = GrantPool
        exclude = []  # every field of the pool is staff data


@admin.register(GrantPool)
class GrantPoolAdmin(PortalAdmin):
    form = GrantPoolForm
    list_display = ["name", "code", "rule_set", "is_active", "contact_email"]
    list_filter = ["is_active"]
    search_fields = ["name", "purpose"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PoolCriterionInline]


class AdminRoundForm(RoundForm):
    """The staff page's round form with the admin's date and time widgets."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opens_at"].widget = AdminSplitDateTime()
        self.fields["deadline_day"].widget = AdminDateWidget()
        self.fields["deadline_time"].widget = AdminTimeWidget()


@admin.register(Round)
class RoundAdmin(ServiceAdmin):
    """New rounds are made through services.round_create. An existing round is read-only
    here: its budget, dates and pool change on the staff page (/puljer/runder/), through
    services.round_update, which checks the budget under the round's lock."""

    form = AdminRoundForm
    list_display = ["pool", "name", "opens_at", "deadline", "budget"]
    list_filter = ["pool"]

    def has_change_permission(self, request, obj=None):
        return obj is None and super().has_change_permission(request, obj)

    def get_fields(self, request, obj=None):
        if obj is not None:
            return ["pool", "name", "opens_at", "deadline", "budget", "report_months"]
        return super().get_fields(request, obj)

    def get_form(self, request, obj=None, **kwargs):
        if obj is not None:  # shown read-only: the plain model form, not the typed one
            kwargs["form"] = PortalAdminForm
        return super().get_form(request, obj, **kwargs)

    def save_model(self, request, obj, form, change):
        if change:  # never reached: existing rounds are read-only here
            raise PermissionDenied
        created = services.round_create(**form.values())
        obj.pk, obj._state.adding = created.pk, False


@admin.register(StatusMail)
class StatusMailAdmin(PortalAdmin):
    list_display = ["status", "send"]
    list_editable = ["send"]


READ_ONLY = [
    Application, ApplicationFile, BudgetLine, SubmittedVersion, StatusEvent, Assessment,
    CriterionScore, AdvisoryNote, Recommendation, Meeting, AgendaItem, Decision, Payout,
    FinalReport, PoolCriterion,
]  # fmt: skip
for model in READ_ONLY:
    admin.site.register(model, ReadOnlyAdmin)

# Track 2: special efforts (their admin classes save through the services).
from projektudvalg import admin_efforts  # noqa: E402, F401
