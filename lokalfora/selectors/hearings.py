"""Reading hearings: each function runs a fixed number of queries whatever the data."""

from django.db.models import Count, Prefetch, Q
from django.utils import timezone

from lokalfora.models import (
    Hearing,
    HearingInvitation,
    HearingResponse,
    HearingStatus,
    ResponseStatus,
)


def public_hearings():
    return Hearing.objects.public()


def hearing_for_page(pk):
    return (
        Hearing.objects.filter(pk=pk)
        .prefetch_related(
            Prefetch(
                "invitations",
                queryset=HearingInvitation.objects.select_related("forum__area").order_by(
                    "forum__area__name"
                ),
            ),
            "parties",
            "documents",
            "areas",
        )
        .first()
    )


def public_responses(hearing, now=None):
    """The answers the public may see now (none before the hearing's rule allows)."""
    if not hearing.answers_are_public(now):
        return HearingResponse.objects.none()
    return (
        hearing.responses.publishable()
        .select_related("forum")
        .prefetch_related("attachments")
        .order_by("number")
    )


def response_counts(hearing) -> dict:
    """Submitted answers in all, and how many are public (one query)."""
    return hearing.responses.aggregate(
        submitted=Count("pk", filter=Q(status=ResponseStatus.SUBMITTED)),
    )


def hearings_for_area(area):
    """Every public hearing about the area or addressed to its forum, newest deadline first,
    with the forum's invitation (and answer) when it was asked."""
    forum_id = getattr(getattr(area, "forum", None), "pk", None)
    invitations = HearingInvitation.objects.filter(forum_id=forum_id)
    answers = HearingResponse.objects.filter(forum_id=forum_id, status=ResponseStatus.SUBMITTED)
    return (
        Hearing.objects.public()
        .filter(Q(areas=area) | Q(invitations__forum_id=forum_id))
        .distinct()
        .prefetch_related(
            Prefetch("invitations", queryset=invitations, to_attr="forum_invitations"),
            Prefetch("responses", queryset=answers, to_attr="forum_answers"),
        )
        .order_by("-deadline", "-id")
    )


def open_hearings(now=None):
    now = now or timezone.now()
    return Hearing.objects.filter(status__in=[HearingStatus.OPEN, HearingStatus.PLANNED])


# Answering (lokalfora/views/hearings_answer.py).


def invitation_for_forum_page(pk, slug):
    """The hearing's invitation of the forum of the area `slug`, with both (one query);
    None when the hearing does not exist or did not ask that forum."""
    return (
        HearingInvitation.objects.select_related("hearing", "forum__area")
        .filter(hearing_id=pk, forum__area__slug=slug)
        .first()
    )


def forum_answer(hearing, forum):
    """The forum's live answer (its shared draft or the sent one), with who drafted and sent
    it and its attachments (two queries); None when there is none."""
    return (
        HearingResponse.objects.filter(hearing=hearing, forum=forum)
        .exclude(status=ResponseStatus.WITHDRAWN)
        .select_related("drafted_by", "submitted_by")
        .prefetch_related("attachments")
        .first()
    )


def submitted_response(hearing_pk, response_pk):
    """A sent (or since withdrawn) answer to the hearing, for its receipt page."""
    return (
        HearingResponse.objects.exclude(status=ResponseStatus.DRAFT)
        .select_related("hearing", "forum")
        .filter(hearing_id=hearing_pk, pk=response_pk)
        .first()
    )


def response_for_withdraw_key(key):
    """The sent answer the receipt's withdraw link names (a draft's key is never mailed)."""
    return (
        HearingResponse.objects.exclude(status=ResponseStatus.DRAFT)
        .select_related("hearing", "forum")
        .filter(withdraw_key=key)
        .first()
    )
