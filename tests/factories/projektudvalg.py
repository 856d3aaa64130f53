"""The committee's rounds, and applications filled in through the services."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from lokalfora.models import LocalArea
from projektudvalg import services
from projektudvalg.models import GrantPool, Round


class RoundFactory(DjangoModelFactory):
    """A round of Rum til fællesskab that opened ten days ago and closes in `days_left` (30)."""

    class Meta:
        model = Round

    class Params:
        days_left = 30

    pool = factory.LazyFunction(lambda: GrantPool.objects.get(slug="rum-til-faellesskab"))
    name = factory.Sequence(lambda n: f"Runde {n + 1}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=10))
    deadline = factory.LazyAttribute(
        lambda o: timezone.now() + datetime.timedelta(days=o.days_left)
    )
    budget = Decimal(500_000)


COMMUNITY_VALUES = {
    "organisation": "Tølløse Borgerforening",
    "applicant_type": "association",
    "title": "Shelter ved søen",
    "description": "Et shelter, hvor alle kan mødes.",
    "amount_applied": Decimal(60000),
    "cofinancing_cash": Decimal(5000),
    "timeline": "Foråret 2027",
    "contact_name": "Karen Jensen",
    "contact_email": "karen@example.org",
}


def complete(application, **changes):
    """Fills a Rum til fællesskab draft so that it meets every rule (65.000 kr project),
    through the applicant's service."""
    values = COMMUNITY_VALUES | {"area": LocalArea.objects.get(slug="tollose")} | changes
    total = values["amount_applied"] + values["cofinancing_cash"]
    return services.application_save_draft(
        application=application,
        values=values,
        criteria=list(application.pool.criteria_list.all()[:1]),
        lines=[("Materialer", total - 10000), ("Håndværker", Decimal(10000))],
    )
