"""A forum's news, events and contact persons, and the people who follow an area."""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from lokalfora import follow_tokens
from lokalfora.models import (
    ContactPerson,
    CooperationAgreement,
    Event,
    EventKind,
    NewsPost,
    Subscription,
)
from tests.factories.places import default_area, default_forum


class NewsPostFactory(DjangoModelFactory):
    """Tølløse's news, published an hour ago (`age` says how long ago);
    `draft=True` for one not yet published."""

    class Meta:
        model = NewsPost

    class Params:
        age = datetime.timedelta(hours=1)
        draft = factory.Trait(published_at=None)

    forum = factory.LazyFunction(default_forum)
    title = factory.Sequence(lambda n: f"Nyhed {n + 1} fra lokalforummet")
    summary = "Kort fortalt"
    body = ""
    published_at = factory.LazyAttribute(lambda o: timezone.now() - o.age)


class EventFactory(DjangoModelFactory):
    """A two-hour debate meeting in Tølløse's village hall, three days from now.

    `hours` sets the length; `starts_at` moves it, the end following.
    """

    class Meta:
        model = Event

    class Params:
        hours = 2

    forum = factory.LazyFunction(default_forum)
    title = "Debatmøde"
    kind = EventKind.DEBATE
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + datetime.timedelta(hours=o.hours))
    place = "Forsamlingshuset"


class ContactPersonFactory(DjangoModelFactory):
    """A contact person of Tølløse's forum, reachable by e-mail, nothing shown in public."""

    class Meta:
        model = ContactPerson

    forum = factory.LazyFunction(default_forum)
    name = "Karen Opdigtet"
    email = factory.LazyAttribute(lambda o: f"{o.name.split()[0].lower()}@example.org")


class SubscriptionFactory(DjangoModelFactory):
    """A confirmed follower of Tølløse with the address hash `subscribe` fills in;
    `unconfirmed=True` for one who has not clicked the mailed link yet."""

    class Meta:
        model = Subscription

    class Params:
        unconfirmed = factory.Trait(confirmed_at=None)

    area = factory.LazyFunction(default_area)
    email = factory.Sequence(lambda n: f"borger{n + 1}@example.org")
    email_hash = factory.LazyAttribute(lambda o: follow_tokens.address_hash(o.email))
    confirmed_at = factory.LazyFunction(timezone.now)


class CooperationAgreementFactory(DjangoModelFactory):
    """Tølløse's signed cooperation agreement for a grant year: pass the `scheme`."""

    class Meta:
        model = CooperationAgreement

    area = factory.LazyFunction(default_area)
    signed_on = factory.LazyFunction(timezone.localdate)
