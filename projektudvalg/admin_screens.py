"""The Django admin of the info-screen settings (one row)."""

from django.contrib import admin

from holbaek.admin import ServiceAdmin, SingletonAdmin
from projektudvalg.models import ScreenSettings
from projektudvalg.services import screen_settings


@admin.register(ScreenSettings)
class ScreenSettingsAdmin(ServiceAdmin, SingletonAdmin):
    """Through screen_settings_update, as the retention settings are kept."""

    list_display = ["__str__", "items", "seconds_per_item", "reload_minutes"]

    def save_model(self, request, obj, form, change):
        saved = screen_settings.screen_settings_update(data=self.model_data(form))
        obj.pk, obj._state.adding = saved.pk, False
