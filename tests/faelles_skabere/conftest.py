import pytest

from faelles_skabere.models import CoCreator


@pytest.fixture(autouse=True)
def _clean_slate(settings):
    settings.SITE_URL = "http://testserver"


@pytest.fixture
def tollose_co_creator(reference_data):
    """The placeholder role that follows Tølløse in the reference data."""
    return CoCreator.objects.get(title__contains="Tølløse")


@pytest.fixture
def jyderup_co_creator(reference_data):
    return CoCreator.objects.get(title__contains="Jyderup")
