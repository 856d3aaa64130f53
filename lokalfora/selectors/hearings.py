"""Reading hearings: each function runs a fixed number of queries whatever the data."""

from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.utils import timezone

from lokalfora.models import (
    ContactPerson,
    Forum,
    Hearing,
    HearingInvitation,
    HearingKind,
    HearingResponse,
    HearingResponseReview,
    HearingStatus,
    InvitationStatus,
    LocalArea,
    ResponseStatus,
)

# The archive's tabs: still to be answered (or announced), and the ones whose deadline
# passed or that were withdrawn.
OPEN_STATUSES = (HearingStatus.PLANNED, HearingStatus.OPEN)
CLOSED_STATUSES = (
    HearingStatus.CLOSED,
    HearingStatus.CONCLUDED,
    HearingStatus.ARCHIVED,
    HearingStatus.WITHDRAWN,
)
# A forum that said "ingen bemærkninger" has answered too.
ANSWERED_STATUSES = (InvitationStatus.ANSWERED, InvitationStatus.NO_COMMENTS)


def public_hearings():
    return Hearing.objects.public()


def _open_q(now):
    return Q(status=HearingStatus.PLANNED) | Q(status=HearingStatus.OPEN, deadline__gt=now)


def hearing_archive(*, tab="", status="", kind="", area=None, year=None, now=None):
    """The public archive (/hoeringer/), filtered; open ones first. With each hearing the
    number of forums asked and answered (counted in SQL) and its areas (one prefetch)."""
    now = now or timezone.now()
    hearings = Hearing.objects.public()
    if tab == "open":
        hearings = hearings.filter(_open_q(now))
    elif tab == "closed":
        hearings = hearings.exclude(_open_q(now))
    if status:
        hearings = hearings.filter(status=status)
    if kind:
        hearings = hearings.filter(kind=kind)
    if year:
        hearings = hearings.filter(deadline__year=year)
    if area is not None:
        hearings = hearings.filter(
            Q(pk__in=Hearing.areas.through.objects.filter(localarea=area).values("hearing"))
            | Q(pk__in=HearingInvitation.objects.filter(forum__area=area).values("hearing"))
        )
    return (
        hearings.annotate(
            forums_asked=Count("invitations"),
            forums_answered=Count(
                "invitations", filter=Q(invitations__status__in=ANSWERED_STATUSES)
            ),
            open_first=Case(
                When(_open_q(now), then=Value(0)), default=Value(1), output_field=IntegerField()
            ),
        )
        .prefetch_related(Prefetch("areas", queryset=LocalArea.objects.order_by("name")))
        .order_by("open_first", "-deadline", "-id")
    )


def archive_years() -> list[int]:
    """The years of the public hearings' deadlines, newest first (one query)."""
    dates = Hearing.objects.public().dates("deadline", "year", order="DESC")
    return [day.year for day in dates]


def hearing_kinds():
    return HearingKind.choices


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
            Prefetch("areas", queryset=LocalArea.objects.order_by("name")),
            "deadline_changes",
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


def public_response_rows(hearing, now=None):
    """The public answers for the hearing page's list: without their attachments, each
    knowing its hearing (so `is_public` and the links cost nothing more)."""
    if not hearing.answers_are_public(now):
        return HearingResponse.objects.none()
    return hearing.responses.publishable().select_related("forum").order_by("number")


def response_counts(hearing, now=None) -> dict:
    """Submitted answers in all, and how many are public now (one query)."""
    counts = hearing.responses.aggregate(
        submitted=Count("pk", filter=Q(status=ResponseStatus.SUBMITTED)),
        publishable=Count(
            "pk", filter=Q(pk__in=HearingResponse.objects.publishable().values("pk"))
        ),
    )
    counts["public"] = counts.pop("publishable") if hearing.answers_are_public(now) else 0
    return counts


def response_for_page(pk, number):
    """One submitted (or withdrawn) answer of the hearing by its number, with its hearing,
    forum, attachments and the staff's review log (4 queries); None if there is none."""
    return (
        HearingResponse.objects.filter(hearing_id=pk, number=number)
        .exclude(status=ResponseStatus.DRAFT)
        .select_related("hearing", "forum")
        .prefetch_related("attachments", "reviews__reviewed_by")
        .first()
    )


def note_responses(hearing):
    """Every submitted answer for the høringsnotat, by number, with its line (one query);
    withdrawn answers and drafts are not in it."""
    responses = list(
        hearing.responses.submitted().select_related("forum", "note_line").order_by("number")
    )
    for response in responses:
        response.hearing = hearing
    return responses


def hearings_for_area(area):
    """Every public hearing about the area or addressed to its forum, newest deadline first,
    with the forum's invitation status (`forum_status`, None if not asked) and the number
    of the forum's publishable answer (`forum_answer`): one query."""
    invitations = HearingInvitation.objects.filter(hearing=OuterRef("pk"), forum__area=area)
    answers = HearingResponse.objects.publishable().filter(hearing=OuterRef("pk"), forum__area=area)
    return (
        Hearing.objects.public()
        .filter(
            Q(pk__in=Hearing.areas.through.objects.filter(localarea=area).values("hearing"))
            | Exists(invitations)
        )
        .annotate(
            forum_status=Subquery(invitations.values("status")[:1]),
            forum_answer=Subquery(answers.order_by("number").values("number")[:1]),
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


# Staff pages (lokalfora/views/hearings_staff.py, hearings_review.py).

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
