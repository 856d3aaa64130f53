"""The reads of the answer pages: the survey a visitor may see, the way this visitor
answers (an invitation, a forum, a signed-in user or the open link), whether that way
has answered already, and the forums a signed-in editor can answer for."""

from dataclasses import dataclass

from django.db.models import Q

from lokalfora.models import Forum, LocalArea
from projektudvalg.models import (
    ResponseChannel,
    Survey,
    SurveyExternalFile,
    SurveyInvitation,
    SurveyParticipation,
)
from projektudvalg.services.survey_responses import session_hash


def survey_for_page(pk):
    return (
        Survey.objects.select_related(
            "proposed_by_forum", "used_in_decision__meeting", "used_in_news"
        )
        .prefetch_related("areas")
        .filter(pk=pk)
        .first()
    )


def external_file(survey):
    return SurveyExternalFile.objects.filter(survey=survey).first()


def area_choices() -> list[tuple[int, str]]:
    """The 18 areas, for the lokalområde question."""
    return list(LocalArea.objects.order_by("name").values_list("pk", "name"))


@dataclass
class Way:
    """How this visitor's answer comes, as `response_store` takes it."""

    channel: str
    user: object = None
    forum: Forum | None = None
    invitation: SurveyInvitation | None = None
    session_token: str = ""

    def store_kwargs(self) -> dict:
        return {
            "channel": self.channel,
            "user": self.user,
            "forum": self.forum,
            "invitation": self.invitation,
            "session_token": self.session_token,
        }


def invitation_in(survey, pk):
    if not pk or not survey.audience_invited:
        return None
    return SurveyInvitation.objects.filter(pk=pk, survey=survey).first()


def forum_in(survey, *, pk=None, slug=None):
    """The forum (by id or its area's slug) if the survey asks the forums and its area
    is among the survey's (or the survey is for the whole municipality)."""
    if not survey.audience_forums or (pk is None and slug is None):
        return None
    forums = Forum.objects.select_related("area")
    forum = (
        forums.filter(pk=pk).first() if pk is not None else forums.filter(area__slug=slug).first()
    )
    if forum is None:
        return None
    if survey.whole_municipality or forum.area_id in {a.pk for a in survey.areas.all()}:
        return forum
    return None


def forums_for_editor(user, survey) -> list:
    """The forums of the survey's areas this signed-in user edits (and so answers for)."""
    if not survey.audience_forums or not getattr(user, "is_authenticated", False):
        return []
    forums = Forum.objects.select_related("area").filter(editors__user=user)
    if not survey.whole_municipality:
        forums = forums.filter(area__in=survey.areas.all())
    return list(forums.order_by("area__name").distinct())


def has_answered(survey, way: Way) -> bool:
    if way.channel == ResponseChannel.INVITATION:
        return way.invitation.completed
    rows = SurveyParticipation.objects.filter(survey=survey)
    match way.channel:
        case ResponseChannel.FORUM:
            return rows.filter(forum=way.forum).exists()
        case ResponseChannel.SIGNED_IN:
            answered = Q(user=way.user)  # or from this browser, by the open link
            if way.session_token:
                answered |= Q(session_hash=session_hash(survey, way.session_token))
            return rows.filter(answered).exists()
        case ResponseChannel.LINK:
            hashed = session_hash(survey, way.session_token)
            return rows.filter(Q(session_hash=hashed)).exists()
    return False
