"""Pools, criteria, rounds and the mail settings are edited here by staff. Applications and
everything that follows them are changed only through the review pages (services.py),
so the admin shows them read-only."""

import datetime

from django import forms
from django.contrib import admin
from django.contrib.admin.widgets import AdminDateWidget, AdminTimeWidget
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from holbaek.admin import ReadOnlyAdmin
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
    end_of_day,
)


class PoolCriterionInline(admin.TabularInline):
    model = PoolCriterion
    extra = 0


class GrantPoolForm(forms.ModelForm):
    allowed_applicant_types = forms.MultipleChoiceField(
        label=_("Hvem kan søge (typer)"),
        choices=ApplicantType.choices,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = GrantPool
        exclude = []  # noqa: DJ006 - every field of the pool is staff data


@admin.register(GrantPool)
class GrantPoolAdmin(admin.ModelAdmin):
    form = GrantPoolForm
    list_display = ["name", "code", "rule_set", "is_active", "contact_email"]
    list_filter = ["is_active"]
    search_fields = ["name", "purpose"]
    prepopulated_fields = {"slug": ["name"]}
    inlines = [PoolCriterionInline]


class RoundForm(forms.ModelForm):
    """The deadline as a day, at the end of that day in Danish time unless a time is given."""

    deadline_day = forms.DateField(label=_("Ansøgningsfrist (dato)"), widget=AdminDateWidget)
    deadline_time = forms.TimeField(
        label=_("Klokkeslæt"),
        required=False,
        widget=AdminTimeWidget,
        help_text=_("Tomt: fristen er ved dagens udgang, dansk tid."),
    )

    class Meta:
        model = Round
        fields = ["pool", "name", "opens_at", "budget", "report_months"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            local = timezone.localtime(self.instance.deadline)
            self.initial["deadline_day"] = local.date()
            if local.time() != datetime.time.max:
                self.initial["deadline_time"] = local.time()

    def clean(self):
        cleaned = super().clean()
        day, time = cleaned.get("deadline_day"), cleaned.get("deadline_time")
        if day is not None:
            self.instance.deadline = (
                end_of_day(day)
                if time is None
                else timezone.make_aware(datetime.datetime.combine(day, time))
            )
            opens = cleaned.get("opens_at")
            if opens and self.instance.deadline <= opens:
                self.add_error("deadline_day", _("Fristen skal ligge efter åbningen."))
        return cleaned


@admin.register(Round)
class RoundAdmin(admin.ModelAdmin):
    form = RoundForm
    list_display = ["pool", "name", "opens_at", "deadline", "budget"]
    list_filter = ["pool"]


@admin.register(StatusMail)
class StatusMailAdmin(admin.ModelAdmin):
    list_display = ["status", "send"]
    list_editable = ["send"]


READ_ONLY = [
    Application, ApplicationFile, BudgetLine, SubmittedVersion, StatusEvent, Assessment,
    CriterionScore, AdvisoryNote, Recommendation, Meeting, AgendaItem, Decision, Payout,
    FinalReport, PoolCriterion,
]  # fmt: skip
for model in READ_ONLY:
    admin.site.register(model, ReadOnlyAdmin)
