"""Surveys in the follow mails (lokalfora/digest_sections.py): a survey that opened for
answers in the mail's window, and one whose results were published in it, aimed at an
area someone follows or at the whole municipality.

Two queries whatever the number of areas: the surveys of the window, and the areas of
those not for the whole municipality. Each survey appears once per mail (`once_key`), as
news items do. The follower's "undersøgelser" choice (wants_surveys) turns it on or off.
A survey only planned, closed without published results, a draft or a proposal is never
told about.
"""

from django.db.models import Q
from django.urls import reverse
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from lokalfora.digest_sections import (
    DigestLine,
    DigestSection,
    lines_for_areas,
    register_digest_section,
)
from projektudvalg.models import Survey, SurveyKind, SurveyStatus


def _line(survey, window) -> DigestLine:
    if survey.results_are_public:
        text = format_lazy(_("Resultaterne af »{title}« er offentliggjort."), title=survey.title)
        url = reverse("projektudvalg:survey-results", kwargs={"pk": survey.pk})
        return DigestLine(text=text, url=url, once_key=f"survey-results-{survey.pk}",
                          at=survey.results_published_at)  # fmt: skip
    closes = survey.closes_at.astimezone(window.now.tzinfo) if survey.closes_at else None
    text = format_lazy(
        _("Ny undersøgelse: »{title}«. Svar senest {day}."),
        title=survey.title,
        day=closes.strftime("%d-%m-%Y") if closes else "",
    )
    return DigestLine(text=text, url=survey.get_absolute_url(),
                      once_key=f"survey-{survey.pk}", at=survey.opens_at)  # fmt: skip


def _in_window(window) -> Q:
    opened = Q(
        status__in=[SurveyStatus.SCHEDULED, SurveyStatus.OPEN],
        opens_at__gt=window.since, opens_at__lte=window.now, closes_at__gt=window.now,
    )  # fmt: skip
    published = Q(
        status__in=[SurveyStatus.PUBLISHED, SurveyStatus.ARCHIVED],
        results_published_at__gt=window.since,
        results_published_at__lte=window.now,
    )
    return opened | published


def survey_lines(area_ids, window) -> dict[int, list[DigestLine]]:
    surveys = list(
        Survey.objects.filter(_in_window(window))
        .filter(Q(whole_municipality=True) | Q(areas__in=area_ids))
        .distinct()
        .only(
            "pk",
            "title",
            "kind",
            "status",
            "whole_municipality",
            "opens_at",
            "closes_at",
            "results_published_at",
        )
        .order_by("pk")
    )
    surveys = [s for s in surveys if s.kind == SurveyKind.PORTAL or s.results_are_public]
    return lines_for_areas(
        surveys, area_ids, through=Survey.areas.through, row_field="survey_id",
        line=lambda survey: _line(survey, window),
    )  # fmt: skip


register_digest_section(
    DigestSection(
        key="surveys",
        order=25,
        heading=_("Undersøgelser"),
        lines=survey_lines,
        queries=2,
        kind="wants_surveys",
    )
)
