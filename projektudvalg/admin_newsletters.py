"""The Django admin of newsletters and their send logs.

Newsletters and their recipient rows are read-only here: they are written on the staff
pages under /nyhedsbreve/ and by the sending task, and the send log must stay what was
sent. An opt-out can be deleted (through its service) when the person asks to get the
newsletters again; the settings row sets how long the logs keep addresses.
"""

from django.contrib import admin
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from holbaek.admin import ReadOnlyAdmin, ServiceAdmin, SingletonAdmin
from projektudvalg.models import (
    Newsletter,
    NewsletterOptOut,
    NewsletterRecipient,
    NewsletterSettings,
    RecipientStatus,
)
from projektudvalg.services.newsletter_sending import newsletter_settings_update
from projektudvalg.services.newsletters import newsletter_opt_out_delete


@admin.register(Newsletter)
class NewsletterAdmin(ReadOnlyAdmin):
    list_display = ["subject", "status", "created_at", "recipient_count", "sent_count"]
    list_filter = ["status"]
    search_fields = ["subject"]
    readonly_fields = ["recipient_counts"]
    exclude = ["items", "areas", "topics", "efforts"]

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(
                recipient_total=Count("recipients"),
                sent_total=Count("recipients", filter=Q(recipients__status=RecipientStatus.SENT)),
            )
        )

    @admin.display(description=_("modtagere"), ordering="recipient_total")
    def recipient_count(self, obj):
        return obj.recipient_total

    @admin.display(description=_("sendt"), ordering="sent_total")
    def sent_count(self, obj):
        return obj.sent_total

    @admin.display(description=_("modtagere efter status"))
    def recipient_counts(self, obj):
        counts = dict(
            obj.recipients.order_by()
            .values("status")
            .annotate(n=Count("pk"))
            .values_list("status", "n")
        )
        return ", ".join(
            f"{label}: {counts.get(value, 0)}" for value, label in RecipientStatus.choices
        )


@admin.register(NewsletterRecipient)
class NewsletterRecipientAdmin(ReadOnlyAdmin):
    list_display = ["newsletter", "email", "status", "sent_at"]
    list_filter = ["status"]
    list_select_related = ["newsletter"]
    search_fields = ["email"]
    raw_id_fields = ["newsletter"]


@admin.register(NewsletterOptOut)
class NewsletterOptOutAdmin(ServiceAdmin):
    list_display = ["email", "area", "role", "created_at"]
    list_filter = ["role", "area"]
    search_fields = ["email"]

    def has_add_permission(self, request):
        return False  # made by the person's own one-click unsubscribe

    def has_change_permission(self, request, obj=None):
        return False

    def delete_model(self, request, obj):
        newsletter_opt_out_delete(opt_out=obj)

    def delete_queryset(self, request, queryset):
        for opt_out in queryset:
            newsletter_opt_out_delete(opt_out=opt_out)


@admin.register(NewsletterSettings)
class NewsletterSettingsAdmin(ServiceAdmin, SingletonAdmin):
    list_display = ["__str__", "log_months"]

    def save_model(self, request, obj, form, change):
        saved = newsletter_settings_update(data=self.model_data(form))
        obj.pk, obj._state.adding = saved.pk, False
