"""Track 2 in the Django admin (imported by projektudvalg/admin.py). Every save goes
through the services, as on the staff pages under /saerlige-indsatser/: the effort's
status is read-only here (only effort_transition moves it, on the status page), its
areas and leads are set by effort_create/effort_update, and a milestone's save keeps
its events in the areas' calendars. Budget lines and status changes are shown only:
the budget is saved as a whole on the budget page, and the audit rows are never edited.
The drejebøger (templates and phases) are plain staff data with no rules beyond their
constraints, edited here."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from holbaek.admin import PortalAdmin, PortalInline, ReadOnlyAdmin, ReadOnlyInline, ServiceAdmin
from projektudvalg import services
from projektudvalg.models import (
    CommitmentComment,
    EffortAction,
    EffortBudgetLine,
    EffortCommitment,
    EffortTemplate,
    EffortTransition,
    EffortUpdate,
    Milestone,
    SpecialEffort,
    TemplatePhase,
    WorkingGroup,
    WorkingGroupMember,
)
from projektudvalg.services.effort_content import ACTION_FIELDS, COMMITMENT_FIELDS
from projektudvalg.services.effort_groups import GROUP_FIELDS
from projektudvalg.services.effort_milestones import FIELDS as MILESTONE_FIELDS
from projektudvalg.services.efforts import EDITABLE


class BudgetLineInline(ReadOnlyInline):
    model = EffortBudgetLine
    fields = ["source", "year", "amount", "spent", "external"]
    readonly_fields = fields


class TransitionInline(ReadOnlyInline):
    model = EffortTransition
    fields = ["at", "from_status", "to_status", "by", "decision", "note"]
    readonly_fields = fields


@admin.register(SpecialEffort)
class SpecialEffortAdmin(ServiceAdmin):
    list_display = ["title", "status", "committee", "period_start", "period_end"]
    list_filter = ["status", "committee"]
    search_fields = ["title", "tagline", "slug"]
    readonly_fields = ["status", "selection_decision", "actual_end"]
    filter_horizontal = ["areas", "leads"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [BudgetLineInline, TransitionInline]

    def has_delete_permission(self, request, obj=None):
        return False  # an effort's record (decisions, commitments) stays

    def save_model(self, request, obj, form, change):
        data = {name: value for name, value in self.model_data(form).items() if name in EDITABLE}
        areas, leads = form.cleaned_data.get("areas"), form.cleaned_data.get("leads")
        if change:
            services.effort_update(effort=obj, data=data, areas=areas, leads=leads)
            return
        created = services.effort_create(
            committee=obj.committee, areas=areas, leads=leads or (), **data
        )
        obj.pk, obj._state.adding = created.pk, False

    def save_related(self, request, form, formsets, change):
        """The areas and leads were set by the service; the inlines are read-only (their
        formsets save nothing, but the admin's change message reads them)."""
        for formset in formsets:
            formset.save()


class EffortRowAdmin(ServiceAdmin):
    """A row of an effort, saved and deleted through its service."""

    fields_for_service: tuple[str, ...] = ()
    list_select_related = ["effort"]
    list_filter = ["effort"]

    def get_readonly_fields(self, request, obj=None):
        return ["effort"] if obj else []

    def save_model(self, request, obj, form, change):
        data = {n: v for n, v in self.model_data(form).items() if n in self.fields_for_service}
        saved = self.save_row(obj.effort, data, obj if change else None, form)
        obj.pk, obj._state.adding = saved.pk, False

    def save_related(self, request, form, formsets, change):
        """Many-to-many rows are the service's."""

    def delete_model(self, request, obj):
        self.delete_row(obj)

    def delete_queryset(self, request, queryset):
        for row in queryset:
            self.delete_row(row)


@admin.register(Milestone)
class MilestoneAdmin(EffortRowAdmin):
    fields_for_service = MILESTONE_FIELDS
    list_display = ["title", "effort", "kind", "starts_at"]

    def save_row(self, effort, data, row, form):
        return services.milestone_save(effort=effort, data=data, milestone=row)

    def delete_row(self, row):
        services.milestone_delete(milestone=row)


@admin.register(EffortAction)
class EffortActionAdmin(EffortRowAdmin):
    fields_for_service = ACTION_FIELDS
    list_display = ["title", "effort", "progress", "weight"]

    def save_row(self, effort, data, row, form):
        return services.action_save(
            effort=effort, data=data, action=row, applications=form.cleaned_data.get("applications")
        )

    def delete_row(self, row):
        services.action_delete(action=row)


@admin.register(EffortCommitment)
class EffortCommitmentAdmin(EffortRowAdmin):
    fields_for_service = COMMITMENT_FIELDS
    list_display = ["text", "effort", "party", "status", "due_date"]

    def save_row(self, effort, data, row, form):
        return services.commitment_save(effort=effort, data=data, commitment=row)

    def delete_row(self, row):
        services.commitment_delete(commitment=row)


@admin.register(WorkingGroup)
class WorkingGroupAdmin(EffortRowAdmin):
    fields_for_service = GROUP_FIELDS
    list_display = ["name", "effort", "theme", "open_for_new_members"]

    def has_delete_permission(self, request, obj=None):
        return False  # its members and updates stay with it

    def save_row(self, effort, data, row, form):
        return services.group_save(effort=effort, data=data, group=row)


admin.site.register(EffortBudgetLine, ReadOnlyAdmin)
admin.site.register(EffortTransition, ReadOnlyAdmin)


class TemplatePhaseInline(PortalInline):
    model = TemplatePhase
    extra = 0


@admin.register(EffortTemplate)
class EffortTemplateAdmin(PortalAdmin):
    list_display = ["name"]
    inlines = [TemplatePhaseInline]


@admin.register(TemplatePhase)
class TemplatePhaseAdmin(PortalAdmin):
    """Also edited beside its drejebog (the inline above)."""

    list_display = ["title", "template", "kind", "offset_days", "duration_hours"]
    list_filter = ["template"]
    list_select_related = ["template"]


# Written by citizens, group contacts and forum contacts on the effort's page (through
# services.working_groups): shown here only. A request is answered through the service.
@admin.register(CommitmentComment)
class CommitmentCommentAdmin(ReadOnlyAdmin):
    list_display = ["commitment", "forum", "created_at"]
    list_select_related = ["commitment", "forum"]


@admin.register(EffortUpdate)
class EffortUpdateAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "effort", "group", "created_at"]
    list_filter = ["effort"]
    list_select_related = ["effort", "group"]


@admin.action(description=_("Optag de valgte anmodninger"))
def accept_requests(modeladmin, request, queryset):
    for member in queryset:
        services.working_group_request_decide(member=member, accept=True)


@admin.action(description=_("Afvis de valgte anmodninger (de slettes)"))
def decline_requests(modeladmin, request, queryset):
    for member in queryset:
        services.working_group_request_decide(member=member, accept=False)


@admin.register(WorkingGroupMember)
class WorkingGroupMemberAdmin(ServiceAdmin):
    """Shown only; a request is accepted or declined through the service (the actions),
    which also mails the requester."""

    list_display = ["group", "status", "requested_at", "decided_at"]
    list_filter = ["status"]
    list_select_related = ["group"]
    actions = [accept_requests, decline_requests]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
