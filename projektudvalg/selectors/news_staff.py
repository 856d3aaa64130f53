"""The reads of the municipal news editors' pages: the staff list, the choice of committee
decisions, a forum's cooperation overview and one thread. Each is a fixed number of
queries, whatever the number of rows."""

from django.db.models import Count, Prefetch, Q

from lokalfora.models import LocalArea
from projektudvalg.models import (
    AgendaItem,
    MeetingStatus,
    MunicipalNews,
    NewsComment,
    NewsForumShare,
    NewsSharedIn,
    NewsStatus,
)

DECISION_CHOICES = 200  # the newest decisions offered in the form

DECISION_IS_PUBLIC = (
    Q(meeting__status=MeetingStatus.MINUTES_PUBLISHED)
    & (~Q(outcome="") | ~Q(decision_text=""))
    & (Q(is_closed=False) | Q(closed_decision_public=True))
)


def news_for_staff(*, status="", area=None, topic=None):
    """Every item, newest change first, with what the list shows; filtered by status (a
    NewsStatus value, or "" for all), an area (aimed at it, or the whole municipality) and
    a topic."""
    items = MunicipalNews.objects.select_related("origin_forum", "origin_effort").prefetch_related(
        Prefetch("areas", queryset=LocalArea.objects.order_by("name")), "topics"
    )
    if status:
        items = items.filter(status=status)
    if area is not None:
        items = items.for_area(area)
    if topic is not None:
        items = items.filter(topics=topic)
    return items.annotate(share_count=Count("shares", distinct=True)).order_by("-updated_at", "-id")


def status_counts() -> dict[str, int]:
    rows = MunicipalNews.objects.values("status").annotate(n=Count("id")).order_by()
    counts = {row["status"]: row["n"] for row in rows}
    return {value: counts.get(value, 0) for value in NewsStatus.values}


def decision_choices(current=None) -> list[tuple[int, str]]:
    """Agenda items whose decision is public, newest meeting first, at most 200, and the
    item's current decision (even if older)."""
    items = list(
        AgendaItem.objects.filter(DECISION_IS_PUBLIC)
        .select_related("meeting")
        .order_by("-meeting__starts_at", "-number")[:DECISION_CHOICES]
    )
    if current is not None and current.pk not in {item.pk for item in items}:
        items.append(current)
    return [(item.pk, decision_label(item)) for item in items]


def decision_label(item) -> str:
    return f"{item.meeting.starts_at:%d.%m.%Y}, punkt {item.number}: {item.title}"


def public_decision(pk):
    return AgendaItem.objects.filter(DECISION_IS_PUBLIC, pk=pk).select_related("meeting").first()


def staff_item(pk):
    return (
        MunicipalNews.objects.select_related(
            "origin_forum__area", "origin_effort", "source_decision__meeting"
        )
        .prefetch_related("areas", "topics")
        .filter(pk=pk)
        .first()
    )


def item_shares(item):
    return list(
        item.shares.select_related("forum__area", "post")
        .annotate(comment_count=Count("comments"))
        .order_by("forum__name")
    )


def shared_in_log(item):
    return list(NewsSharedIn.objects.filter(news=item).select_related("by"))


def forum_shares(forum):
    """A forum's proposals and the offers to it, newest first."""
    return (
        NewsForumShare.objects.filter(forum=forum)
        .select_related("news")
        .annotate(comment_count=Count("comments"))
        .order_by("-created_at", "-id")
    )


def forum_share(forum, pk):
    return (
        NewsForumShare.objects.filter(forum=forum, pk=pk)
        .select_related("news__source_decision__meeting", "forum__area", "post")
        .prefetch_related("news__areas", "news__topics")
        .first()
    )


def comments(share):
    return list(NewsComment.objects.filter(share=share).select_related("author"))
