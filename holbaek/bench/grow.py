"""Grows the demo content to FACTOR times its size, for the bench.

Every row the demo made is copied FACTOR - 1 times with bulk_create, in
fictional variants: news spread back over the years, events over past and
future months, rounds, applications, sparring requests and grant years in
earlier years (each with its own reference number), older population figures.
The 18 areas, their forums, the pools and the fælles-skabere stay as they are.

The models are imported here and nowhere else in holbaek.bench.
"""

import datetime
import re

from dateutil.relativedelta import relativedelta
from django.db import transaction

from holbaek.bench.copying import Variants, copy_rows, shift_dates
from lokalfora.models import ContactPerson, Event, NewsPost, PopulationFigure
from projektudvalg.models import (
    AdvisoryNote,
    Application,
    ApplicationFile,
    Assessment,
    BudgetLine,
    CriterionScore,
    Decision,
    FinalReport,
    Payout,
    Recommendation,
    Round,
    StatusEvent,
    SubmittedVersion,
)
from sparring.models import Attachment, Message, Outcome, ReferenceCounter, SparringRequest, Status
from tilskud.models import (
    AccountsReminder,
    AnnualAccounts,
    CooperationAgreement,
    GrantBand,
    GrantLine,
    GrantPayment,
    GrantScheme,
    GrantVersion,
)

NEWS_EVERY = datetime.timedelta(days=61)  # each copy of a news item is two months older
EVENTS_EVERY = datetime.timedelta(days=53)  # copies alternate after and before the original
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
SCHEME_CHILDREN = [GrantBand, CooperationAgreement, GrantPayment, AnnualAccounts, AccountsReminder]


def page_values() -> dict[str, str]:
    """The paths holbaek.bench.pages names by a placeholder: {news}, {event}, {grant_year}."""
    news = NewsPost.objects.published().select_related("forum__area").first()
    scheme = GrantScheme.objects.filter(versions__isnull=False).order_by("-year").first()
    return {
        "news": news.get_absolute_url(),
        "event": Event.objects.upcoming().first().get_absolute_url(),
        "grant_year": str(scheme.year),
    }


def years_back(number: int) -> relativedelta:
    return relativedelta(years=-number)


def earlier_years(text: str, number: int) -> str:
    """'Demo-runde 2026' -> 'Demo-runde 2024' for number 2; every four-digit year moves."""
    return re.sub(r"(?<!\d)(19|20)(\d\d)(?!\d)", lambda m: str(int(m.group()) - number), text)


@transaction.atomic
def grow_demo(*, factor: int) -> dict[str, int]:
    """FACTOR times the demo content; returns the number of rows of each kind afterwards."""
    copies = max(factor - 1, 0)
    if copies:
        _grow_forum_content(copies)
        _grow_population(copies)
        _grow_applications(copies)
        _grow_sparring(copies)
        _grow_grant_years(copies)
    return {
        "nyheder": NewsPost.objects.count(),
        "arrangementer": Event.objects.count(),
        "kontaktpersoner": ContactPerson.objects.count(),
        "befolkningstal": PopulationFigure.objects.count(),
        "ansøgningsrunder": Round.objects.count(),
        "ansøgninger": Application.objects.count(),
        "sparring": SparringRequest.objects.count(),
        "tilskudsår": GrantScheme.objects.count(),
    }


def _grow_forum_content(copies: int) -> None:
    def news(post, number):
        shift_dates(post, -NEWS_EVERY * number)
        post.title = f"{post.title} ({number + 1})"[:150]

    def event(item, number):
        steps = (number + 1) // 2
        shift_dates(item, EVENTS_EVERY * (steps if number % 2 else -steps))
        item.title = f"{item.title} ({number + 1})"[:150]

    def contact(person, number):
        person.name = f"{person.name} {number + 1}"
        person.email = person.email.replace("@", f"+{number}@") if person.email else ""

    copy_rows(list(NewsPost.objects.all()), copies=copies, change=news)
    copy_rows(list(Event.objects.all()), copies=copies, change=event)
    copy_rows(list(ContactPerson.objects.all()), copies=copies, change=contact)


