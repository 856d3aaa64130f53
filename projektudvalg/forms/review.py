"""The case page's staff forms, the fælles-skaber's advisory note, the queue's filters and
the committee's meetings."""

from django import forms
from django.utils.translation import gettext_lazy as _

from holbaek.forms import MoneyField, PlainTextFormMixin, date_field
from lokalfora.models import LocalArea
from projektudvalg.forms.fields import MAX_AMOUNT, money
from projektudvalg.models import GrantPool, Meeting, Outcome, Round, Status


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
    meeting = forms.ModelChoiceField(
        label=_("Udvalgsmøde"), queryset=Meeting.objects.all(), required=False,
        empty_label=_("Intet møde"),
    )  # fmt: skip


class PayoutForm(PlainTextFormMixin, forms.Form):
    prefix = "payout"  # several forms share the case page: unique ids

    paid_on = date_field(_("Udbetalt den"))
    amount = MoneyField(label=_("Beløb (kr.)"), max_value=MAX_AMOUNT)
    nemkonto_reference = forms.CharField(label=_("NemKonto-reference"), max_length=35)


class AgendaForm(forms.Form):
    prefix = "agenda"  # several forms share the case page: unique ids

    meeting = forms.ModelChoiceField(label=_("Sæt på dagsordenen for"),
                                     queryset=Meeting.objects.all())  # fmt: skip


class MeetingForm(PlainTextFormMixin, forms.Form):
    title = forms.CharField(label=_("Titel"), max_length=150)
    date = date_field(_("Dato"))
    place = forms.CharField(label=_("Sted"), max_length=150, required=False)


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
