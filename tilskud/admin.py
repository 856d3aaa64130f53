"""Grants in the admin are for looking up records. Schemes, approvals, agreements,
payments and accounts are changed on the staff pages under /tilskud/, where each
change is checked as a whole by the services and logged with who made it."""

from django.contrib import admin

from holbaek.admin import ReadOnlyAdmin, ReadOnlyInline
from tilskud.models import (
    AccountsReminder,
    AnnualAccounts,
    CooperationAgreement,
    GrantBand,
    GrantLine,
    GrantPayment,
    GrantScheme,
    GrantVersion,
)


class GrantBandInline(ReadOnlyInline):
    model = GrantBand


@admin.register(GrantScheme)
class GrantSchemeAdmin(ReadOnlyAdmin):
    list_display = ["year", "kind", "base", "rate", "total_budget", "is_illustrative"]
    inlines = [GrantBandInline]


@admin.register(GrantVersion)
class GrantVersionAdmin(ReadOnlyAdmin):
    list_display = ["scheme", "number", "approved_at", "approved_by", "reason"]
    list_select_related = ["scheme", "approved_by"]


@admin.register(GrantLine)
class GrantLineAdmin(ReadOnlyAdmin):
    list_display = ["version", "area", "population", "amount"]
    list_select_related = ["version__scheme", "area"]
    list_filter = ["version__scheme"]


@admin.register(CooperationAgreement)
class CooperationAgreementAdmin(ReadOnlyAdmin):
    list_display = ["scheme", "area", "signed_on", "registered_by", "registered_at"]
    list_select_related = ["scheme", "area", "registered_by"]
    list_filter = ["scheme"]


@admin.register(GrantPayment)
class GrantPaymentAdmin(ReadOnlyAdmin):
    list_display = ["scheme", "area", "paid_on", "amount", "cvr", "nemkonto_reference"]
    list_select_related = ["scheme", "area"]
    list_filter = ["scheme"]


@admin.register(AnnualAccounts)
class AnnualAccountsAdmin(ReadOnlyAdmin):
    list_display = ["scheme", "area", "status", "uploaded_at", "reviewed_at"]
    list_select_related = ["scheme", "area"]
    list_filter = ["scheme", "status"]
    exclude = ["file"]  # downloaded through the permission-checked page only


@admin.register(AccountsReminder)
class AccountsReminderAdmin(ReadOnlyAdmin):
    list_display = ["scheme", "area", "sent_at", "recipients"]
    list_select_related = ["scheme", "area"]
