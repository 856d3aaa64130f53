from django.contrib import admin, messages
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.contrib.auth.forms import UserChangeForm
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Value
from django.http import HttpResponseRedirect
from django.utils.translation import gettext_lazy as _
from simple_history.admin import SimpleHistoryAdmin

from holbaek.forms import PlainTextFormMixin, PortalAdminForm
from holbaek.models import User


class PortalAdmin(admin.ModelAdmin):
    """The base of the portal's model admins: the shared form, which cleans text as the
    portal's own forms do (an admin's own `form` builds on PortalAdminForm too)."""

    form = PortalAdminForm


class PortalInline(admin.TabularInline):
    form = PortalAdminForm


class ReadOnlyInline(PortalInline):
    """Rows shown beside their parent and changed elsewhere (through a service)."""

    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class PortalUserChangeForm(PlainTextFormMixin, UserChangeForm):
    pass


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    form = PortalUserChangeForm  # the add form has only the e-mail and the passwords
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


class ReadOnlyAdmin(PortalAdmin):
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


class SingletonAdmin(PortalAdmin):
    """Settings kept in one row: staff change it, never add a second or delete it."""

    def has_add_permission(self, request):
        """Only while the row is missing. The admin's app list asks every settings model
        on every page: one query for all of them, once per request."""
        existing = getattr(request, "_existing_singletons", None)
        if existing is None:
            existing = request._existing_singletons = _existing_singletons(self.admin_site)
        return self.model._meta.label not in existing

    def has_delete_permission(self, request, obj=None):
        return False


def _existing_singletons(site) -> set[str]:
    """The labels of the settings models (SingletonAdmin) that have their row."""
    querysets = [
        model.objects.annotate(label=Value(model._meta.label)).values_list("label", flat=True)
        for model, model_admin in site._registry.items()
        if isinstance(model_admin, SingletonAdmin)
    ]
    if not querysets:
        return set()
    first, *rest = querysets
    return set(first.union(*rest, all=True))


class ServiceAdmin(PortalAdmin):
    """A model whose rules live in a service: the subclass's `save_model`, `delete_model`
    and `delete_queryset` call that service, as the portal's pages do.

    Every admin step runs in one transaction. When the service refuses (ValidationError),
    the whole step is undone, the log entry too. A refused save shows the change form
    again with what the staff member typed and the refusal on the form (on its field
    when the form has it); a refused delete or bulk action is shown as an error message
    on the same page. Either way the row stays as it was.
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
        try:
            with transaction.atomic():
                return super().changeform_view(request, object_id, form_url, extra_context)
        except ValidationError as refusal:
            if request.method != "POST":
                raise
            # Once more, undone as a whole: the same post is parsed into the form, which
            # now carries the refusal, so the admin shows it with the typed values.
            request._service_refusal = refusal
        return self._refusable(request, super().changeform_view, object_id, form_url, extra_context)

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        refusal = getattr(request, "_service_refusal", None)
        if refusal is None:
            return form
        return type(form.__name__, (_RefusedFormMixin, form), {"refusal": refusal})

    def delete_view(self, request, object_id, extra_context=None):
        return self._refusable(request, super().delete_view, object_id, extra_context)

    def changelist_view(self, request, extra_context=None):
        """Bulk actions (delete selected) and list edits go through the services too."""
        return self._refusable(request, super().changelist_view, extra_context)

    @staticmethod
    def model_data(form) -> dict:
        """The form's model fields as the admin has set them on the instance: the `data`
        the portal's save services take."""
        fields = form.instance._meta.concrete_fields
        return {
            f.name: getattr(form.instance, f.name) for f in fields if f.name in form.cleaned_data
        }


class _RefusedFormMixin:
    """The change form once the service has refused it: the refusal is the form's error."""

    refusal: ValidationError

    def _post_clean(self):
        super()._post_clean()
        if hasattr(self.refusal, "error_dict"):
            for field, errors in self.refusal.error_dict.items():
                self.add_error(field if field in self.fields else None, errors)
        else:
            self.add_error(None, self.refusal)


class ServiceHistoryAdmin(ServiceAdmin, SimpleHistoryAdmin):
    """ServiceAdmin with django-simple-history: restoring a version saves through the service."""

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        return self._refusable(
            request, super().history_form_view, object_id, version_id, extra_context
        )
