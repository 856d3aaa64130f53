"""Statistics for staff: requests per area, topic and month, time to first answer.

Built from confirmed requests, anonymised ones included (they keep area, topic
and dates). Time to first answer is counted in working days (faelles_skabere/workdays.py)
from the day the address was confirmed to the day of the first reply.
"""

import statistics
from dataclasses import dataclass

from django.db.models import Count
from django.utils import timezone

from faelles_skabere.models import RequestTopic, SparringRequest, Status
from faelles_skabere.workdays import municipal_calendar, working_days_between

ACROSS_LABEL = "På tværs / ved ikke"
MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


@dataclass(frozen=True)
class Overview:
    year: int
    total: int
    per_area: list[tuple[str, int]]
    per_topic: list[tuple[str, int]]
    per_month: list[tuple[str, int]]
    answered: int
    median_working_days: float | None
    within_target: int
    measured: int  # answered, or past their due date without an answer

    @property
    def within_target_percent(self) -> int | None:
        return round(100 * self.within_target / self.measured) if self.measured else None


def confirmed_in(year: int):
    return SparringRequest.objects.exclude(status=Status.UNCONFIRMED).filter(
        confirmed_at__year=year
    )


def overview(year: int) -> Overview:
    requests = confirmed_in(year)
    per_area = [
        (row["area__name"] or ACROSS_LABEL, row["count"])
        for row in requests.values("area__name").annotate(count=Count("id")).order_by("area__name")
    ]
    topic_counts = dict(requests.values_list("topic").annotate(count=Count("id")))
    per_topic = [(label, topic_counts.get(value, 0)) for value, label in RequestTopic.choices]
    timings = list(requests.values_list("confirmed_at", "first_answered_at", "answer_due_on"))
    month_counts = [0] * 12
    for confirmed_at, _answered, _due in timings:
        month_counts[timezone.localtime(confirmed_at).month - 1] += 1
    per_month = list(zip(MONTHS, month_counts, strict=True))
    today = timezone.localdate()
    calendar = municipal_calendar()
    days, within, measured = [], 0, 0
    for confirmed_at, answered_at, due in timings:
        if answered_at is not None:
            answered_on = timezone.localtime(answered_at).date()
            confirmed_on = timezone.localtime(confirmed_at).date()
            days.append(working_days_between(confirmed_on, answered_on, calendar=calendar))
            measured += 1
            within += bool(due and answered_on <= due)
        elif due and due < today:
            measured += 1
    return Overview(
        year=year,
        total=len(timings),
        per_area=per_area,
        per_topic=per_topic,
        per_month=per_month,
        answered=len(days),
        median_working_days=statistics.median(days) if days else None,
        within_target=within,
        measured=measured,
    )


def csv_rows(year: int):
    """One row per request, without personal data."""
    yield [
        "nummer", "bekraeftet", "omraade", "emne", "hvem", "status", "resultat",
        "svar_senest", "foerste_svar", "arbejdsdage_til_svar", "inden_for_fristen",
    ]  # fmt: skip
    requests = confirmed_in(year).select_related("area").order_by("year", "number")
    calendar = municipal_calendar()
    for request in requests:
        confirmed_on = timezone.localtime(request.confirmed_at).date()
        answered_on = (
            timezone.localtime(request.first_answered_at).date()
            if request.first_answered_at
            else None
        )
        yield [
            request.reference,
            confirmed_on.isoformat(),
            request.area.name if request.area else ACROSS_LABEL,
            request.get_topic_display(),
            request.get_requester_kind_display(),
            request.get_status_display(),
            request.get_outcome_display() if request.outcome else "",
            request.answer_due_on.isoformat() if request.answer_due_on else "",
            answered_on.isoformat() if answered_on else "",
            working_days_between(confirmed_on, answered_on, calendar=calendar)
            if answered_on
            else "",
            ("ja" if answered_on <= request.answer_due_on else "nej")
            if answered_on and request.answer_due_on
            else "",
        ]
