"""Every model has a working admin whose change list does not grow in queries."""

import pytest
from django.contrib import admin

from tests.factories import make_user
from tests.lokalfora.test_views import add_content
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db


def changelist_urls():
    for model in admin.site._registry:
        meta = model._meta
        if meta.app_label in {
            "holbaek",
            "lokalfora",
            "faelles_skabere",
            "projektudvalg",
        }:
            yield f"/admin/{meta.app_label}/{meta.model_name}/"


@pytest.mark.parametrize("url", sorted(changelist_urls()))
def test_change_lists_run_a_constant_number_of_queries(client_as, url):
    client = client_as("admin")
    add_content(1)
    assert_constant_queries(client, url, lambda: add_content(10), limit=15)


def test_every_model_of_ours_is_in_the_admin():
    from django.apps import apps
    from simple_history.models import HistoricalChanges

    ours = {
        model
        for label in ("holbaek", "lokalfora", "faelles_skabere", "projektudvalg")
        for model in apps.get_app_config(label).get_models()
        if not issubclass(model, HistoricalChanges)  # shown through their model's history
    }
    assert ours <= set(admin.site._registry)


@pytest.mark.parametrize(
    "url",
    ["/admin/lokalfora/localarea/?q=Tølløse", "/admin/lokalfora/forum/?legal_form=association"],
)
def test_search_and_filters_work(client_as, url):
    assert client_as("admin").get(url).status_code == 200


def test_change_form_loads(client_as, area):
    response = client_as("admin").get(f"/admin/lokalfora/forum/{area.forum.pk}/change/")
    assert response.status_code == 200


def test_adding_an_editor_in_the_admin_gives_the_role(client_as, area):
    from holbaek import roles

    volunteer = make_user("frivillig@example.org")
    response = client_as("admin").post(
        "/admin/lokalfora/forumeditor/add/",
        {"forum": area.forum.pk, "user": volunteer.pk},
    )
    assert response.status_code == 302
    volunteer = type(volunteer).objects.get(pk=volunteer.pk)
    assert roles.has_role(volunteer, roles.FORUM_EDITOR)
    assert volunteer.forum_editorships.get().forum == area.forum


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/admin/sparring/", "/admin/faelles_skabere/"),
        (
            "/admin/sparring/sparringrequest/7/change/",
            "/admin/faelles_skabere/sparringrequest/7/change/",
        ),
        ("/admin/tilskud/grantscheme/", "/admin/lokalfora/grantscheme/"),
    ],
)
def test_the_folded_apps_admin_addresses_lead_to_their_new_home(client, old, new):
    response = client.get(old)
    assert (response.status_code, response.url) == (302, new)
