"""The Django admin of the staff-kept news topics."""

from django.contrib import admin

from holbaek.admin import ServiceAdmin
from lokalfora.models import NewsTopic
from lokalfora.services import topics


@admin.register(NewsTopic)
class NewsTopicAdmin(ServiceAdmin):
    """A staff-kept list. A topic in use is retired (`i brug` off), not deleted."""

    list_display = ["name", "slug", "order", "active"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]

    def has_delete_permission(self, request, obj=None):
        return False

    def save_model(self, request, obj, form, change):
        saved = topics.topic_save(data=self.model_data(form), topic=obj if change else None)
        obj.pk, obj._state.adding = saved.pk, False
