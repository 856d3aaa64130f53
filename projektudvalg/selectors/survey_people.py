"""Reads for the people pages of a survey: its invitees and their counts, the answers held
for a look (with their answers to counted questions, never free text), the log of
pseudonym look-ups, and a forum's proposals. Each in a fixed number of queries."""

from collections import defaultdict

from django.db.models import Count, Q

from projektudvalg.models import (
    COUNTED_KINDS,
    ReviewState,
    Survey,
    SurveyAnswer,
    SurveyEvent,
    SurveyEventKind,
    SurveyInvitation,
    SurveyResponse,
)


def staff_survey(pk) -> Survey | None:
    return Survey.objects.filter(pk=pk).first()


def invitation_counts(survey) -> dict:
    """Invited, sent, answered and reminded (at least once), in one query."""
    return SurveyInvitation.objects.filter(survey=survey).aggregate(
        invited=Count("pk"),
        sent=Count("pk", filter=Q(sent_at__isnull=False)),
        answered=Count("pk", filter=Q(completed=True)),
        reminded=Count("pk", filter=Q(reminders_sent__gt=0)),
    )


def invitations(survey):
    return SurveyInvitation.objects.filter(survey=survey).order_by("pk")


def held_responses(survey):
    return SurveyResponse.objects.filter(survey=survey, review=ReviewState.HELD).order_by(
        "submitted_on", "id"
    )


def _shown(answer) -> str:
    if answer.option_id is not None:
        label = answer.option.label
        if answer.row_id is not None:
            return f"{answer.row.label}: {label}"
        if answer.number is not None:  # a rank
            return f"{answer.number}. {label}"
        return label
    if answer.area_id is not None:
        return answer.area.name
    return "" if answer.number is None else str(answer.number)


def answers_of(responses) -> dict:
    """Response id → [(question text, [values])], the counted questions only, in order; one
    query for the page's responses."""
    rows = (
        SurveyAnswer.objects.filter(
            response__in=[response.pk for response in responses],
            question__kind__in=list(COUNTED_KINDS),
        )
        .select_related("question", "option", "row", "area")
        .order_by("question__position", "question_id", "row__position", "option__position")
    )
    found = defaultdict(dict)
    for answer in rows:
        values = found[answer.response_id].setdefault(answer.question_id, (answer.question, []))
        values[1].append(_shown(answer))
    return {pk: [(q.text, values) for q, values in by_q.values()] for pk, by_q in found.items()}


def key_lookups(survey):
    return (
        SurveyEvent.objects.filter(survey=survey, kind=SurveyEventKind.KEY_LOOKUP)
        .select_related("by")
        .order_by("-at", "-id")
    )


def forum_proposals(forum):
    """Every survey the forum proposed, the newest first (whatever became of it)."""
    return Survey.objects.filter(proposed_by_forum=forum).order_by("-created_at", "-id")
