from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from holbaek.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    ordering = ["email"]
    list_display = ["email", "full_name", "is_staff", "is_active", "last_login"]
    list_filter = ["is_staff", "is_superuser", "is_active", "groups"]
    search_fields = ["email", "full_name"]
    fieldsets = [
        (None, {"fields": ["email", "password"]}),
        (_("Oplysninger"), {"fields": ["full_name"]}),
        (
            _("Roller og rettigheder"),
            {"fields": ["is_active", "is_staff", "is_superuser", "groups"]},
        ),
        (_("Datoer"), {"fields": ["last_login", "date_joined"]}),
    ]
    add_fieldsets = [(None, {"classes": ["wide"], "fields": ["email", "password1", "password2"]})]
    filter_horizontal = ["groups"]


class ReadOnlyAdmin(admin.ModelAdmin):
    """Records the portal writes itself (frozen versions, threads): staff look, never edit.

    Nothing is deleted here either: deleting would leave files behind or change
    what was published; the apps' own tasks remove what must go.
    """

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class SingletonAdmin(admin.ModelAdmin):
    """Settings kept in one row: staff change it, never add a second or delete it."""

    def has_add_permission(self, request):
        return not self.model.objects.exists()

    def has_delete_permission(self, request, obj=None):
        return False


class ServiceAdmin(admin.ModelAdmin):
    """A model whose rules live in a service: the subclass's `save_model`, `delete_model`
    and `delete_queryset` call that service, as the portal's pages do.

    Every admin step runs in one transaction. When the service refuses (ValidationError),
    the whole step is undone, the log entry too, and the refusal is shown as an error
    message on the same page: the row stays as it was.
    """

    def _refusable(self, request, view, *args):
        try:
            with transaction.atomic():
                return view(request, *args)
        except ValidationError as refusal:
            for message in refusal.messages:
                self.message_user(request, message, messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        return self._refusable(request, super().changeform_view, object_id, form_url, extra_context)

    def delete_view(self, request, object_id, extra_context=None):
        return self._refusable(request, super().delete_view, object_id, extra_context)

    def changelist_view(self, request, extra_context=None):
        """Bulk actions (delete selected) and list edits go through the services too."""
        return self._refusable(request, super().changelist_view, extra_context)


class ServiceHistoryAdmin(ServiceAdmin, SimpleHistoryAdmin):
    """ServiceAdmin with django-simple-history: restoring a version saves through the service."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        return self._refusable(
            request, super().history_form_view, object_id, version_id, extra_context
        )
