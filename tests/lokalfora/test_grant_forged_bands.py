"""A forged management form on the scheme page leaves the stored bands alone (issue 11)."""

import pytest

from holbaek.formsets import FORGED_MESSAGE
from tests.lokalfora.test_grant_staff_pages import bands, scheme_data

pytestmark = pytest.mark.django_db
URL = "/tilskud/2026/model/"


@pytest.fixture
def banded(client_as, scheme):
    client = client_as("committee_staff")
    data = scheme_data(**bands(("0", "2000", "10.000", "4"), ("2001", "", "12.000", "4")))
    assert client.post(URL, data).status_code == 302
    return client, scheme


def stored(scheme):
    return list(scheme.bands.order_by("lower").values_list("lower", "upper"))


@pytest.mark.parametrize(
    ("total", "initial"),
    [("0", "0"), ("-1", "0"), ("2", "1"), ("2", "3"), ("3", "-1"), ("1000000000", "2"), ("x", "2")],
)
def test_forged_band_counts_are_refused_and_the_bands_kept(banded, total, initial):
    client, scheme = banded
    response = client.post(
        URL, scheme_data(**{"bands-TOTAL_FORMS": total, "bands-INITIAL_FORMS": initial})
    )
    assert response.status_code == 400
    assert str(FORGED_MESSAGE) in response.text
    assert stored(scheme) == [(0, 2000), (2001, None)]
