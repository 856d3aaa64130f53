"""Municipal news made directly (the workflow's services are tested on their own).

item = MunicipalNewsFactory(areas=[moerkoev], topics=[trafik])   # published an hour ago
item = MunicipalNewsFactory(whole_municipality=True)
item = MunicipalNewsFactory(status=NewsStatus.DRAFT, publish_at=None)
item = MunicipalNewsFactory(publish_at=danish("2026-12-10 09:00"))   # scheduled if later
"""

import datetime

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from projektudvalg.models import MunicipalNews, NewsStatus


class MunicipalNewsFactory(DjangoModelFactory):
    """A published item from the municipality (`age` ago), aimed at the given `areas`."""

    class Meta:
        model = MunicipalNews
        skip_postgeneration_save = True

    class Params:
        age = datetime.timedelta(hours=1)

    title = factory.Sequence(lambda n: f"Kommunens nyhed {n + 1}")
    summary = "Kort fortalt fra kommunen"
    body = "Teksten om **nyheden**."
    status = NewsStatus.PUBLISHED
    publish_at = factory.LazyAttribute(lambda o: timezone.now() - o.age)

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)

    @factory.post_generation
    def topics(self, create, extracted, **kwargs):
        if create and extracted:
            self.topics.set(extracted)
