"""Reads for the pool pages, each a fixed number of queries."""

from django.db.models import Count, Exists, OuterRef, Prefetch
from django.utils import timezone

from faelles_skabere.selectors import areas_followed_by
from projektudvalg.models import (
    AdvisoryNote,
    Application,
    Decision,
    GrantPool,
    Outcome,
    Round,
    Status,
)
from projektudvalg.services.review import committed_by_round

GRANTED_STATUSES = [Status.GRANTED, Status.PAID, Status.CLOSED]


def open_round(pool: GrantPool):
    return pool.rounds.open_at(timezone.now()).order_by("deadline").first()


def granted_projects(*, pool=None, year=None, area=None):
    """Granted applications with their granted amount: title, organisation, area, amount."""
    grants = Decision.objects.filter(outcome__in=[Outcome.GRANTED, Outcome.PARTLY])
    projects = (
        Application.objects.filter(status__in=GRANTED_STATUSES)
        .select_related("pool", "area", "round")
        .prefetch_related(Prefetch("decisions", queryset=grants, to_attr="grants"))
        .order_by("-round__deadline", "title")
    )
    if pool is not None:
        projects = projects.filter(pool=pool)
    if year:
        projects = projects.filter(round__deadline__year=year)
    if area is not None:
        projects = projects.filter(area=area)
    return projects


def queue(filters: dict):
    """Submitted applications for the review queue, filtered. 1 query per page."""
    applications = (
        Application.objects.exclude(status=Status.DRAFT)
        .select_related("pool", "round", "area")
        .annotate(assessment_count=Count("assessments", distinct=True))
        .order_by("round__deadline", "reference")
    )
    if filters.get("pool"):
        applications = applications.filter(pool=filters["pool"])
    if filters.get("round"):
        applications = applications.filter(round=filters["round"])
    if filters.get("area"):
        applications = applications.filter(area=filters["area"])
    if filters.get("status"):
        applications = applications.filter(status=filters["status"])
    if filters.get("min_amount") is not None:
        applications = applications.filter(amount_applied__gte=filters["min_amount"])
    if filters.get("max_amount") is not None:
        applications = applications.filter(amount_applied__lte=filters["max_amount"])
    return applications


def letter_decision(application):
    """The decision the letter states (the latest grant or refusal), or None. 1 query."""
    return application.decisions.exclude(outcome=Outcome.RETURNED).order_by("-decided_at").first()


def round_overview(round_ids=None):
    """Each round with its budget, what is committed (services.committed) and what is left
    (`left`, budget minus committed): the rounds page and the queue both show these.
    2 queries for the rounds, whatever their number."""
    rounds = Round.objects.select_related("pool").order_by("-deadline")
    if round_ids is not None:
        rounds = rounds.filter(pk__in=round_ids)
    rounds = list(rounds)
    totals = committed_by_round([r.pk for r in rounds])
    for round_ in rounds:
        round_.committed = totals[round_.pk]
        round_.left = round_.budget - round_.committed
    return rounds


# Before the decision: what the fælles-skaber's advice can still inform.
AWAITING_ADVICE_STATUSES = [Status.SUBMITTED, Status.IN_REVIEW]


def awaiting_advice(user):
    """Applications in the areas the user follows (fixed fælles-skaber today, or stand-in)
    that are not decided yet and have no advisory note from the user, oldest first."""
    written = AdvisoryNote.objects.filter(application=OuterRef("pk"), author=user)
    return (
        Application.objects.filter(
            status__in=AWAITING_ADVICE_STATUSES, area_id__in=areas_followed_by(user)
        )
        .exclude(Exists(written))
        .select_related("pool", "area", "round")
        .order_by("submitted_at", "pk")
    )
