"""The hearings in the admin: for looking up. Every write goes through
lokalfora.services.hearings and its siblings (the staff pages under /hoeringer/styring/),
where the status, the invitations' mails, the check of the answers and its log are kept
together. Only the reminders' timing and the shortest period per kind are plain settings
changed here."""

from django.contrib import admin

from holbaek.admin import PortalAdmin, ReadOnlyAdmin, SingletonAdmin
from lokalfora.models import (
    Hearing,
    HearingAttachment,
    HearingDeadlineChange,
    HearingDocument,
    HearingInvitation,
    HearingKindRule,
    HearingNoteLine,
    HearingParty,
    HearingReminder,
    HearingResponse,
    HearingResponseReview,
    HearingSettings,
)


@admin.register(HearingSettings)
class HearingSettingsAdmin(SingletonAdmin):
    list_display = ["__str__", "first_reminder_days", "second_reminder_days", "reminder_hour"]


@admin.register(HearingKindRule)
class HearingKindRuleAdmin(PortalAdmin):
    list_display = ["kind", "minimum_days", "source"]


@admin.register(Hearing)
class HearingAdmin(ReadOnlyAdmin):
    list_display = ["title", "status", "kind", "starts_at", "deadline"]
    list_filter = ["status", "kind"]
    search_fields = ["title", "case_number"]


@admin.register(HearingInvitation)
class HearingInvitationAdmin(ReadOnlyAdmin):
    list_display = ["hearing", "forum", "status", "sent_at", "status_changed_at"]
    list_select_related = ["hearing", "forum"]
    list_filter = ["status"]


@admin.register(HearingReminder)
class HearingReminderAdmin(ReadOnlyAdmin):
    list_display = ["invitation", "days_before", "deadline", "sent_at"]
    list_select_related = ["invitation__hearing", "invitation__forum"]


@admin.register(HearingParty)
class HearingPartyAdmin(ReadOnlyAdmin):
    list_display = ["name", "hearing"]
    list_select_related = ["hearing"]


@admin.register(HearingDocument)
class HearingDocumentAdmin(ReadOnlyAdmin):
    list_display = ["title", "hearing", "kind", "uploaded_at"]
    list_select_related = ["hearing"]
    exclude = ["file"]  # downloaded through the permission-checked page only


@admin.register(HearingDeadlineChange)
class HearingDeadlineChangeAdmin(ReadOnlyAdmin):
    list_display = ["hearing", "old_deadline", "new_deadline", "changed_by", "changed_at"]
    list_select_related = ["hearing", "changed_by"]


@admin.register(HearingResponse)
class HearingResponseAdmin(ReadOnlyAdmin):
    list_display = ["__str__", "on_behalf_of", "status", "screening", "submitted_at"]
    list_select_related = ["hearing"]
    list_filter = ["status", "screening"]


@admin.register(HearingAttachment)
class HearingAttachmentAdmin(ReadOnlyAdmin):
    list_display = ["name", "response", "withheld", "uploaded_at"]
    list_select_related = ["response__hearing"]
    exclude = ["file"]  # downloaded through the permission-checked page only


@admin.register(HearingResponseReview)
class HearingResponseReviewAdmin(ReadOnlyAdmin):
    list_display = ["response", "action", "reviewed_by", "reviewed_at"]
    list_select_related = ["response__hearing", "reviewed_by"]


@admin.register(HearingNoteLine)
class HearingNoteLineAdmin(ReadOnlyAdmin):
    list_display = ["response", "leads_to_change", "updated_at"]
    list_select_related = ["response__hearing"]
