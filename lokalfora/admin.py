from django.contrib import admin

from lokalfora.models import (
    ContactPerson,
    Forum,
    ForumEditor,
    LocalArea,
    NewsPost,
    PopulationFigure,
)


class PopulationFigureInline(admin.TabularInline):
    model = PopulationFigure
    extra = 0


@admin.register(LocalArea)
class LocalAreaAdmin(admin.ModelAdmin):
    list_display = ["name", "main_town", "slug", "is_holbaek_town"]
    list_filter = ["is_holbaek_town"]
    search_fields = ["name", "main_town", "slug"]
    inlines = [PopulationFigureInline]


@admin.register(PopulationFigure)
class PopulationFigureAdmin(admin.ModelAdmin):
    list_display = ["area", "count", "reference_date", "basis"]
    list_filter = ["basis", "area"]
    list_select_related = ["area"]
    search_fields = ["area__name", "source"]


class ContactPersonInline(admin.StackedInline):
    model = ContactPerson
    extra = 0


class ForumEditorInline(admin.TabularInline):
    model = ForumEditor
    extra = 0
    autocomplete_fields = ["user"]


@admin.register(Forum)
class ForumAdmin(admin.ModelAdmin):
    list_display = ["name", "area", "legal_form", "cvr", "updated_at"]
    list_filter = ["legal_form"]
    list_select_related = ["area"]
    search_fields = ["name", "area__name", "cvr"]
    inlines = [ContactPersonInline, ForumEditorInline]


@admin.register(ContactPerson)
class ContactPersonAdmin(admin.ModelAdmin):
    list_display = ["name", "role", "forum", "is_active", "last_confirmed"]
    list_filter = ["is_active", "forum__area"]
    list_select_related = ["forum"]
    search_fields = ["name", "email", "phone", "forum__name"]


@admin.register(NewsPost)
class NewsPostAdmin(admin.ModelAdmin):
    list_display = ["title", "forum", "published_at"]
    list_filter = ["forum__area"]
    list_select_related = ["forum"]
    search_fields = ["title", "summary"]
    date_hierarchy = "published_at"


@admin.register(ForumEditor)
class ForumEditorAdmin(admin.ModelAdmin):
    list_display = ["user", "forum", "created_at"]
    list_filter = ["forum__area"]
    list_select_related = ["user", "forum"]
    search_fields = ["user__email", "forum__name"]
    autocomplete_fields = ["user", "forum"]
