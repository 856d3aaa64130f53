"""The survey staff's forms: a survey's settings, a survey run elsewhere, and publishing
the results. They only parse: services.surveys and services.survey_steps check and save
(the target, the ways to answer, the window, the retention date, the lock)."""

import datetime

from django import forms
from django.db.models import Q
from django.forms.models import construct_instance
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from holbaek.forms import PlainTextFormMixin, add_refusal, date_field
from holbaek.text import SHORT_TEXT
from lokalfora.forms.events import LocalDateTimeField
from lokalfora.models import Hearing, HearingStatus, LocalArea
from projektudvalg.models import (
    COUNTED_KINDS,
    AgendaItem,
    Anonymity,
    EffortStatus,
    MunicipalNews,
    NewsStatus,
    QuestionKind,
    SpecialEffort,
    Survey,
)
from projektudvalg.selectors import news_staff

YEAR = datetime.timedelta(days=366)
NOTICE_SUGGESTION = _(
    "Forslag: Holbæk Kommune er dataansvarlig for dine svar. Vi bruger dem til [formålet]. "
    "Retsgrundlaget er databeskyttelsesforordningens artikel 6, stk. 1, litra e (opgaver i "
    "samfundets interesse). Svarene slettes [dato]; optællingerne bliver stående. "
    "Har du spørgsmål, så skriv til [funktionspostkasse]. Du kan klage til Datatilsynet."
)
ANONYMITY_CHOICES = [
    (
        Anonymity.ANONYMOUS,
        _(
            "Anonym: vi gemmer ikke, hvem der svarer, og kun datoen, ikke klokkeslættet. "
            "Ved en invitation gemmer vi kun, at den er brugt."
        ),
    ),
    (
        Anonymity.PSEUDONYMOUS,
        _(
            "Pseudonym: hvert svar får et tilfældigt nummer. Kun kommunen kan finde personen "
            "bag nummeret, og hvert opslag bliver logget."
        ),
    ),
    (
        Anonymity.IDENTIFIED,
        _("Identificeret: svarene gemmes med navn. Det får man at vide, før man begynder."),
    ),
]
FOREIGN = _("Vælg kun spørgsmål fra denne undersøgelse.")
LOCKED_HELP = _("Låst: undersøgelsen har fået svar, så det kan ikke ændres.")
TEXT_FIELDS = ["title", "purpose", "intro", "thank_you_text", "controller_notice"]
TARGET_FIELDS = ["whole_municipality", "areas"]
AUDIENCE_FIELDS = ["audience_public", "audience_signed_in", "audience_invited", "audience_forums"]
LINK_FIELDS = ["effort", "hearing", "news", "agenda_item"]


def _bounded(field, queryset, current_pk, label) -> None:
    """A link's choices: the reasonable rows, and the one chosen now (even if older)."""
    field.queryset = queryset.model.objects.filter(
        Q(pk__in=queryset.values("pk")) | Q(pk=current_pk)
    ).order_by(*queryset.query.order_by)
    field.label_from_instance = label


class ParseOnlyMixin:
    """The fields go onto the instance; the service checks and saves (no model validation
    here)."""

    def _post_clean(self):
        self.instance = construct_instance(self, self.instance, self._meta.fields)

    def refuse(self, error) -> None:
        add_refusal(self, error)


class AreasMixin:
    def _areas(self):
        self.fields["areas"].queryset = LocalArea.objects.order_by("name")
        self.fields["areas"].label_from_instance = lambda area: area.name

    def areas(self) -> list:
        return list(self.cleaned_data.get("areas") or [])


