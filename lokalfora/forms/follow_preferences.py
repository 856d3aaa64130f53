"""The follower's choices for one followed area (the preferences page)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from lokalfora.models import CONTENT_KINDS, Frequency
from lokalfora.services.follow_preferences import KIND_FIELDS


class PreferencesForm(forms.Form):
    """One area's choices. The topics are given as (pk, name) pairs read once for the page,
    so many areas cost no more queries than one."""

    frequency = forms.ChoiceField(
        label=_("Hvor ofte vil du have e-mail om området?"),
        choices=Frequency.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Vælg, hvor ofte du vil have e-mail."),
            "invalid_choice": _("Vælg en af mulighederne."),
        },
    )
    kinds = forms.MultipleChoiceField(
        label=_("Hvad vil du have besked om?"),
        choices=CONTENT_KINDS,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Portalen har endnu ingen undersøgelser. Vælger du dem, husker vi det og bruger "
            "dit valg, når de kommer."
        ),
        error_messages={"invalid_choice": _("Vælg blandt mulighederne.")},
    )
    topics = forms.TypedMultipleChoiceField(
        label=_("Emner, du interesserer dig for"),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_(
            "Nyhedsbreve om et emne går kun til dem, der har valgt emnet. Områdets egne "
            "e-mails får du uanset emne."
        ),
        error_messages={"invalid_choice": _("Vælg blandt emnerne.")},
    )

    def __init__(self, *args, subscription, topics, **kwargs):
        self.subscription = subscription
        self.topic_by_pk = {topic.pk: topic for topic in topics}
        initial = {
            "frequency": subscription.frequency,
            "kinds": [field for field in KIND_FIELDS if getattr(subscription, field)],
            "topics": [topic.pk for topic in subscription.topics.all() if topic.active],
        }
        super().__init__(*args, initial=initial, prefix=f"s{subscription.pk}", **kwargs)
        self.fields["topics"].choices = [(topic.pk, topic.name) for topic in topics]

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("frequency") not in (None, Frequency.OFF) and not cleaned.get("kinds"):
            self.add_error(
                "kinds",
                _("Vælg mindst én slags nyt, eller vælg «%(off)s» under hvor ofte.")
                % {"off": Frequency.OFF.label},
            )
        return cleaned

    def chosen_topics(self) -> list:
        return [self.topic_by_pk[pk] for pk in self.cleaned_data["topics"]]
