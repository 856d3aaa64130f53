import pytest

pytestmark = pytest.mark.django_db


def test_both_pools_are_listed_with_their_rules(client, reference_data):
    response = client.get("/puljer/")
    assert response.status_code == 200
    assert "Rum til fællesskab" in response.text
    assert "Landsbyfornyelse" in response.text
    detail = client.get("/puljer/rum-til-faellesskab/")
    assert detail.status_code == 200
    assert "50.000 kr." in detail.text
    assert "125 kr." in detail.text


def test_unknown_pool_is_a_404(client, reference_data):
    assert client.get("/puljer/findes-ikke/").status_code == 404
