"""Committee staff open and change a round (the staff page and the admin)."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from holbaek.forms import MoneyField, PlainTextFormMixin, date_field
from projektudvalg.forms.fields import MAX_AMOUNT
from projektudvalg.models import Round, end_of_day, round_dates_check


class RoundForm(PlainTextFormMixin, forms.ModelForm):
    """A round. The deadline is a day, at the end of that day in Danish time unless a time
    is given. Only parses: services.round_create/round_update check the dates, the report
    months and the budget against what is committed, under the round's lock (`values()`
    is what they take). The form asks the models' date rule as well, so a deadline
    before the opening is named on the deadline's day together with any other error."""

    budget = MoneyField(label=_("Budget (kr.)"), max_value=MAX_AMOUNT)
    deadline_day = date_field(_("Ansøgningsfrist (dato)"))
    deadline_time = forms.TimeField(
        label=_("Klokkeslæt"),
        required=False,
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("Tomt: fristen er ved dagens udgang, dansk tid."),
        error_messages={"invalid": _("Skriv klokkeslættet som fx 12:00.")},
    )

    class Meta:
        model = Round
        fields = ["pool", "name", "opens_at", "budget", "report_months"]
        widgets = {
            "opens_at": forms.DateTimeInput(
                attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["opens_at"].error_messages["invalid"] = _(
            "Skriv dato og klokkeslæt, fx 01.03.2027 08:00."
        )
        if self.instance.pk:
            local = timezone.localtime(self.instance.deadline)
            self.initial["deadline_day"] = local.date()
            if local.time() != datetime.time.max:
                self.initial["deadline_time"] = local.time()

    def clean(self):
        cleaned = super().clean()
        day, time = cleaned.get("deadline_day"), cleaned.get("deadline_time")
        if day is not None:
            self.instance.deadline = cleaned["deadline"] = (
                end_of_day(day)
                if time is None
                else timezone.make_aware(datetime.datetime.combine(day, time))
            )
            if cleaned.get("opens_at"):
                try:
                    round_dates_check(opens_at=cleaned["opens_at"], deadline=cleaned["deadline"])
                except ValidationError as refusal:  # shown on the day, with any other error
                    self.add_error("deadline_day", refusal.error_dict["deadline"])
        return cleaned

    def values(self) -> dict:
        """The round's values for services.round_create/round_update."""
        names = ["pool", "name", "opens_at", "deadline", "budget", "report_months"]
        return {name: self.cleaned_data[name] for name in names}
