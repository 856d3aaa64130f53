from django.contrib import admin

from projektudvalg.models import GrantPool


@admin.register(GrantPool)
class GrantPoolAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "is_active", "contact_email"]
    list_filter = ["is_active"]
    search_fields = ["name", "purpose"]
    prepopulated_fields = {"slug": ["name"]}
