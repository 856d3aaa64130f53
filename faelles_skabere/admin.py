from django import forms
from django.contrib import admin

from faelles_skabere.models import AreaAssignment, CoCreator, Expertise, RequestTopic, StandIn
from holbaek.forms import PlainTextFormMixin
from holbaek.images import prepare_image


class AreaAssignmentInline(admin.TabularInline):
    model = AreaAssignment
    extra = 0


class CoCreatorForm(PlainTextFormMixin, forms.ModelForm):
    """The photo is checked and re-encoded without metadata, as on the portal's own pages."""

    class Meta:
        model = CoCreator
        fields = [
            "title", "name", "kind", "user", "presentation", "expertise",
            "photo", "photo_alt", "email", "phone", "is_coordinator",
        ]  # fmt: skip

    def clean_photo(self):
        photo = self.cleaned_data.get("photo")
        if photo and photo != self.instance.photo and hasattr(photo, "size"):
            return prepare_image(photo)
        return photo


@admin.register(CoCreator)
class CoCreatorAdmin(admin.ModelAdmin):
    form = CoCreatorForm
    list_display = ["title", "name", "kind", "is_coordinator", "email"]
    list_filter = ["kind", "is_coordinator", "expertise"]
    search_fields = ["title", "name", "email"]
    autocomplete_fields = ["user"]
    filter_horizontal = ["expertise"]
    inlines = [AreaAssignmentInline]


class ExpertiseForm(PlainTextFormMixin, forms.ModelForm):
    topics = forms.MultipleChoiceField(
        label=Expertise._meta.get_field("topics").verbose_name,
        choices=RequestTopic.choices,
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )

    class Meta:
        model = Expertise
        fields = ["name", "topics"]


@admin.register(Expertise)
class ExpertiseAdmin(admin.ModelAdmin):
    form = ExpertiseForm
    list_display = ["name"]
    search_fields = ["name"]


@admin.register(AreaAssignment)
class AreaAssignmentAdmin(admin.ModelAdmin):
    list_display = ["area", "co_creator", "kind", "started_on", "ended_on"]
    list_filter = ["kind", "co_creator", "area"]
    list_select_related = ["area", "co_creator"]
    search_fields = ["area__name", "co_creator__title", "co_creator__name"]


@admin.register(StandIn)
class StandInAdmin(admin.ModelAdmin):
    list_display = ["co_creator", "stand_in", "starts_on", "ends_on"]
    list_select_related = ["co_creator", "stand_in"]
    date_hierarchy = "starts_on"
