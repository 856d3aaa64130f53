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
