from django.contrib import admin

from faelles_skabere.models import AreaAssignment, CoCreator


class AreaAssignmentInline(admin.TabularInline):
    model = AreaAssignment
    extra = 0


@admin.register(CoCreator)
class CoCreatorAdmin(admin.ModelAdmin):
    list_display = ["title", "name", "kind", "email"]
    list_filter = ["kind"]
    search_fields = ["title", "name", "email", "expertise"]
    autocomplete_fields = ["user"]
    inlines = [AreaAssignmentInline]


@admin.register(AreaAssignment)
class AreaAssignmentAdmin(admin.ModelAdmin):
    list_display = ["area", "co_creator", "kind", "started_on", "ended_on"]
    list_filter = ["kind", "co_creator", "area"]
    list_select_related = ["area", "co_creator"]
    search_fields = ["area__name", "co_creator__title", "co_creator__name"]
