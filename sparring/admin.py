from django.contrib import admin

from holbaek.admin import ReadOnlyAdmin, SingletonAdmin
from sparring.forms import SparringSettingsForm
from sparring.models import (
    Attachment,
    Message,
    ReferenceCounter,
    SparringRequest,
    SparringSettings,
)


@admin.register(SparringSettings)
class SparringSettingsAdmin(SingletonAdmin):
    form = SparringSettingsForm
    list_display = ["__str__", "response_days", "anonymise_after_months"]


@admin.register(SparringRequest)
class SparringRequestAdmin(ReadOnlyAdmin):
    """Requests are handled in the portal's inbox; the admin only looks them up."""

    list_display = ["__str__", "status", "topic", "area", "assigned_to", "created_at"]
    list_filter = ["status", "topic", "area"]
    list_select_related = ["area", "assigned_to"]
    search_fields = ["email", "name"]


@admin.register(Message)
class MessageAdmin(ReadOnlyAdmin):
    list_display = ["request", "kind", "author", "created_at"]
    list_filter = ["kind"]
    list_select_related = ["request", "author"]


@admin.register(ReferenceCounter)
class ReferenceCounterAdmin(ReadOnlyAdmin):
    list_display = ["year", "last"]


@admin.register(Attachment)
class AttachmentAdmin(ReadOnlyAdmin):
    """Only the file names; the files are downloaded from the request's page in the portal."""

    list_display = ["name", "message", "extension", "size"]
    list_select_related = ["message__request"]
    exclude = ["file"]