class SurveyForm(ParseOnlyMixin, AreasMixin, PlainTextFormMixin, forms.ModelForm):
    """A survey built in the portal: its texts, target, ways to answer, anonymity, window,
    retention date and what it serves."""

    opens_at = LocalDateTimeField(label=_("Åbner (dansk tid)"), required=False)
    closes_at = LocalDateTimeField(label=_("Lukker (dansk tid)"), required=False)
    retention_until = date_field(
        _("Svarene slettes"),
        help_text=_("Den dag de enkelte svar slettes, efter lukketiden. Optællingerne bliver."),
    )
    anonymity = forms.ChoiceField(
        label=_("Anonymitet"), choices=ANONYMITY_CHOICES, widget=forms.RadioSelect
    )

    class Meta:
        model = Survey
        fields = [*TEXT_FIELDS, *TARGET_FIELDS, *AUDIENCE_FIELDS, "anonymity", "opens_at",
                  "closes_at", "retention_until", *LINK_FIELDS]  # fmt: skip
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "intro": forms.Textarea(attrs={"rows": 4}),
            "thank_you_text": forms.Textarea(attrs={"rows": 3}),
            "controller_notice": forms.Textarea(attrs={"rows": 6}),
            "areas": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "controller_notice": NOTICE_SUGGESTION,
            "whole_municipality": _("Eller vælg de lokalområder, undersøgelsen handler om."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._areas()
        survey, now = self.instance, timezone.now()
        for name in ("title", "purpose"):
            self.fields[name].error_messages["required"] = _("Udfyld feltet.")
        efforts = SpecialEffort.objects.exclude(status=EffortStatus.FINISHED).order_by("title")
        _bounded(self.fields["effort"], efforts, survey.effort_id, lambda e: e.title)
        hearings = Hearing.objects.exclude(
            status__in=[HearingStatus.ARCHIVED, HearingStatus.WITHDRAWN]
        ).order_by("-id")
        _bounded(self.fields["hearing"], hearings, survey.hearing_id, lambda h: h.title)
        news = MunicipalNews.objects.filter(
            status=NewsStatus.PUBLISHED, publish_at__gt=now - YEAR
        ).order_by("-publish_at")
        _bounded(self.fields["news"], news, survey.news_id, lambda n: n.title)
        items = AgendaItem.objects.filter(
            meeting__starts_at__range=(now - YEAR, now + YEAR)
        ).order_by("-meeting__starts_at", "number")
        _bounded(self.fields["agenda_item"], items, survey.agenda_item_id, _item_label)
        self.fields["agenda_item"].queryset = self.fields["agenda_item"].queryset.select_related(
            "meeting"
        )
        for name in ("effort", "hearing", "news", "agenda_item"):
            self.fields[name].help_text = _("Vælg blandt de seneste og kommende.")
        if survey.is_locked:
            for name in ["anonymity", *AUDIENCE_FIELDS]:
                self.fields[name].disabled = True
                self.fields[name].help_text = LOCKED_HELP


def _item_label(item) -> str:
    return news_staff.decision_label(item)


class ExternalSurveyForm(ParseOnlyMixin, AreasMixin, PlainTextFormMixin, forms.ModelForm):
    """A survey run elsewhere: what it was, where it was run, its results in short and the
    results file."""

    results_file = forms.FileField(
        label=_("Resultatfil"),
        required=False,
        help_text=_("PDF, Excel (XLSX), Word (DOCX) eller CSV. Højst 10 MB."),
    )

    class Meta:
        model = Survey
        fields = ["title", "purpose", *TARGET_FIELDS, "external_source", "external_summary"]
        widgets = {
            "purpose": forms.Textarea(attrs={"rows": 3}),
            "external_summary": forms.Textarea(attrs={"rows": 6}),
            "areas": forms.CheckboxSelectMultiple,
        }
        help_texts = {
            "whole_municipality": _("Eller vælg de lokalområder, undersøgelsen handler om."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._areas()
        for name in ("title", "purpose"):
            self.fields[name].error_messages["required"] = _("Udfyld feltet.")
        if self.instance.pk:
            self.fields["results_file"].help_text = _(
                "Vælg kun en fil, hvis den skal erstatte den nuværende. PDF, XLSX, DOCX eller "
                "CSV. Højst 10 MB."
            )


class PublishForm(PlainTextFormMixin, forms.Form):
    """Which questions become public (free text off by default: it may hold personal data),
    and "Det brugte vi svarene til". Once published the question choice is shown, not
    asked (`choose=False`)."""

    questions = forms.ModelMultipleChoiceField(
        label=_("Offentliggøres"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": FOREIGN, "invalid_pk_value": FOREIGN},
    )
    used_in_decision = forms.TypedChoiceField(
        label=_("Brugt i udvalgets beslutning"), required=False, coerce=int, empty_value=None,
        help_text=_("Kun offentliggjorte beslutninger, de nyeste 200."),
    )  # fmt: skip
    used_in_news = forms.ModelChoiceField(
        label=_("Brugt i nyheden"), queryset=MunicipalNews.objects.none(), required=False,
        empty_label=_("Ingen"), help_text=_("Offentliggjorte nyheder fra det seneste år."),
    )  # fmt: skip
    used_summary = forms.CharField(
        label=_("Det brugte vi svarene til"), required=False, max_length=SHORT_TEXT,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Kort, i almindeligt sprog. Vises sammen med resultaterne."),
    )  # fmt: skip

    def __init__(self, *args, survey, choose=True, **kwargs):
        super().__init__(*args, **kwargs)
        questions = survey.questions.exclude(kind=QuestionKind.SECTION).order_by("position", "id")
        if choose:
            self.fields["questions"].queryset = questions
            self.fields["questions"].label_from_instance = lambda question: question.text
            self.initial.setdefault(
                "questions", [q.pk for q in questions if q.kind in COUNTED_KINDS]
            )
        else:
            del self.fields["questions"]
        current = survey.used_in_decision
        self.fields["used_in_decision"].choices = [
            ("", _("Ingen")),
            *news_staff.decision_choices(current),
        ]
        now = timezone.now()
        news = MunicipalNews.objects.published(now).filter(publish_at__gt=now - YEAR)
        self.fields["used_in_news"].queryset = MunicipalNews.objects.filter(
            Q(pk__in=news.values("pk")) | Q(pk=survey.used_in_news_id)
        ).order_by("-publish_at")
        self.fields["used_in_news"].label_from_instance = lambda item: item.title
        self.initial.setdefault("used_in_decision", survey.used_in_decision_id)
        self.initial.setdefault("used_in_news", survey.used_in_news_id)
        self.initial.setdefault("used_summary", survey.used_summary)

    def values(self) -> dict:
        cleaned = self.cleaned_data
        pk = cleaned.get("used_in_decision")
        return {
            "used_in_decision": news_staff.public_decision(pk) if pk else None,
            "used_in_news": cleaned.get("used_in_news"),
            "used_summary": cleaned.get("used_summary") or "",
        }

    def question_ids(self) -> list[int]:
        return [question.pk for question in self.cleaned_data.get("questions") or []]

    def refuse(self, error) -> None:
        add_refusal(self, error)
