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
    AgendaApplication,
    AgendaItem,
    AgendaLink,
    ApplicantType,
    Application,
    ApplicationFile,
    Assessment,
    BudgetLine,
    Committee,
    CommitteeDocument,
    CommitteeMember,
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
from projektudvalg.services.agenda import ITEM_FIELDS
from projektudvalg.services.meetings import MEETING_FIELDS


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
    CriterionScore, AdvisoryNote, Recommendation, Decision, Payout, FinalReport,
    PoolCriterion,
]  # fmt: skip
for model in READ_ONLY:
    admin.site.register(model, ReadOnlyAdmin)


# The committee and its meetings (the meetings helper's block): saves go through
# services.committee, services.meetings and services.agenda; statuses and decisions change
# on the staff pages (/udvalget/moeder/styring/), so they are read-only here.
@admin.register(Committee)
class CommitteeAdmin(ServiceAdmin):
    list_display = ["name", "short_name", "period_start", "period_end"]
    prepopulated_fields = {"slug": ["name"]}

    def has_delete_permission(self, request, obj=None):
        return False  # a committee's record stays; a new period is a new row

    def save_model(self, request, obj, form, change):
        saved = services.committee_save(
            data=self.model_data(form), committee=obj if change else None
        )
        obj.pk, obj._state.adding = saved.pk, False


@admin.register(CommitteeMember)
class CommitteeMemberAdmin(ServiceAdmin):
    list_display = ["name", "role", "party", "committee", "from_date", "to_date"]
    list_filter = ["committee", "role"]

    def save_model(self, request, obj, form, change):
        saved = services.member_save(data=self.model_data(form), member=obj if change else None)
        obj.pk, obj._state.adding = saved.pk, False

    def delete_model(self, request, obj):
        services.member_delete(member=obj)

    def delete_queryset(self, request, queryset):
        for member in queryset:
            services.member_delete(member=member)


def _values(form, names) -> dict:
    return {name: form.cleaned_data[name] for name in names if name in form.cleaned_data}


@admin.register(Meeting)
class MeetingAdmin(ServiceAdmin):
    list_display = ["title", "starts_at", "area", "status"]
    list_filter = ["status", "committee"]
    list_select_related = ["area"]
    readonly_fields = ["status", "cancel_reason", "agenda_published_at", "minutes_published_at"]

    def has_delete_permission(self, request, obj=None):
        return False  # cancelled on the staff page instead

    def save_model(self, request, obj, form, change):
        values = {"data": _values(form, MEETING_FIELDS),
                  "absent_members": form.cleaned_data.get("absent_members")}  # fmt: skip
        if change:
            saved = services.meeting_update(meeting=obj, **values)
        else:
            saved = services.meeting_create(committee=form.cleaned_data["committee"], **values)
        obj.pk, obj._state.adding = saved.pk, False

    def save_related(self, request, form, formsets, change):
        for formset in formsets:  # the absent members were saved by the service
            self.save_formset(request, form, formset, change)


@admin.register(AgendaItem)
class AgendaItemAdmin(ServiceAdmin):
    list_display = ["meeting", "number", "title", "case_type", "is_closed"]
    list_filter = ["case_type", "is_closed"]
    list_select_related = ["meeting"]
    readonly_fields = ["round", "outcome", "decision_text", "decision_date", "follow_up",
                       "follow_up_status"]  # fmt: skip

    def get_readonly_fields(self, request, obj=None):
        return [*self.readonly_fields, "meeting"] if obj else self.readonly_fields

    def save_model(self, request, obj, form, change):
        values = {"data": _values(form, ITEM_FIELDS), "areas": form.cleaned_data.get("areas"),
                  "efforts": form.cleaned_data.get("efforts")}  # fmt: skip
        if change:
            saved = services.agenda_item_update(item=obj, **values)
        else:
            saved = services.agenda_item_create(meeting=form.cleaned_data["meeting"], **values)
        obj.pk, obj._state.adding = saved.pk, False

    def save_related(self, request, form, formsets, change):
        for formset in formsets:  # areas and efforts were saved by the service
            self.save_formset(request, form, formset, change)

    def delete_model(self, request, obj):
        services.agenda_item_delete(item=obj)

    def delete_queryset(self, request, queryset):
        for item in queryset:
            services.agenda_item_delete(item=item)


class ShownRowAdmin(ServiceAdmin):
    """Rows added on the staff pages (through their services): shown here, never added
    or changed; a delete, where allowed, goes through `delete_row` (the service)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def delete_model(self, request, obj):
        self.delete_row(obj)

    def delete_queryset(self, request, queryset):
        for row in queryset:
            self.delete_row(row)


@admin.register(AgendaApplication)
class AgendaApplicationAdmin(ShownRowAdmin):
    """Put on the agenda by services.agenda_item_add / agenda_item_from_round."""

    list_display = ["item", "application"]
    list_select_related = ["item__meeting", "application"]

    def has_delete_permission(self, request, obj=None):
        return False  # the decision on it points back here


@admin.register(AgendaLink)
class AgendaLinkAdmin(ShownRowAdmin):
    list_display = ["item", "content_type", "object_id"]
    list_select_related = ["item__meeting", "content_type"]

    def delete_row(self, row):
        services.agenda_link_remove(link=row)


@admin.register(CommitteeDocument)
class CommitteeDocumentAdmin(ShownRowAdmin):
    """Uploaded on the staff pages (checked by holbaek.uploads); deleted with its file."""

    list_display = ["title", "kind", "uploaded_at"]
    list_filter = ["kind"]
    exclude = ["file"]  # a private file: downloaded through its own view, not a link

    def delete_row(self, row):
        services.document_remove(document=row)


# Track 2: special efforts (their admin classes save through the services).
# Track 3: municipal news and newsletters.
from projektudvalg import (  # noqa: E402, F401
    admin_efforts,
    admin_news,
    admin_newsletters,
    admin_screens,
    admin_surveys,
)
