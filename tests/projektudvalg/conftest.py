"""The committee's fixtures: the two pools, an open round, and an application in each state."""

import pytest
from django.urls import NoReverseMatch, reverse

from faelles_skabere.models import CoCreator
from holbaek import roles
from projektudvalg import services
from projektudvalg.models import GrantPool
from tests.factories import (
    RoundFactory,
    complete,
    give_mfa,
    login,
    make_process_consultant,
    make_staff_admin,
    make_user,
)


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


def _area_co_creator():
    """The matrix's fælles-skaber follows Tølløse, the application's area."""
    user = give_mfa(make_user("fs@example.org", role=roles.CO_CREATOR))
    CoCreator.objects.filter(title__contains="Tølløse").update(user=user)
    return user


@pytest.fixture
def as_role(client, applicant, area):
    """A test client signed in as one of ROLES (the applicant is `applicant`'s)."""

    def sign_in(role):
        user = {
            "anonymous": lambda: None,
            "applicant": lambda: applicant,
            "other_applicant": lambda: make_user("anden@example.org"),
            "area_co_creator": _area_co_creator,
            "process_consultant": lambda: make_process_consultant(area),
            "staff_admin": make_staff_admin,
            "committee_staff": lambda: give_mfa(
                make_user("sekr@example.org", role=roles.COMMITTEE_STAFF)
            ),
            "admin": lambda: give_mfa(make_user("admin@example.org", role=roles.ADMINISTRATOR,
                                                is_staff=True, is_superuser=True)),
        }[role]()  # fmt: skip
        if user is not None:
            login(client, user)
        return client

    return sign_in


@pytest.fixture(autouse=True)
def _committee_public_names(settings):
    """The meeting pages link to the committee's public pages (another branch): while their
    names are missing here, a stub answers them (tests/projektudvalg/stub_urls.py)."""
    try:
        reverse("projektudvalg:meeting-detail", kwargs={"pk": 1})
    except NoReverseMatch:
        settings.ROOT_URLCONF = "tests.projektudvalg.stub_urls"