def _grow_population(copies: int) -> None:
    """Older figures before each area's oldest dated one; an undated figure stays alone."""
    oldest: dict[int, PopulationFigure] = {}
    for figure in PopulationFigure.objects.filter(reference_date__isnull=False):
        if (
            figure.area_id not in oldest
            or figure.reference_date < oldest[figure.area_id].reference_date
        ):
            oldest[figure.area_id] = figure

    def older(figure, number):
        figure.reference_date = datetime.date(figure.reference_date.year - number, 1, 1)
        figure.count = max(figure.count * (1000 - 4 * number) // 1000, 1)
        figure.source = f"(Opdigtet til benchmark) {figure.source}"

    copy_rows(list(oldest.values()), copies=copies, change=older)


def _earlier(row, number):
    shift_dates(row, years_back(number))


def _children(models, fk: str, parents: Variants) -> None:
    for model in models:
        rows = model.objects.filter(**{f"{fk}__in": list(parents)})
        copy_rows(list(rows), parent=(fk, parents), change=_earlier)


def _grow_applications(copies: int) -> None:
    """Each round again in each earlier year, with a copy of each of its applications."""

    def round_(item, number):
        _earlier(item, number)
        renamed = earlier_years(item.name, number)
        item.name = renamed if renamed != item.name else f"{item.name} ({number + 1})"

    rounds = copy_rows(list(Round.objects.all()), copies=copies, change=round_)

    def application(item, number):
        _earlier(item, number)
        item.round_id = rounds[item.round_id][number - 1]
        item.reference = earlier_years(item.reference, number)
        item.title = f"{item.title} ({number + 1})"[:150] if item.title else ""

    applications = copy_rows(list(Application.objects.all()), copies=copies, change=application)
    _children(APPLICATION_CHILDREN, "application_id", applications)
    assessments = copy_rows(
        list(Assessment.objects.filter(application_id__in=list(applications))),
        parent=("application_id", applications),
        change=_earlier,
    )
    _children([CriterionScore], "assessment_id", assessments)


def _grow_sparring(copies: int) -> None:
    """Earlier years' requests; every other one is closed, as most old ones would be."""

    def request(item, number):
        _earlier(item, number)
        if item.year:
            item.year -= number
        if number % 2 and item.status != Status.UNCONFIRMED:
            item.status, item.outcome = Status.CLOSED, Outcome.ADVISED
            item.closed_at = (item.confirmed_at or item.created_at) + datetime.timedelta(days=14)

    requests = copy_rows(list(SparringRequest.objects.all()), copies=copies, change=request)
    messages = copy_rows(
        list(Message.objects.filter(request_id__in=list(requests))),
        parent=("request_id", requests),
        change=_earlier,
    )
    _children([Attachment], "message_id", messages)
    numbered = SparringRequest.objects.filter(number__isnull=False)
    for year in set(numbered.values_list("year", flat=True)):
        last = max(numbered.filter(year=year).values_list("number", flat=True))
        ReferenceCounter.objects.update_or_create(year=year, defaults={"last": last})


def _grow_grant_years(copies: int) -> None:
    """The newest approved grant year again in each earlier year, followed through."""
    newest = GrantScheme.objects.filter(versions__isnull=False).order_by("-year")[:1]

    def scheme(item, number):
        _earlier(item, number)
        item.year -= number

    schemes = copy_rows(list(newest), copies=copies, change=scheme)
    _children(SCHEME_CHILDREN, "scheme_id", schemes)
    versions = copy_rows(
        list(GrantVersion.objects.filter(scheme_id__in=list(schemes))),
        parent=("scheme_id", schemes),
        change=_earlier,
    )
    _children([GrantLine], "version_id", versions)
