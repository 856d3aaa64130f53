"""Committee staff's newsletter forms. They only parse: services/newsletters.py checks
the segment and saves."""

from django import forms
from django.utils.translation import gettext_lazy as _

from holbaek.forms import PlainTextFormMixin
from lokalfora.models import LocalArea, NewsTopic
from projektudvalg.models import Newsletter, SpecialEffort
from projektudvalg.selectors.efforts import PUBLIC_STATUSES
from projektudvalg.selectors.newsletters import offered_items
from projektudvalg.services.newsletters import FIELDS


def _choices(label, help_text=""):
    return forms.ModelMultipleChoiceField(
        label=label,
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
        error_messages={
            "invalid_choice": _("Vælg fra listen."),
            "invalid_pk_value": _("Vælg fra listen."),
        },
    )


class NewsletterForm(PlainTextFormMixin, forms.ModelForm):
    """The newsletter's text, its news items and its segment: where, about what, to whom."""

    areas = _choices(_("Lokalområder"), _("Gælder ikke, når hele kommunen er valgt."))
    topics = _choices(
        _("Emner"),
        _(
            "Intet valgt: alle følgere af områderne. Ellers kun de følgere, der har valgt "
            "et af emnerne."
        ),
    )
    efforts = _choices(
        _("Følgere af særlige indsatser"),
        _("At følge en indsats er at følge dens lokalområder."),
    )
    items = _choices(_("Nyheder i nyhedsbrevet"), _("De nyeste publicerede nyheder."))

    class Meta:
        model = Newsletter
        fields = list(FIELDS)
        widgets = {"intro": forms.Textarea(attrs={"rows": 6})}

    field_order = [
        "subject", "intro", "items", "whole_municipality", "areas", "topics",
        "to_followers", "to_contacts", "to_editors", "efforts",
    ]  # fmt: skip

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        newsletter = self.instance if self.instance.pk else None
        self.fields["areas"].queryset = LocalArea.objects.order_by("name")
        chosen_topics = newsletter.topics.all() if newsletter else NewsTopic.objects.none()
        self.fields["topics"].queryset = (
            NewsTopic.objects.active() | NewsTopic.objects.filter(pk__in=chosen_topics)
        ).distinct()
        self.fields["efforts"].queryset = SpecialEffort.objects.filter(
            status__in=PUBLIC_STATUSES
        ).order_by("title")
        self.fields["efforts"].label_from_instance = lambda effort: effort.title
        self.fields["items"].queryset = offered_items(newsletter)
        self.fields["items"].label_from_instance = lambda item: item.title
        self.fields["subject"].error_messages["required"] = _("Skriv et emne.")
        self.fields["to_followers"].label = _("Følgere af områderne")
        self.fields["to_contacts"].label = _("Lokalforaenes kontaktpersoner")
        self.fields["to_editors"].label = _("Lokalforaenes redaktører")
        self.fields["whole_municipality"].label = _("Hele kommunen (alle 18 lokalområder)")
        if newsletter:
            for name in ("areas", "topics", "efforts", "items"):
                self.initial[name] = [row.pk for row in getattr(newsletter, name).all()]

    def _post_clean(self):
        """Only parses: the service checks and saves (no model validation here)."""

    def values(self) -> dict:
        """What services.newsletters.newsletter_save takes (besides the newsletter and by)."""
        return {
            "data": {name: self.cleaned_data[name] for name in FIELDS},
            "areas": self.cleaned_data["areas"],
            "topics": self.cleaned_data["topics"],
            "efforts": self.cleaned_data["efforts"],
            "items": self.cleaned_data["items"],
        }


class SendForm(PlainTextFormMixin, forms.Form):
    """Sending: the count and the list (its digest) the staff member saw, and their
    confirmation."""

    expected_count = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    expected_digest = forms.CharField(widget=forms.HiddenInput, max_length=64)
    confirm = forms.BooleanField(
        label=_("Jeg har set modtagerlisten og vil sende nyhedsbrevet til alle på den"),
        error_messages={"required": _("Sæt kryds for at bekræfte, at du vil sende.")},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["expected_count"].error_messages["invalid"] = _("Se modtagerlisten igen.")
        self.fields["expected_digest"].error_messages["required"] = _("Se modtagerlisten igen.")
