"""The municipal news editors' forms. They parse only: services.municipal_news and
news_cooperation check and save. The text and picture rules are the forum news's
(lokalfora.forms.news.NewsContentForm)."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from holbaek.forms import PlainTextFormMixin, add_refusal, date_field
from holbaek.text import SHORT_TEXT
from lokalfora.forms.news import MARKDOWN_HELP, NEWS_HELP_TEXTS, NEWS_WIDGETS, NewsContentForm
from lokalfora.models import Forum, LocalArea, NewsTopic
from projektudvalg.models import MunicipalNews, NewsOrigin, SpecialEffort
from projektudvalg.selectors import news_staff

FIRST_YEAR, LAST_YEAR = 2020, 2100
CONTENT = ["title", "summary", "body", "easy_read", "image_alt"]
# The service's field names on the form's fields.
REFUSAL_FIELDS = {"publish_at": "publish_day", "origin_effort": "origin_effort"}


class ProposalForm(PlainTextFormMixin, NewsContentForm, forms.ModelForm):
    """A forum editor's proposal: the text, the picture, where it is aimed and its topics."""

    markdown_fields = ("body", "easy_read")

    class Meta:
        model = MunicipalNews
        fields = [*CONTENT, "whole_municipality", "areas", "topics"]
        widgets = NEWS_WIDGETS | {
            "easy_read": forms.Textarea(attrs={"rows": 6}),
            "areas": forms.CheckboxSelectMultiple,
            "topics": forms.CheckboxSelectMultiple,
        }
        help_texts = NEWS_HELP_TEXTS | {
            "easy_read": _("Valgfri. Korte sætninger og almindelige ord.") + " " + MARKDOWN_HELP,
            "whole_municipality": _("Eller vælg de lokalområder, nyheden handler om."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["areas"].queryset = LocalArea.objects.order_by("name")
        self.fields["areas"].label_from_instance = lambda area: area.name
        kept = self.instance.topics.all() if self.instance.pk else NewsTopic.objects.none()
        self.fields["topics"].queryset = (NewsTopic.objects.active() | kept).distinct()
        for name in ("title", "summary"):
            self.fields[name].error_messages["required"] = _("Udfyld feltet.")

    def _post_clean(self):
        """Only parses: the service checks and saves (no model validation here)."""

    def values(self) -> dict:
        cleaned = self.cleaned_data
        return {
            "data": {name: cleaned[name] for name in self.Meta.fields if name in CONTENT},
            "areas": list(cleaned.get("areas") or []),
            "topics": list(cleaned.get("topics") or []),
            "whole_municipality": bool(cleaned.get("whole_municipality")),
            "image": self.prepared_image,
            "remove_image": bool(cleaned.get("remove_image")),
        }

    def refuse(self, error) -> None:
        if hasattr(error, "error_dict"):
            for field, errors in error.error_dict.items():
                name = REFUSAL_FIELDS.get(field, field)
                self.add_error(name if name in self.fields else None, errors)
        else:
            self.add_error(None, error.messages)


ORIGINS = [(NewsOrigin.MUNICIPALITY, _("Kommunen")), (NewsOrigin.EFFORT, _("En særlig indsats"))]


class StaffNewsForm(ProposalForm):
    """Staff's item: also who it comes from, the decision it reports and when it is
    published (a day and a time, Danish time)."""

    origin = forms.ChoiceField(label=_("Afsender"), choices=ORIGINS)
    origin_effort = forms.ModelChoiceField(
        label=_("Særlig indsats"),
        required=False,
        queryset=SpecialEffort.objects.none(),
        help_text=_("Kun når afsenderen er en særlig indsats."),
    )
    source_decision = forms.TypedChoiceField(
        label=_("Udvalgets beslutning"),
        required=False,
        coerce=int,
        empty_value=None,
        help_text=_(
            "Valgfri. Nyheden får et link »Læs beslutningen«. Kun offentliggjorte "
            "beslutninger, de nyeste 200."
        ),
    )
    publish_day = date_field(_("Offentliggøres (dato)"), required=False)
    publish_time = forms.TimeField(
        label=_("Kl."),
        required=False,
        input_formats=["%H:%M", "%H.%M"],
        widget=forms.TimeInput(attrs={"type": "time"}, format="%H:%M"),
        help_text=_("Dansk tid. Kun når du planlægger offentliggørelsen."),
        error_messages={"invalid": _("Skriv klokkeslættet som fx 12:00.")},
    )

    def __init__(self, *args, ask_confirmation=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.asks_confirmation = False
        item = self.instance
        self.fields["origin_effort"].queryset = SpecialEffort.objects.order_by("title")
        self.fields["origin_effort"].label_from_instance = lambda effort: effort.title
        current = item.source_decision if item.source_decision_id else None
        choices = news_staff.decision_choices(current)
        self.fields["source_decision"].choices = [("", _("Ingen")), *choices]
        if item.pk:
            self.initial.setdefault("origin", item.origin)
            self.initial.setdefault("origin_effort", item.origin_effort_id)
            self.initial.setdefault("source_decision", item.source_decision_id)
            if item.publish_at:
                moment = timezone.localtime(item.publish_at)
                self.initial.setdefault("publish_day", moment.date())
                self.initial.setdefault("publish_time", moment.time().replace(second=0))
        if item.origin == NewsOrigin.FORUM:
            del self.fields["origin"], self.fields["origin_effort"]
        if ask_confirmation:
            self.ask_to_confirm()

    def ask_to_confirm(self) -> None:
        """The personal-data check found something: staff confirm they read the text."""
        self.asks_confirmation = True
        self.fields["confirmed_checked"] = forms.BooleanField(
            label=_("Jeg har læst teksten igennem for personoplysninger"), required=False
        )

    def publish_at(self):
        """The schedule as an aware datetime in Danish time, or None (publish now)."""
        day, time = self.cleaned_data.get("publish_day"), self.cleaned_data.get("publish_time")
        if day is None:
            return None
        return timezone.make_aware(datetime.datetime.combine(day, time or datetime.time(0)))

    def check_schedule(self) -> bool:
        """For "planlæg": a day and a time within the years the portal accepts."""
        day, time = self.cleaned_data.get("publish_day"), self.cleaned_data.get("publish_time")
        if day is None and "publish_day" not in self.errors:
            self.add_error("publish_day", _("Vælg den dato, nyheden skal offentliggøres."))
        elif day is not None and not FIRST_YEAR <= day.year <= LAST_YEAR:
            self.add_error("publish_day", _("Skriv en dato mellem 2020 og 2100."))
        if time is None and "publish_time" not in self.errors:
            self.add_error("publish_time", _("Skriv klokkeslættet som fx 12:00."))
        return not self.errors

    def values(self) -> dict:
        values = super().values()
        cleaned = self.cleaned_data
        if "origin" in self.fields:
            values["data"]["origin"] = cleaned["origin"]
            values["data"]["origin_effort"] = cleaned.get("origin_effort")
        pk = cleaned.get("source_decision")
        values["data"]["source_decision"] = news_staff.public_decision(pk) if pk else None
        return values


class RejectForm(PlainTextFormMixin, forms.Form):
    reason = forms.CharField(
        label=_("Begrundelse"),
        max_length=SHORT_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Lokalforummet kan læse begrundelsen."),
        error_messages={"required": _("Skriv, hvorfor nyheden er afvist.")},
    )

    def refuse(self, error) -> None:
        add_refusal(self, error)


class OfferForm(forms.Form):
    forums = forms.ModelMultipleChoiceField(
        label=_("Lokalfora"),
        queryset=Forum.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Vælg mindst ét lokalforum.")},
    )

    def __init__(self, *args, taken=(), **kwargs):
        super().__init__(*args, **kwargs)
        forums = Forum.objects.exclude(pk__in=list(taken)).select_related("area")
        self.fields["forums"].queryset = forums.order_by("name")
        self.fields["forums"].label_from_instance = lambda forum: forum.name


class SharedInForm(PlainTextFormMixin, forms.Form):
    group = forms.CharField(
        label=_("Gruppe eller kanal"),
        max_length=150,
        help_text=_("Fx Regstrup Borgerforening på Facebook."),
        error_messages={"required": _("Skriv, hvor nyheden er delt.")},
    )
    url = forms.URLField(
        label=_("Link til opslaget"),
        required=False,
        max_length=200,
        error_messages={"invalid": _("Skriv en gyldig webadresse, fx https://facebook.com/…")},
    )
    shared_on = date_field(_("Delt den"))

    def refuse(self, error) -> None:
        add_refusal(self, error)


class CommentForm(PlainTextFormMixin, forms.Form):
    text = forms.CharField(
        label=_("Kommentar"),
        max_length=SHORT_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": _("Skriv en kommentar.")},
    )

    def refuse(self, error) -> None:
        add_refusal(self, error)
