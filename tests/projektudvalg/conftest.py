import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from faelles_skabere.models import CoCreator
from holbaek import roles
from lokalfora.models import LocalArea
from projektudvalg import services
from projektudvalg.models import GrantPool, Round
from tests.conftest import give_mfa, login, make_process_consultant, make_staff_admin, make_user

# The roles of an application's permission matrix. The process consultant runs a process in
# the application's area: that never makes it the area's fælles-skaber. The staff admin is
# an Administrator without superuser rights.
ROLES = ["anonymous", "applicant", "other_applicant", "area_co_creator", "process_consultant",
         "committee_staff", "staff_admin", "admin"]  # fmt: skip


@pytest.fixture
def rtf(reference_data):
    return GrantPool.objects.get(slug="rum-til-faellesskab")


@pytest.fixture
def lbf(reference_data):
    return GrantPool.objects.get(slug="landsbyfornyelse")


def make_round(pool, *, budget=500_000, days_left=30, name="Runde"):
    now = timezone.now()
    return Round.objects.create(
        pool=pool,
        name=name,
        opens_at=now - datetime.timedelta(days=10),
        deadline=now + datetime.timedelta(days=days_left),
        budget=Decimal(budget),
    )


@pytest.fixture
def open_round(rtf):
    return make_round(rtf)


@pytest.fixture
def applicant(db):
    return make_user("ansoeger@example.org")


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
    """Fills a Rum til fællesskab draft so that it meets every rule (65.000 kr project)."""
    values = COMMUNITY_VALUES | {"area": LocalArea.objects.get(slug="tollose")} | changes
    total = values["amount_applied"] + values["cofinancing_cash"]
    return services.application_save_draft(
        application=application,
        values=values,
        criteria=list(application.pool.criteria_list.all()[:1]),
        lines=[("Materialer", total - 10000), ("Håndværker", Decimal(10000))],
    )


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
    from holbaek import roles
    from tests.conftest import give_mfa

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
