"""Fælles-skabere, their areas and the sparring requests sent to them."""

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from faelles_skabere import sparring_tokens
from faelles_skabere.models import (
    AreaAssignment,
    AssignmentKind,
    CoCreator,
    PreferredContact,
    RequesterKind,
    RequestTopic,
    SparringRequest,
    Status,
)
from faelles_skabere.services.sparring_requests import sparring_request_confirm
from tests.factories.places import default_area


class CoCreatorFactory(DjangoModelFactory):
    """A fælles-skaber beside the reference data's, without an account or an area."""

    class Meta:
        model = CoCreator

    title = factory.Sequence(lambda n: f"Fælles-skaber {n + 1}")


class AreaAssignmentFactory(DjangoModelFactory):
    """A new fælles-skaber follows Tølløse from today (`kind=AssignmentKind.PROCESS` for a
    process). Every area has its fixed one in the reference data, so a second current
    fixed one is refused: end the first, or give dates in the past."""

    class Meta:
        model = AreaAssignment

    area = factory.LazyFunction(default_area)
    co_creator = factory.SubFactory(CoCreatorFactory)
    kind = AssignmentKind.FIXED
    started_on = factory.LazyFunction(timezone.localdate)
    ended_on = None


class SparringRequestFactory(DjangoModelFactory):
    """A citizen's request as the public form saves it: unconfirmed, without a number.

    `routed=True` gives it a reference (this year, from number 1000 on, above what the
    confirmations in a test take) and the status New, as if confirmed;
    `make_confirmed_sparring_request` confirms it for real.
    """

    class Meta:
        model = SparringRequest

    class Params:
        routed = factory.Trait(
            status=Status.NEW,
            year=factory.LazyFunction(lambda: timezone.localdate().year),
            number=factory.Sequence(lambda n: 1000 + n),
        )

    name = "Karen"
    email = "karen@example.org"
    requester_kind = RequesterKind.CITIZEN
    area = None
    topic = RequestTopic.EVENT
    description = "Hjælp til et møde"
    preferred_contact = PreferredContact.EMAIL


def make_confirmed_sparring_request(**fields) -> SparringRequest:
    """A request whose sender has clicked the mailed link: numbered, routed and receipted
    by the service, as in real life."""
    request = SparringRequestFactory(**fields)
    return sparring_request_confirm(
        token=sparring_tokens.make(request, sparring_tokens.CONFIRM_SALT)
    )
