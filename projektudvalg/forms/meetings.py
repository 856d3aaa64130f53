"""Committee staff's forms for a meeting and its agenda items. They only parse:
services.meetings and services.agenda check and save."""

from django import forms
from django.utils.translation import gettext_lazy as _

from holbaek.forms import PlainTextFormMixin, date_field
from lokalfora.models import Hearing, LocalArea
from projektudvalg.models import (
    AgendaItem,
    CommitteeMember,
    DecisionOutcome,
    FollowUpStatus,
    Meeting,
    Round,
    SpecialEffort,
    Status,
)
from projektudvalg.selectors.hearing_links import hearing_choices, linked_hearing_ids

DATETIME_INVALID = _("Skriv dato og klokkeslæt, fx 10.12.2026 17:00.")


def _datetime_widget():
    return forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class MeetingForm(PlainTextFormMixin, forms.ModelForm):
    """A meeting's time, place, area and link to the official record."""

    class Meta:
        model = Meeting
        fields = [
            "title", "starts_at", "ends_at", "place", "area", "online", "official_url",
            "not_in_official_system", "absent_members", "minutes_summary",
        ]  # fmt: skip
        widgets = {
            "starts_at": _datetime_widget(),
            "ends_at": _datetime_widget(),
            "absent_members": forms.CheckboxSelectMultiple,
            "minutes_summary": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, committee=None, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("starts_at", "ends_at"):
            self.fields[name].input_formats = ["%Y-%m-%dT%H:%M", "%d.%m.%Y %H:%M"]
            self.fields[name].error_messages["invalid"] = DATETIME_INVALID
        self.fields["starts_at"].error_messages["required"] = _("Skriv hvornår mødet begynder.")
        self.fields["area"].queryset = LocalArea.objects.order_by("name")
        self.fields["area"].empty_label = _("Intet lokalområde (fx rådhuset)")
        members = CommitteeMember.objects.filter(committee=committee) if committee else None
        self.fields["absent_members"].queryset = (
            members.order_by("order", "id") if members is not None
            else CommitteeMember.objects.none()
        )  # fmt: skip

    def _post_clean(self):
        """Only parses: the service checks and saves (no model validation here)."""

    def values(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        return {"absent_members": data.pop("absent_members"), "data": data}


class CancelForm(PlainTextFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Hvorfor aflyses mødet?"), max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": _("Skriv hvorfor mødet er aflyst.")},
    )  # fmt: skip


class AgendaItemForm(PlainTextFormMixin, forms.ModelForm):
    hearings = forms.ModelMultipleChoiceField(
        label=_("Høringer, punktet behandler"), required=False, queryset=Hearing.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Høringens side og høringsnotat linker til punktet."),
        error_messages={"invalid_choice": _("Vælg blandt høringerne på listen."),
                        "invalid_pk_value": _("Vælg blandt høringerne på listen.")},
    )  # fmt: skip
    number = forms.IntegerField(
        label=_("Punkt nr."), required=False, min_value=1, max_value=999,
        help_text=_("Tomt: det næste nummer."),
        error_messages={"invalid": _("Skriv et helt tal."),
                        "min_value": _("Skriv et tal fra 1."),
                        "max_value": _("Skriv et tal til og med 999.")},
    )  # fmt: skip

    class Meta:
        model = AgendaItem
        fields = [
            "number", "title", "case_type", "route", "recommendation", "description",
            "is_closed", "closed_decision_public", "areas", "efforts",
        ]  # fmt: skip
        widgets = {
            "route": forms.Textarea(attrs={"rows": 3}),
            "recommendation": forms.Textarea(attrs={"rows": 4}),
            "description": forms.Textarea(attrs={"rows": 8}),
            "areas": forms.CheckboxSelectMultiple,
            "efforts": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["title"].error_messages["required"] = _("Skriv punktets titel.")
        self.fields["case_type"].error_messages["invalid_choice"] = _("Vælg en af sagstyperne.")
        self.fields["areas"].queryset = LocalArea.objects.order_by("name")
        self.fields["efforts"].queryset = SpecialEffort.objects.order_by("title")

        self.fields["hearings"].queryset = hearing_choices()
        if self.instance.pk:
            self.fields["hearings"].initial = linked_hearing_ids(self.instance)

    def _post_clean(self):
        """Only parses: the service checks and saves."""

    def values(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        return {
            "areas": data.pop("areas"),
            "efforts": data.pop("efforts"),
            "hearings": self.cleaned_data["hearings"],
            "data": data,
        }


class ItemDecisionForm(PlainTextFormMixin, forms.Form):
    outcome = forms.ChoiceField(
        label=_("Beslutning"), required=False,
        choices=[("", _("Kun fritekst")), *DecisionOutcome.choices],
    )  # fmt: skip
    decision_text = forms.CharField(
        label=_("Beslutningens tekst"), required=False, max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )  # fmt: skip
    decision_date = date_field(_("Besluttet den"), required=False,
                               help_text=_("Tomt: mødets dato."))  # fmt: skip
    follow_up = forms.CharField(
        label=_("Opfølgning (hvem gør hvad)"), required=False, max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )  # fmt: skip
    follow_up_status = forms.ChoiceField(label=_("Opfølgningens status"), required=False,
                                         choices=FollowUpStatus.choices)  # fmt: skip


class AttachmentForm(PlainTextFormMixin, forms.Form):
    title = forms.CharField(label=_("Bilagets titel"), max_length=200, required=False,
                            help_text=_("Tomt: filens navn."))  # fmt: skip
    file = forms.FileField(label=_("Fil"), error_messages={"required": _("Vælg en fil.")})


class FromRoundForm(forms.Form):
    round = forms.ModelChoiceField(
        label=_("Ansøgningsrunde"), queryset=Round.objects.none(),
        help_text=_("Punktet lister rundens ansøgninger under behandling."),
        error_messages={"invalid_choice": _("Vælg en af runderne.")},
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        under_review = Round.objects.filter(
            applications__status__in=[Status.SUBMITTED, Status.IN_REVIEW]
        ).distinct()
        self.fields["round"].queryset = (
            Round.objects.filter(pk__in=under_review).select_related("pool").order_by("-deadline")
        )
