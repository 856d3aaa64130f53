from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

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
