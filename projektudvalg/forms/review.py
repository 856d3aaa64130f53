"""The case page's staff forms, the fælles-skaber's advisory note and the queue's filters
(the meetings' own forms are forms.meetings)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from holbaek.forms import MoneyField, PlainTextFormMixin, date_field
from lokalfora.models import LocalArea
from projektudvalg.forms.fields import MAX_AMOUNT, money
from projektudvalg.models import (
    AgendaItem,
    GrantPool,
    Meeting,
    MeetingStatus,
    Outcome,
    Round,
    Status,
)


class AssessmentForm(PlainTextFormMixin, forms.Form):
    prefix = "assess"  # several forms share the case page: unique ids

    notes = forms.CharField(label=_("Noter"), required=False, max_length=5000,
                            widget=forms.Textarea(attrs={"rows": 4}))  # fmt: skip

    def __init__(self, *args, criteria, **kwargs):
        super().__init__(*args, **kwargs)
        self.criteria = list(criteria)
        for criterion in self.criteria:
            self.fields[f"score_{criterion.pk}"] = forms.TypedChoiceField(
                label=criterion.name,
                choices=[("", _("Ikke vurderet"))] + [(n, str(n)) for n in range(6)],
                coerce=int,
                empty_value=None,
                required=False,
                help_text=_("0 (slet ikke) til 5 (i høj grad)."),
            )

    def scores(self) -> dict:
        return {c: self.cleaned_data.get(f"score_{c.pk}") for c in self.criteria}


class AdvisoryNoteForm(PlainTextFormMixin, forms.Form):
    prefix = "advice"  # several forms share the case page: unique ids

    text = forms.CharField(label=_("Rådgivende bemærkning"), max_length=5000,
                           widget=forms.Textarea(attrs={"rows": 4}),
                           error_messages={"required": _("Skriv en bemærkning.")})  # fmt: skip


OUTCOMES = [(o.value, o.label) for o in Outcome]


class RecommendationForm(PlainTextFormMixin, forms.Form):
    prefix = "rec"  # several forms share the case page: unique ids

    outcome = forms.ChoiceField(label=_("Indstilling"), choices=OUTCOMES)
    amount = money(_("Beløb (kr.)"), help_text=_("Ved bevilling."))
    text = forms.CharField(
        label=_("Begrundelse"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Skriv indstillingens begrundelse.")},
    )


class DecisionForm(PlainTextFormMixin, forms.Form):
    prefix = "decision"  # several forms share the case page: unique ids

    outcome = forms.ChoiceField(label=_("Afgørelse"), choices=OUTCOMES, widget=forms.RadioSelect)
    amount = money(_("Bevilget beløb (kr.)"), help_text=_("Ved bevilling. Højst det ansøgte."))
    conditions = forms.CharField(label=_("Vilkår"), required=False, max_length=5000,
                                 widget=forms.Textarea(attrs={"rows": 3}))  # fmt: skip
    reason = forms.CharField(
        label=_("Begrundelse"), required=False, max_length=5000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Skal udfyldes ved afslag, og når ansøgningen sendes retur."),
    )  # fmt: skip
    agenda_item = forms.ModelChoiceField(
        label=_("Dagsordenspunkt"), queryset=AgendaItem.objects.none(), required=False,
        empty_label=_("Intet punkt"),
        error_messages={"invalid_choice": _("Vælg et af punkterne.")},
    )  # fmt: skip

    def __init__(self, *args, application=None, **kwargs):
        """The agenda items the application is on, whose meeting was held."""
        super().__init__(*args, **kwargs)
        if application is not None:
            self.fields["agenda_item"].queryset = AgendaItem.objects.filter(
                pool_lines__application=application, meeting__status=MeetingStatus.HELD
            ).select_related("meeting")


class PayoutForm(PlainTextFormMixin, forms.Form):
    prefix = "payout"  # several forms share the case page: unique ids

    paid_on = date_field(_("Udbetalt den"))
    amount = MoneyField(label=_("Beløb (kr.)"), max_value=MAX_AMOUNT)
    nemkonto_reference = forms.CharField(label=_("NemKonto-reference"), max_length=35)


class AgendaForm(forms.Form):
    prefix = "agenda"  # several forms share the case page: unique ids

    meeting = forms.ModelChoiceField(
        label=_("Sæt på dagsordenen for"), queryset=Meeting.objects.none(),
        error_messages={"invalid_choice": _("Vælg et af møderne.")},
    )  # fmt: skip

    def __init__(self, *args, **kwargs):
        """The meetings whose agenda can still change."""
        super().__init__(*args, **kwargs)
        self.fields["meeting"].queryset = Meeting.objects.filter(
            status__in=[MeetingStatus.PLANNED, MeetingStatus.AGENDA_PUBLISHED]
        ).order_by("starts_at")


class QueueFilterForm(forms.Form):
    pool = forms.ModelChoiceField(label=_("Pulje"), queryset=None, required=False,
                                  empty_label=_("Alle puljer"))  # fmt: skip
    round = forms.ModelChoiceField(label=_("Runde"), queryset=None, required=False,
                                   empty_label=_("Alle runder"))  # fmt: skip
    area = forms.ModelChoiceField(label=_("Område"), queryset=LocalArea.objects.order_by("name"),
                                  required=False, empty_label=_("Alle områder"))  # fmt: skip
    status = forms.ChoiceField(label=_("Status"), required=False)
    min_amount = money(_("Ansøgt beløb fra (kr.)"))
    max_amount = money(_("Ansøgt beløb til (kr.)"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["pool"].queryset = GrantPool.objects.all()
        self.fields["round"].queryset = Round.objects.select_related("pool")
        self.fields["status"].choices = [("", _("Alle indsendte"))] + [
            (s.value, s.label) for s in Status if s != Status.DRAFT
        ]
