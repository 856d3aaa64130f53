from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from holbaek.admin import ReadOnlyAdmin
from lokalfora.models import LocalArea
from tilskud import computation, services
from tilskud.models import GrantBand, GrantLine, GrantScheme, GrantVersion


class GrantBandInline(admin.TabularInline):
    model = GrantBand
    extra = 0


class GrantSchemeForm(forms.ModelForm):
    class Meta:
        model = GrantScheme
        fields = [
            "year", "kind", "base", "rate", "floor", "cap", "total_budget", "population_date",
            "is_illustrative",
        ]  # fmt: skip

    def clean(self):
        cleaned = super().clean()
        scheme = GrantScheme(**{k: v for k, v in cleaned.items() if k in self.Meta.fields})
        if scheme.kind == "budget" and scheme.total_budget is None:
            self.add_error("total_budget", _("Skriv puljens størrelse."))
            return cleaned
        # Bands are checked when the year is computed; here the amounts and the budget
        # (with a placeholder population, since figures are checked per year).
        areas = dict.fromkeys(LocalArea.objects.values_list("name", flat=True), 1)
        problems = computation.validate(services.as_computation(scheme, []), areas)
        if problems:
            raise ValidationError(problems)
        return cleaned


@admin.register(GrantScheme)
class GrantSchemeAdmin(admin.ModelAdmin):
    form = GrantSchemeForm
    list_display = ["year", "kind", "base", "rate", "total_budget", "is_illustrative"]
    inlines = [GrantBandInline]
    actions = ["approve"]

    def get_readonly_fields(self, request, obj=None):
        """An approved year keeps its year number: its address is published."""
        return ["year"] if obj is not None and obj.versions.exists() else []

    @admin.action(description=gettext_lazy("Godkend årets tilskud (første version)"))
    def approve(self, request, queryset):
        for scheme in queryset:
            try:
                version = services.approve(scheme=scheme, user=request.user)
            except ValidationError as error:
                self.message_user(
                    request, f"{scheme.year}: {'; '.join(error.messages)}", messages.ERROR
                )
            else:
                text = _("%(year)s: version %(number)d er godkendt.")
                self.message_user(request, text % {"year": scheme.year, "number": version.number})


@admin.register(GrantVersion)
class GrantVersionAdmin(ReadOnlyAdmin):
    list_display = ["scheme", "number", "approved_at", "approved_by", "reason"]
    list_select_related = ["scheme", "approved_by"]


@admin.register(GrantLine)
class GrantLineAdmin(ReadOnlyAdmin):
    list_display = ["version", "area", "population", "amount"]
    list_select_related = ["version__scheme", "area"]
    list_filter = ["version__scheme"]
