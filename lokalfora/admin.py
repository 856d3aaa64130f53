from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from holbaek.admin import SingletonAdmin
from lokalfora import services
from lokalfora.models import (
    ContactPerson,
    EditorInvitation,
    Event,
    Forum,
    ForumEditor,
    LocalArea,
    NewsPost,
    PopulationFigure,
    RetentionSettings,
    Subscription,
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


@admin.register(Forum)
class ForumAdmin(SimpleHistoryAdmin):
    list_display = ["name", "area", "legal_form", "cvr", "updated_at"]
    list_filter = ["legal_form"]
    list_select_related = ["area"]
    search_fields = ["name", "area__name", "cvr"]
    inlines = [ContactPersonInline]


@admin.register(ContactPerson)
class ContactPersonAdmin(SimpleHistoryAdmin):
    list_display = ["name", "role", "forum", "is_active", "last_confirmed"]
    list_filter = ["is_active", "forum__area"]
    list_select_related = ["forum"]
    search_fields = ["name", "email", "phone", "forum__name"]


@admin.register(NewsPost)
class NewsPostAdmin(SimpleHistoryAdmin):
    list_display = ["title", "forum", "published_at"]
    list_filter = ["forum__area"]
    list_select_related = ["forum"]
    search_fields = ["title", "summary"]
    date_hierarchy = "published_at"
    # Pictures are uploaded on the forum's own pages, where they are checked and
    # re-encoded without metadata (holbaek.images); the admin only shows them.
    readonly_fields = ["image"]


@admin.register(ForumEditor)
class ForumEditorAdmin(admin.ModelAdmin):
    list_display = ["user", "forum", "created_at"]
    list_filter = ["forum__area"]
    list_select_related = ["user", "forum"]
    search_fields = ["user__email", "forum__name"]
    autocomplete_fields = ["user", "forum"]
    # Through the services, so that the Forum-redaktør role follows the rows.

    def save_model(self, request, obj, form, change):
        if change:
            original = ForumEditor.objects.get(pk=obj.pk)
            services.forum_editor_remove(forum=original.forum, user=original.user)
        obj.pk = services.forum_editor_add(forum=obj.forum, user=obj.user).pk

    def delete_model(self, request, obj):
        services.forum_editor_remove(forum=obj.forum, user=obj.user)

    def delete_queryset(self, request, queryset):
        for editor in queryset.select_related("forum", "user"):
            services.forum_editor_remove(forum=editor.forum, user=editor.user)


@admin.register(Event)
class EventAdmin(SimpleHistoryAdmin):
    list_display = ["title", "forum", "kind", "starts_at", "ends_at"]
    list_filter = ["kind", "forum__area"]
    list_select_related = ["forum"]
    search_fields = ["title", "place", "description"]
    date_hierarchy = "starts_at"


@admin.register(EditorInvitation)
class EditorInvitationAdmin(admin.ModelAdmin):
    list_display = ["email", "forum", "created_at", "accepted_at"]
    list_filter = ["forum__area"]
    list_select_related = ["forum"]
    search_fields = ["email", "forum__name"]
    readonly_fields = ["created_at", "accepted_at", "accepted_by", "invited_by"]


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    """Followers are added only by themselves (double opt-in); staff can look up and delete."""

    list_display = ["email", "area", "created_at", "confirmed_at", "last_digest_at"]
    list_filter = ["area", ("confirmed_at", admin.EmptyFieldListFilter)]
    list_select_related = ["area"]
    search_fields = ["email"]
    readonly_fields = ["area", "email", "created_at", "confirmed_at", "last_digest_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(RetentionSettings)
class RetentionSettingsAdmin(SingletonAdmin):
    list_display = ["__str__", "contact_history_months", "invitation_months"]
