"""Who may see and change a year's scheme and its follow-up: the matrix over the roles."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from lokalfora.models import (
    AnnualAccounts,
    CooperationAgreement,
    GrantPayment,
    GrantScheme,
    GrantVersion,
)
from lokalfora.services import grant_followup as followup
from tests.factories import CooperationAgreementFactory
from tests.matrix import ROLE_NAMES, assert_access

pytestmark = pytest.mark.django_db

MANAGERS = {"committee_staff", "staff_admin", "admin"}
STAFF = {"co_creator", "process_consultant", "committee_staff", "staff_admin", "admin"}
FORUM_AND_STAFF = STAFF | {"editor_this"}
SUBMITTERS = MANAGERS | {"editor_this"}


@pytest.mark.parametrize("role", ROLE_NAMES)
@pytest.mark.parametrize(
    ("url", "allowed"),
    [
        ("/tilskud/2026/model/", MANAGERS),
        ("/tilskud/ny-model/", MANAGERS),
        ("/tilskud/2026/opfoelgning/", STAFF),
        ("/tilskud/2026/opfoelgning/tollose/", FORUM_AND_STAFF),
    ],
)
def test_pages(client_as, payable, role, url, allowed):
    assert_access(client_as(role).get(url), role, allowed)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_approving(client_as, scheme, role):
    response = client_as(role).post("/tilskud/2026/godkend/", {"reason": ""})
    assert_access(response, role, MANAGERS, ok=302)
    assert GrantVersion.objects.exists() is (role in MANAGERS)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_editing_the_scheme(client_as, scheme, role):
    data = {
        "year": "2026", "kind": "formula", "base": "14.000", "rate": "3,45", "floor": "",
        "cap": "", "total_budget": "", "population_date": "2026-01-01", "accounts_due": "",
        "bands-TOTAL_FORMS": "0", "bands-INITIAL_FORMS": "0",
    }  # fmt: skip
    response = client_as(role).post("/tilskud/2026/model/", data)
    assert_access(response, role, MANAGERS, ok=302)
    changed = GrantScheme.objects.get(year=2026).base == 14000
    assert changed is (role in MANAGERS)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_registering_agreement_and_payment(client_as, payable, area, role):
    client = client_as(role)
    CooperationAgreement.objects.all().delete()
    response = client.post(
        "/tilskud/2026/opfoelgning/tollose/aftale/", {"agreement-signed_on": "01.02.2026"}
    )
    assert_access(response, role, MANAGERS, ok=302)
    assert CooperationAgreement.objects.exists() is (role in MANAGERS)
    if role not in MANAGERS:
        CooperationAgreementFactory(scheme=payable, area=area, signed_on=datetime.date(2026, 2, 1))
    response = client.post(
        "/tilskud/2026/opfoelgning/tollose/udbetaling/",
        {
            "payment-paid_on": "02.03.2026",
            "payment-amount": "1.000",
            "payment-nemkonto_reference": "NK-7",
        },
    )
    assert_access(response, role, MANAGERS, ok=302)
    assert GrantPayment.objects.exists() is (role in MANAGERS)


def pdf():
    return SimpleUploadedFile("regnskab.pdf", b"%PDF-1.7 regnskab")


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_submitting_accounts(client_as, paid, role):
    response = client_as(role).post(
        "/tilskud/2026/opfoelgning/tollose/regnskab/",
        {"accounts-file": pdf(), "accounts-no_wages": "on"},
    )
    assert_access(response, role, SUBMITTERS, ok=302)
    assert AnnualAccounts.objects.exists() is (role in SUBMITTERS)


@pytest.fixture
def submitted(paid, area):
    return followup.annual_accounts_submit(
        scheme=paid, area=area, uploaded=pdf(), no_wages=True, user=None
    )


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_reviewing_and_downloading_accounts(client_as, submitted, role):
    client = client_as(role)
    response = client.get(f"/tilskud/2026/opfoelgning/tollose/regnskab/{submitted.pk}/hent/")
    assert_access(response, role, FORUM_AND_STAFF)
    if role in FORUM_AND_STAFF:
        assert b"".join(response.streaming_content) == b"%PDF-1.7 regnskab"
        assert response["Content-Disposition"].startswith("attachment")
    response = client.post(
        f"/tilskud/2026/opfoelgning/tollose/regnskab/{submitted.pk}/behandl/",
        {"review-decision": "accept"},
    )
    assert_access(response, role, MANAGERS, ok=302)
    submitted.refresh_from_db()
    assert (submitted.status == "accepted") is (role in MANAGERS)


def test_accounts_are_only_reached_through_their_own_area(client_as, submitted):
    client = client_as("admin")
    assert (
        client.get(f"/tilskud/2026/opfoelgning/jyderup/regnskab/{submitted.pk}/hent/").status_code
        == 404
    )
    assert client.get("/tilskud/2025/opfoelgning/tollose/").status_code == 404
    assert client.get("/tilskud/2026/opfoelgning/findes-ikke/").status_code == 404
