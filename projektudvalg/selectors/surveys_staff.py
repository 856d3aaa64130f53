"""What the survey staff's pages read: the list with its status counts, and one survey's
overview (its links, counts and last events), each in a fixed number of queries."""

from django.db.models import Count, Q

from projektudvalg.models import (
    QuestionKind,
    ReviewState,
    Survey,
    SurveyEvent,
    SurveyInvitation,
    SurveyResponse,
)

EVENTS_SHOWN = 20
RELATED = ["effort", "hearing", "news", "agenda_item__meeting", "used_in_decision__meeting",
           "used_in_news", "proposed_by_forum", "created_by", "external_file"]  # fmt: skip


def surveys_for_staff(*, status="", area=None):
    """Every survey, newest first, for the list's page (its areas prefetched)."""
    surveys = Survey.objects.all()
    if status:
        surveys = surveys.filter(status=status)
    if area is not None:
        surveys = surveys.for_area(area)
    return surveys.prefetch_related("areas").order_by("-created_at", "-id")


def status_counts() -> dict[str, int]:
    """Status → number of surveys, in one query."""
    rows = Survey.objects.values("status").annotate(n=Count("pk")).order_by()
    return {row["status"]: row["n"] for row in rows}


def staff_survey(pk):
    """The survey with what its pages show beside it, or None."""
    return Survey.objects.select_related(*RELATED).prefetch_related("areas").filter(pk=pk).first()


def response_counts(survey) -> dict[str, int]:
    """Review state → number of responses (counted, held, discarded), in one query."""
    rows = (
        SurveyResponse.objects.filter(survey=survey).values("review").annotate(n=Count("pk"))
    ).order_by()
    counts = dict.fromkeys(ReviewState.values, 0)
    counts.update({row["review"]: row["n"] for row in rows})
    return counts


def invitation_counts(survey) -> dict[str, int]:
    return SurveyInvitation.objects.filter(survey=survey).aggregate(
        total=Count("pk"),
        sent=Count("pk", filter=Q(sent_at__isnull=False)),
        completed=Count("pk", filter=Q(completed=True)),
    )


def question_count(survey) -> int:
    return survey.questions.exclude(kind=QuestionKind.SECTION).count()


def last_events(survey) -> list:
    return list(SurveyEvent.objects.filter(survey=survey).select_related("by")[:EVENTS_SHOWN])
