"""The bench's growth of lokalfora's demo content (holbaek/bench: `make bench`): news and
events both denser now and spread back over the years, contact persons, older population
figures and earlier grant years, each copied with bulk_create in fictional variants.

Growth is honest about density: half of each news item's and event's copies stay near
the original (within a few weeks of it, so this month, a day, the front page's latest news
and the iCal window hold about factor/2 times as many), the other half lie further back,
one every two months, beyond the iCal window (the archives and search hold them all)."""

import datetime
import uuid

from django.db.models import Count
from django.urls import reverse
from django.utils import timezone

from holbaek.bench.copying import copy_children, copy_rows, earlier, shift_dates
from lokalfora import follow_tokens
from lokalfora.models import (
    AccountsReminder,
    AnnualAccounts,
    ContactPerson,
    CooperationAgreement,
    Event,
    GrantBand,
    GrantLine,
    GrantPayment,
    GrantScheme,
    GrantVersion,
    Hearing,
    HearingDocument,
    HearingInvitation,
    HearingParty,
    HearingResponse,
    HearingStatus,
    NewsPost,
    PopulationFigure,
    Subscription,
)

# Odd copies: near the original, a day apart, cycling over NEAR_DAYS (news only back).
NEAR_DAYS = 43
# Even copies: from PAST_START back, each one PAST_EVERY older than the one before.
PAST_START = datetime.timedelta(days=150)  # the newest original moved beyond 3 months back
PAST_EVERY = datetime.timedelta(days=61)
CONTACT_COPIES = 2  # at most this many copies of each contact person, whatever the factor
SCHEME_CHILDREN = [GrantBand, CooperationAgreement, GrantPayment, AnnualAccounts, AccountsReminder]


def grow(*, copies: int) -> dict[str, int]:
    if copies:
        _grow_forum_content(copies)
        _grow_population(copies)
        _grow_grant_years(copies)
        _grow_hearings(copies)
    return {
        "nyheder": NewsPost.objects.count(),
        "arrangementer": Event.objects.count(),
        "kontaktpersoner": ContactPerson.objects.count(),
        "befolkningstal": PopulationFigure.objects.count(),
        "tilskudsår": GrantScheme.objects.count(),
        "høringer": Hearing.objects.count(),
        "høringssvar": HearingResponse.objects.count(),
    }


def page_values() -> dict[str, str]:
    """The paths holbaek.bench.pages names by a placeholder: {news}, {event}, {event_day}
    (the calendar's day page of that event), {grant_year}, {hearing} (the id of the public
    hearing with most answers; 0, a 404, if there is none)."""
    news = NewsPost.objects.published().select_related("forum__area").first()
    scheme = GrantScheme.objects.filter(versions__isnull=False).order_by("-year").first()
    event = Event.objects.upcoming().first()
    hearing = (
        Hearing.objects.public().annotate(size=Count("responses")).order_by("-size", "id").first()
    )
    return {
        "news": news.get_absolute_url(),
        "event": event.get_absolute_url(),
        "event_day": reverse(
            "lokalfora:calendar-day",
            kwargs={"day": timezone.localdate(event.starts_at).isoformat()},
        ),
        "grant_year": str(scheme.year),
        "hearing": str(hearing.pk if hearing else 0),
        "follow_preferences": _preferences_path(),
    }


def _preferences_path() -> str:
    """{follow_preferences}: the choices page of the first confirmed follower's address (the
    demo's follower of Mørkøv and Regstrup); the follow page of Tølløse if there is none."""
    subscription = Subscription.objects.confirmed().order_by("pk").first()
    if subscription is None:
        return reverse("lokalfora:follow", kwargs={"slug": "tollose"})
    token = follow_tokens.manage_token([subscription])
    return reverse("lokalfora:follow-preferences", kwargs={"token": token})


def copy_shift(number: int, *, forward: bool) -> datetime.timedelta:
    """Where copy `number` lies from its original: odd ones near it (within NEAR_DAYS,
    after it too if `forward`), even ones in past years, PAST_EVERY apart."""
    if number % 2:
        days = (number // 2) % NEAR_DAYS
        if forward:
            return datetime.timedelta(days=days - NEAR_DAYS // 2, minutes=number)
        return -datetime.timedelta(days=days, minutes=number)
    return -(PAST_START + PAST_EVERY * (number // 2 - 1))


def _grow_forum_content(copies: int) -> None:
    def news(post, number):
        shift_dates(post, copy_shift(number, forward=False))
        post.title = f"{post.title} ({number + 1})"[:150]

    now = timezone.now()

    def event(item, number):
        shift_dates(item, copy_shift(number, forward=True))
        item.created_at = min(item.created_at, now)  # a copy moved ahead was made today
        item.title = f"{item.title} ({number + 1})"[:150]

    def contact(person, number):
        person.name = f"{person.name} {number + 1}"
        person.email = person.email.replace("@", f"+{number}@") if person.email else ""

    copy_rows(list(NewsPost.objects.all()), copies=copies, change=news)
    copy_rows(list(Event.objects.all()), copies=copies, change=event)
    # A forum's contact persons are its few volunteers, not content that piles up over the
    # years: a handful more at any factor, so the area page lists them all as it would.
    copy_rows(list(ContactPerson.objects.all()), copies=min(copies, CONTACT_COPIES), change=contact)


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


def _grow_grant_years(copies: int) -> None:
    """The newest approved grant year again in each earlier year, followed through."""
    newest = GrantScheme.objects.filter(versions__isnull=False).order_by("-year")[:1]

    def scheme(item, number):
        earlier(item, number)
        item.year -= number

    schemes = copy_rows(list(newest), copies=copies, change=scheme)
    copy_children(SCHEME_CHILDREN, "scheme_id", schemes)
    versions = copy_rows(
        list(GrantVersion.objects.filter(scheme_id__in=list(schemes))),
        parent=("scheme_id", schemes),
        change=earlier,
    )
    copy_children([GrantLine], "version_id", versions)


def _grow_hearings(copies: int) -> None:
    """Each demo hearing again in each earlier year, with its addressees, material and
    answers: the archive, an area's hearings and search hold them all. A copy of a hearing
    still open lies in the past, so it is closed."""

    def hearing(item, number):
        earlier(item, number)
        item.title = f"{item.title} ({number + 1})"[:200]
        if item.status in (HearingStatus.PLANNED, HearingStatus.OPEN):
            item.status = HearingStatus.CLOSED

    def answer(item, number):
        earlier(item, number)
        item.withdraw_key = uuid.uuid4()

    originals = list(Hearing.objects.all())
    hearings = copy_rows(originals, copies=copies, change=hearing)
    copy_children([HearingInvitation, HearingParty, HearingDocument], "hearing_id", hearings)
    answers = HearingResponse.objects.filter(hearing_id__in=list(hearings))
    copy_rows(list(answers), parent=("hearing_id", hearings), change=answer)
    through = Hearing.areas.through
    areas = through.objects.filter(hearing_id__in=list(hearings)).values_list(
        "hearing_id", "localarea_id"
    )
    through.objects.bulk_create(
        through(hearing_id=copy, localarea_id=area_id)
        for original, area_id in areas
        for copy in hearings[original]
    )
