"""The committee's agenda items and the surveys in the portal's full-text search
(lokalfora/search.py).

Two kinds, so that a decision's text is found only once it is public:
- "decision": the items of meetings whose minutes are published, matched on the stored
  vector (title, recommendation, description and decision text; migration 0004);
- "agenda": the items of a published agenda not yet in minutes, matched on a vector made
  on the fly from the title, recommendation and description only (a decision staff have
  drafted is not public yet).
A closed item is in neither: its stored vector is NULL and both querysets leave it out,
so nothing of it can match, on PostgreSQL or in the substring fallback.
"""

from django.contrib.postgres.search import SearchVector
from django.utils.translation import gettext_lazy as _

from lokalfora.search import CONFIG, register_searched_kind
from projektudvalg.models import AgendaItem, MeetingStatus, Survey, SurveyStatus

AGENDA_STATUSES = (MeetingStatus.AGENDA_PUBLISHED, MeetingStatus.HELD)


def _open_items():
    return AgendaItem.objects.filter(is_closed=False)


def _in_minutes():
    return _open_items().filter(meeting__status=MeetingStatus.MINUTES_PUBLISHED)


def _on_agenda():
    return _open_items().filter(meeting__status__in=AGENDA_STATUSES)


def _agenda_vector():
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("recommendation", weight="B", config=CONFIG)
        + SearchVector("description", weight="C", config=CONFIG)
    )


def _related(queryset):
    return queryset.select_related("meeting__committee").prefetch_related("areas")


def _area_name(item) -> str:
    names = [area.name for area in item.areas.all()]
    committee = item.meeting.committee
    return ", ".join(names) or committee.short_name or committee.name


def _url(item) -> str:
    return item.get_absolute_url()


register_searched_kind(
    "decision",
    AgendaItem,
    ("title", "recommendation", "description", "decision_text"),
    "title",
    _in_minutes,
    _area_name,
    _url,
    _("Udvalgets referat"),
    related_fn=_related,
)
register_searched_kind(
    "agenda",
    AgendaItem,
    ("title", "recommendation", "description"),
    "title",
    _on_agenda,
    _area_name,
    _url,
    _("Udvalgets dagsorden"),
    related_fn=_related,
    vector_fn=_agenda_vector,
)


# Track 3's surveys: a survey's page is public from planned on (Survey.is_public); drafts,
# proposals and rejected proposals are never found. Matched on a vector made on the fly.
SURVEY_PUBLIC = (SurveyStatus.SCHEDULED, SurveyStatus.OPEN, SurveyStatus.CLOSED,
                 SurveyStatus.PUBLISHED, SurveyStatus.ARCHIVED)  # fmt: skip


def _public_surveys():
    return Survey.objects.filter(status__in=SURVEY_PUBLIC)


def _survey_vector():
    return (
        SearchVector("title", weight="A", config=CONFIG)
        + SearchVector("purpose", weight="B", config=CONFIG)
        + SearchVector("external_summary", weight="C", config=CONFIG)
    )


def _survey_areas(survey) -> str:
    if survey.whole_municipality:
        return str(_("Hele kommunen"))
    return ", ".join(area.name for area in survey.areas.all())


register_searched_kind(
    "survey",
    Survey,
    ("title", "purpose", "external_summary"),
    "title",
    _public_surveys,
    _survey_areas,
    _url,
    _("Undersøgelse"),
    related_fn=lambda queryset: queryset.prefetch_related("areas"),
    vector_fn=_survey_vector,
)
