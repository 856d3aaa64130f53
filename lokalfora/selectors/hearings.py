"""Reading hearings: each function runs a fixed number of queries whatever the data."""

from django.db.models import Case, Count, Prefetch, Q, Value, When
from django.utils import timezone

from lokalfora.models import (
    ContactPerson,
    Forum,
    Hearing,
    HearingInvitation,
    HearingResponse,
    HearingResponseReview,
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


# --- Staff pages ----------------------------------------------------------------------

MATRIX_COLUMNS = 12  # the open and planned hearings with the nearest deadlines


def hearings_for_staff():
    """Every hearing, drafts too, with its answers counted in SQL (for a paginated list)."""
    submitted = Q(responses__status=ResponseStatus.SUBMITTED)
    return Hearing.objects.annotate(
        submitted_count=Count("responses", filter=submitted),
        held_count=Count("responses", filter=submitted & Q(responses__screening="held")),
    ).order_by("-deadline", "-id")


def invitation_matrix():
    """(forums, hearings, rows): every forum against the open and planned hearings with the
    nearest deadlines; a row is (forum, has_address, [invitation or None per hearing]).
    Four queries, whatever the number of hearings."""
    forums = list(Forum.objects.select_related("area").order_by("area__name"))
    hearings = list(
        Hearing.objects.filter(status__in=[HearingStatus.OPEN, HearingStatus.PLANNED]).order_by(
            "deadline", "id"
        )[:MATRIX_COLUMNS]
    )
    invitations = {
        (invitation.forum_id, invitation.hearing_id): invitation
        for invitation in HearingInvitation.objects.filter(hearing__in=hearings)
    }
    reachable = set(
        ContactPerson.objects.active().exclude(email="").values_list("forum_id", flat=True)
    )
    rows = [
        (
            forum,
            forum.pk in reachable,
            [invitations.get((forum.pk, hearing.pk)) for hearing in hearings],
        )
        for forum in forums
    ]
    return hearings, rows


def responses_for_review(hearing):
    """Every answer that was submitted (withdrawn ones too), the held ones first."""
    held_first = Case(
        When(status=ResponseStatus.SUBMITTED, screening="held", then=Value(0)), default=Value(1)
    )
    return (
        hearing.responses.exclude(status=ResponseStatus.DRAFT)
        .select_related("forum__area")
        .prefetch_related("attachments")
        .annotate(held_first=held_first)
        .order_by("held_first", "number")
    )


def response_for_review(hearing, number):
    return (
        hearing.responses.exclude(status=ResponseStatus.DRAFT)
        .filter(number=number)
        .select_related("forum__area", "hearing")
        .prefetch_related(
            "attachments",
            Prefetch(
                "reviews",
                queryset=HearingResponseReview.objects.select_related("reviewed_by").order_by(
                    "reviewed_at", "id"
                ),
            ),
        )
        .first()
    )


def responses_for_note(hearing):
    return hearing.responses.submitted().select_related("forum", "note_line").order_by("number")


def responses_for_export(hearing):
    return (
        hearing.responses.filter(status__in=[ResponseStatus.SUBMITTED, ResponseStatus.WITHDRAWN])
        .select_related("forum", "hearing")
        .prefetch_related("attachments")
        .order_by("number")
    )
