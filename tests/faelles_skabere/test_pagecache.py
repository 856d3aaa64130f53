"""A new fixed fælles-skaber or a stand-in shows at once on the area page and the directory,
though both were served from the page cache (holbaek/pagecache/) before."""

import datetime

import pytest
from django.utils import timezone

from faelles_skabere.services.assignments import assignment_create, stand_in_create

pytestmark = pytest.mark.django_db

TOLLOSE = "/lokalomraader/tollose/"


def co_creator_section(client, url=TOLLOSE):
    return client.get(url).text


def test_a_handover_shows_on_the_area_page_and_the_directory(
    client, area, tollose_co_creator, jyderup_co_creator
):
    assert tollose_co_creator.display_name in co_creator_section(client)
    directory = client.get("/faelles-skabere/").text
    assert directory.count(area.get_absolute_url()) == 1
    assignment_create(area=area, co_creator=jyderup_co_creator, starts_on=timezone.localdate())
    page = co_creator_section(client)
    assert jyderup_co_creator.display_name in page
    assert tollose_co_creator.display_name not in page
    directory_after = client.get("/faelles-skabere/").text
    assert directory_after != directory


def test_a_stand_in_shows_on_every_page_of_the_covered_areas(
    client, area, tollose_co_creator, jyderup_co_creator
):
    assert jyderup_co_creator.display_name not in co_creator_section(client)
    today = timezone.localdate()
    stand_in_create(
        co_creator=tollose_co_creator,
        stand_in=jyderup_co_creator,
        starts_on=today,
        ends_on=today + datetime.timedelta(days=7),
    )
    assert jyderup_co_creator.display_name in co_creator_section(client)
