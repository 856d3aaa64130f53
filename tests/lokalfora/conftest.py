"""Fixtures for the grant tests: a 2026 scheme, approved, payable and paid."""

import datetime
from decimal import Decimal

import pytest
from django.conf import settings
from django.utils import translation

from lokalfora.models import GrantScheme
from lokalfora.services.grant_followup import grant_payment_register
from lokalfora.services.grants import grant_scheme_approve
from tests.factories import CooperationAgreementFactory


@pytest.fixture(autouse=True)
def _danish():
    """Each test starts in Danish: a request with the English language cookie (test_following)
    leaves English active in the thread, as ChosenLanguageMiddleware does not switch back."""
    translation.activate(settings.LANGUAGE_CODE)


@pytest.fixture
def scheme(reference_data):
    """2026 with the illustrative formula (Tølløse, the matrix's area, gets 13.000 + 3,45/inh.).

    The only scheme, at any date: the reference data's illustrative scheme for this year
    is removed, so "the latest year" is 2026 whenever the suite runs.
    """
    GrantScheme.objects.exclude(year=2026).delete()
    scheme, _created = GrantScheme.objects.update_or_create(
        year=2026,
        defaults={
            "kind": "formula", "base": Decimal("13000"), "rate": Decimal("3.45"),
            "population_date": datetime.date(2026, 1, 1), "is_illustrative": True,
        },
    )  # fmt: skip
    return scheme


@pytest.fixture
def approved(scheme):
    grant_scheme_approve(scheme=scheme, user=None)
    return scheme


@pytest.fixture
def payable(approved, area):
    """Tølløse may be paid: agreement signed, forum an association with CVR."""
    area.forum.legal_form, area.forum.cvr = "association", "12345678"
    area.forum.save()
    CooperationAgreementFactory(scheme=approved, area=area, signed_on=datetime.date(2026, 2, 1))
    return approved


@pytest.fixture
def paid(payable, area):
    """Tølløse has been paid 1.000 kr of the year's grant: its accounts are now owed."""
    grant_payment_register(
        scheme=payable, area=area, paid_on=datetime.date(2026, 3, 2), amount=Decimal(1000),
        nemkonto_reference="NK-0", user=None,
    )  # fmt: skip
    return payable
