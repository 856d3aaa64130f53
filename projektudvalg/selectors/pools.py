"""Reads for the pool pages, each a fixed number of queries."""

import datetime
from decimal import Decimal

from django.db.models import Count, Exists, OuterRef, Prefetch, Subquery, Sum
from django.utils import timezone

from faelles_skabere.selectors import areas_followed_by
from projektudvalg import versions
from projektudvalg.models import (
    AdvisoryNote,
    Application,
    Decision,
    GrantPool,
    Outcome,
    Payout,
    Round,
    Status,
)

GRANTED_STATUSES = [Status.GRANTED, Status.PAID, Status.CLOSED]
GRANT_OUTCOMES = [Outcome.GRANTED, Outcome.PARTLY]


def committed_by_round(round_ids) -> dict[int, Decimal]:
    """What each round's grants hold: the amount granted while a grant is open, what was
    actually paid once it is closed, and nothing for a grant that lapsed. 2 queries."""
    totals = dict.fromkeys(round_ids, Decimal(0))
    open_grants = (
        Decision.objects.filter(
            application__round__in=round_ids,
            application__status__in=[Status.GRANTED, Status.PAID],
            outcome__in=GRANT_OUTCOMES,
        )
        .values_list("application__round")
        .annotate(total=Sum("amount"))
    )
    paid_closed = (
        Payout.objects.filter(application__round__in=round_ids, application__status=Status.CLOSED)
        .values_list("application__round")
        .annotate(total=Sum("amount"))
    )
    for round_id, total in [*open_grants, *paid_closed]:
        totals[round_id] += total
    return totals


def committed(round_: Round) -> Decimal:
    return committed_by_round([round_.pk])[round_.pk]


def granted_amount(application: Application) -> Decimal | None:
    """The latest grant's amount, or None if the application was never granted. 1 query."""
    decision = (
        application.decisions.filter(outcome__in=GRANT_OUTCOMES).order_by("-decided_at").first()
    )
    return decision.amount if decision else None


def paid_amount(application: Application) -> Decimal:
    return application.payouts.aggregate(total=Sum("amount"))["total"] or Decimal(0)


def final_reports_overdue(today: datetime.date):
    """The grants, still open, whose final report was due before `today` and never came."""
    return (
        Decision.objects.filter(
            outcome__in=GRANT_OUTCOMES,
            report_due__lt=today,
            application__status__in=[Status.GRANTED, Status.PAID],
            application__final_reports__isnull=True,
        )
        .select_related("application__applicant")
        .order_by("pk")
    )


def application(pk: int) -> Application | None:
    """One application with what every page of it shows (pool, round, area, applicant)."""
    found = Application.objects.select_related("pool", "round", "area", "applicant")
    return found.filter(pk=pk).first()


def applications_of(user):
    """The user's own applications, newest first."""
    return (
        Application.objects.filter(applicant=user)
        .select_related("pool", "round")
        .order_by("-created_at")
    )


def application_details(application: Application) -> dict:
    """What the applicant's status page shows: the timeline, the latest decision, the
    budget, criteria, files, payouts and reports, and how many versions were submitted."""
    return {
        "events": list(application.events.select_related("by")),
        "decision": application.decisions.order_by("-decided_at").first(),
        "lines": list(application.budget_lines.all()),
        "criteria": list(application.criteria.all()),
        "files": list(application.files.all()),
        "payouts": list(application.payouts.all()),
        "reports": list(application.final_reports.all()),
        "version_count": application.versions.count(),
    }


def open_round(pool: GrantPool):
    return pool.rounds.open_at(timezone.now()).order_by("deadline").first()


def granted_projects(*, pool=None, year=None, area=None):
    """Granted applications with their granted amount: title, organisation, area, amount."""
    grants = Decision.objects.filter(outcome__in=GRANT_OUTCOMES)
    latest = grants.filter(application=OuterRef("pk")).order_by("-decided_at", "-pk")
    projects = (
        Application.objects.filter(status__in=GRANTED_STATUSES)
        .select_related("pool", "area", "round")
        .prefetch_related(Prefetch("decisions", queryset=grants, to_attr="grants"))
        .annotate(granted_amount=Subquery(latest.values("amount")[:1]))
        .order_by("-round__deadline", "title", "pk")
    )
    if pool is not None:
        projects = projects.filter(pool=pool)
    if year:
        projects = projects.filter(round__deadline__year=year)
    if area is not None:
        projects = projects.filter(area=area)
    return projects


def granted_summary(projects) -> dict:
    """How many projects and the sum of their latest grants, counted in the database."""
    return projects.aggregate(count=Count("pk"), total=Sum("granted_amount"))


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
    """Each round with its budget, what is committed (`committed_by_round`) and what is left
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


def case_details(application: Application) -> dict:
    """What the case page shows of one application besides the application itself: the
    reviewers' assessments, advisory notes, recommendation, decisions, budget, files,
    payouts, reports, agenda items, timeline and what changed in the last resubmission."""
    snapshots = list(application.versions.all())
    assessments = application.assessments.select_related("assessor")
    return {
        "criteria": list(application.pool.criteria_list.filter(is_active=True)),
        "assessments": list(assessments.prefetch_related("scores__criterion")),
        "notes": list(application.advisory_notes.select_related("author")),
        "recommendation": getattr(application, "recommendation", None),
        "decisions": list(
            application.decisions.select_related("agenda_item__meeting", "decided_by")
        ),
        "lines": list(application.budget_lines.all()),
        "files": list(application.files.all()),
        "payouts": list(application.payouts.all()),
        "reports": list(application.final_reports.all()),
        "agenda": list(application.agenda_items.select_related("meeting")),
        "latest_changes": (
            versions.changes(snapshots[-2].data, snapshots[-1].data) if len(snapshots) > 1 else []
        ),
        "version_count": len(snapshots),
        "events": list(application.events.select_related("by")),
    }
