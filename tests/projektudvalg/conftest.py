"""The committee's fixtures: the two pools, an open round, and an application in each state."""

import pytest

from holbaek import roles
from projektudvalg import services
from projektudvalg.models import GrantPool
from tests.factories import RoundFactory, complete, give_mfa, make_user


@pytest.fixture
def rtf(reference_data):
    return GrantPool.objects.get(slug="rum-til-faellesskab")


@pytest.fixture
def lbf(reference_data):
    return GrantPool.objects.get(slug="landsbyfornyelse")


@pytest.fixture
def open_round(rtf):
    return RoundFactory(pool=rtf, name="Runde")


@pytest.fixture
def applicant(db):
    return make_user("ansoeger@example.org")


@pytest.fixture
def draft(open_round, applicant):
    application = services.application_create(
        pool=open_round.pool, round_id=open_round.pk, user=applicant
    )
    return complete(application)


@pytest.fixture
def submitted(draft, applicant):
    return services.application_submit(application=draft, user=applicant)


@pytest.fixture
def staff(db):
    return give_mfa(make_user("sagsbehandler@example.org", role=roles.COMMITTEE_STAFF))


@pytest.fixture
def in_review(submitted, staff):
    return services.review_start(application=submitted, user=staff)
