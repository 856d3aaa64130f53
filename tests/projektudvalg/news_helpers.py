"""Shared set-up of the municipal news editors' tests: items made through the services,
a committee decision made public, and the public pages' URL names while they are missing."""

import datetime

from django.utils import timezone

from lokalfora.models import LocalArea, NewsTopic
from projektudvalg.models import DecisionOutcome, MeetingStatus
from projektudvalg.services import municipal_news as services
from tests.factories import give_mfa, make_user
from tests.factories.committee import AgendaItemFactory, MeetingFactory

TEXT = {
    "title": "Ny cykelsti til skolen",
    "summary": "Byggeriet begynder i foråret.",
    "body": "Stien går langs **Skolevej**.",
    "easy_read": "",
    "image_alt": "",
}


def areas(*slugs):
    return list(LocalArea.objects.filter(slug__in=slugs).order_by("name"))


def topic(slug):
    return NewsTopic.objects.get(slug=slug)


def staff_user():
    from holbaek import roles

    return give_mfa(make_user("redaktion@example.org", role=roles.COMMITTEE_STAFF))


def draft(by, *, slugs=("tollose",), whole=False, topics=(), **text):
    return services.news_save(
        data=TEXT | text,
        areas=[] if whole else areas(*slugs),
        topics=list(topics),
        whole_municipality=whole,
        by=by,
    )


def published(by, **kwargs):
    return services.news_publish(item=draft(by, **kwargs), by=by)


def public_decision(title="Trafiksikring i Mørkøv"):
    now = timezone.now()
    meeting = MeetingFactory(
        status=MeetingStatus.MINUTES_PUBLISHED,
        starts_at=now - datetime.timedelta(days=3),
        minutes_published_at=now - datetime.timedelta(days=1),
    )
    return AgendaItemFactory(meeting=meeting, title=title, outcome=DecisionOutcome.APPROVED)
