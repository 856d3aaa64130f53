"""Who follows which area is changed on /faelles-skabere/tildeling/ (services.assignments.
assignment_create, which keeps one fixed fælles-skaber per area and never the process
consultant): here the assignments are read-only. Stand-ins are added through
services.assignments.stand_in_create. Sparring requests are handled in the portal's inbox;
the admin only looks them up, and sets the service's settings."""

from django import forms
from django.contrib import admin

from faelles_skabere.forms.sparring import SparringSettingsForm
from faelles_skabere.models import (
    AreaAssignment,
    Attachment,
    CoCreator,
    Expertise,
    Message,
    ReferenceCounter,
    RequestTopic,
    SparringRequest,
    SparringSettings,
    StandIn,
)
from faelles_skabere.services.assignments import stand_in_create
from holbaek.admin import (
    PortalAdmin,
    PortalAdminForm,
    ReadOnlyAdmin,
    ReadOnlyInline,
    ServiceAdmin,
    SingletonAdmin,
)
from holbaek.images import prepare_image


class AreaAssignmentInline(ReadOnlyInline):
    model = AreaAssignment
    fields = ["area", "kind", "started_on", "ended_on"]
    readonly_fields = fields


class CoCreatorForm(PortalAdminForm):
    """The photo is checked and re-encoded without metadata, as on the portal's own pages."""

    class Meta:
        model = CoCreator
        fields = [
            "title", "name", "kind", "user", "presentation", "expertise",
            "photo", "photo_alt", "email", "phone", "is_coordinator",
        ]  # fmt: skip

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and photo != self.instance.photo and hasattr(photo, "size"):
            return prepare_image(photo)
        return photo


@admin.register(CoCreator)
class CoCreatorAdmin(PortalAdmin):
    form = CoCreatorForm
    list_display = ["title", "name", "kind", "is_coordinator", "email"]
    list_filter = ["kind", "is_coordinator", "expertise"]
    search_fields = ["title", "name", "email"]
    autocomplete_fields = ["user"]
    filter_horizontal = ["expertise"]
    inlines = [AreaAssignmentInline]


class ExpertiseForm(PortalAdminForm):
    topics = forms.MultipleChoiceField(
        label=Expertise._meta.get_field("topics").verbose_name,
        choices=RequestTopic.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Expertise
        fields = ["name", "topics"]


@admin.register(Expertise)
class ExpertiseAdmin(PortalAdmin):
    form = ExpertiseForm
    list_display = ["name"]
    search_fields = ["name"]


@admin.register(AreaAssignment)
class AreaAssignmentAdmin(ReadOnlyAdmin):
    list_display = ["area", "co_creator", "kind", "started_on", "ended_on"]
    list_filter = ["kind", "co_creator", "area"]
    list_select_related = ["area", "co_creator"]
    search_fields = ["area__name", "co_creator__title", "co_creator__name"]


@admin.register(StandIn)
class StandInAdmin(ServiceAdmin):
    """Added through the service (periods never overlap); ended by deleting, not edited."""

    list_display = ["co_creator", "stand_in", "starts_on", "ends_on"]
    list_select_related = ["co_creator", "stand_in"]
    date_hierarchy = "starts_on"

    def has_change_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        obj.pk = stand_in_create(
            co_creator=obj.co_creator,
            stand_in=obj.stand_in,
            starts_on=obj.starts_on,
            ends_on=obj.ends_on,
        ).pk


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
