"""The bench's growth of projektudvalg's demo content (holbaek/bench: `make bench`): each
round again in each earlier year, with a copy of each of its applications and everything
that hangs on them."""

from django.db.models import Count
from django.urls import reverse

from holbaek.bench.copying import copy_children, copy_rows, earlier, earlier_years
from projektudvalg import bench_news, bench_newsletters, bench_surveys
from projektudvalg.models import (
    AdvisoryNote,
    Application,
    ApplicationFile,
    Assessment,
    BudgetLine,
    CriterionScore,
    Decision,
    FinalReport,
    Meeting,
    MeetingStatus,
    Payout,
    Recommendation,
    Round,
    SpecialEffort,
    StatusEvent,
    SubmittedVersion,
)
from projektudvalg.selectors.efforts import PUBLIC_STATUSES

PUBLISHED_AGENDA = [
    MeetingStatus.AGENDA_PUBLISHED,
    MeetingStatus.HELD,
    MeetingStatus.MINUTES_PUBLISHED,
]

APPLICATION_CHILDREN = [
    BudgetLine,
    StatusEvent,
    SubmittedVersion,
    ApplicationFile,
    Decision,
    Payout,
    FinalReport,
    Recommendation,
    AdvisoryNote,
    Application.criteria.through,
]


def grow(*, copies: int) -> dict[str, int]:
    if copies:
        _grow_applications(copies)
    counts = {"ansøgningsrunder": Round.objects.count(), "ansøgninger": Application.objects.count()}
    # [news bench grow]
    counts["kommunale nyheder"] = bench_news.grow_municipal_news(copies)
    #
    # [newsletter bench grow]
    counts |= bench_newsletters.grow(copies=copies)
    # [survey bench grow]
    counts |= bench_surveys.grow(copies=copies)
    return counts


def page_values() -> dict[str, str]:
    """{meeting}: the id of the newest meeting whose minutes are published (the demo's held
    one), else of the newest with a published agenda; {effort}: a public special effort's
    page (the one with most actions), or the efforts' list."""
    meetings = Meeting.objects.order_by("-starts_at", "-id")
    meeting = (
        meetings.filter(status=MeetingStatus.MINUTES_PUBLISHED).first()
        or meetings.filter(status__in=PUBLISHED_AGENDA).first()
    )
    effort = (
        SpecialEffort.objects.filter(status__in=PUBLIC_STATUSES)
        .annotate(size=Count("actions"))
        .order_by("-size", "id")
        .first()
    )
    values = {
        "meeting": str(meeting.pk if meeting else 0),
        "effort": effort.get_absolute_url() if effort else reverse("projektudvalg:effort-list"),
    }
    # [news bench values]
    values["municipal_news"] = bench_news.newest_published_id()
    #
    # [newsletter bench values]
    values |= bench_newsletters.page_values()
    # [survey bench values]
    values |= bench_surveys.page_values()
    return values


def _grow_applications(copies: int) -> None:
    """Each round again in each earlier year, with a copy of each of its applications."""

    def round_(item, number):
        earlier(item, number)
        renamed = earlier_years(item.name, number)
        item.name = renamed if renamed != item.name else f"{item.name} ({number + 1})"

    rounds = copy_rows(list(Round.objects.all()), copies=copies, change=round_)

    def application(item, number):
        earlier(item, number)
        item.round_id = rounds[item.round_id][number - 1]
        item.reference = earlier_years(item.reference, number)
        item.title = f"{item.title} ({number + 1})"[:150] if item.title else ""

    applications = copy_rows(list(Application.objects.all()), copies=copies, change=application)
    copy_children(APPLICATION_CHILDREN, "application_id", applications)
    assessments = copy_rows(
        list(Assessment.objects.filter(application_id__in=list(applications))),
        parent=("application_id", applications),
        change=earlier,
    )
    copy_children([CriterionScore], "assessment_id", assessments)
