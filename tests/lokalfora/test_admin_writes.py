"""The lokalfora admin writes through the services: areas, population figures, events,
invitations, followers and the retention settings (lokalfora/admin.py)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from lokalfora.models import (
    EditorInvitation,
    Event,
    Forum,
    LocalArea,
    PopulationFigure,
    RetentionSettings,
    Subscription,
)
from tests.holbaek.test_admin_services import form_values

pytestmark = pytest.mark.django_db

NO = "Tjenesten siger nej."


def refuse(*args, **kwargs):
    raise ValidationError(NO)


def test_an_area_added_in_the_admin_gets_its_forum(client_as, reference_data):
    client = client_as("admin")
    url = "/admin/lokalfora/localarea/add/"
    data = form_values(client, url, name="Nyby", slug="nyby", main_town="Nyby")
    data["population_figures-TOTAL_FORMS"] = "0"
    assert client.post(url, data).status_code == 302
    area = LocalArea.objects.get(slug="nyby")
    assert Forum.objects.get(area=area).name == "Lokalforum Nyby"


def test_a_figure_changed_on_the_area_page_is_saved_through_the_service(
    client_as, area, monkeypatch
):
    client = client_as("admin")
    url = f"/admin/lokalfora/localarea/{area.pk}/change/"
    figure = area.population_figures.first()
    data = form_values(client, url, **{"population_figures-0-count": "1234"})
    assert data["population_figures-0-id"] == str(figure.pk)
    monkeypatch.setattr("lokalfora.services.population.population_figure_save", refuse)
    response = client.post(url, data)
    assert response.status_code == 200
    assert NO in response.text
    figure.refresh_from_db()
    assert figure.count != 1234
    monkeypatch.undo()
    assert client.post(url, data).status_code == 302
    figure.refresh_from_db()
    assert figure.count == 1234


def test_a_figure_is_corrected_and_deleted_through_the_service(client_as, area, monkeypatch):
    client = client_as("admin")
    figure = area.population_figures.first()
    url = f"/admin/lokalfora/populationfigure/{figure.pk}/change/"
    assert client.post(url, form_values(client, url, count="999")).status_code == 302
    figure.refresh_from_db()
    assert figure.count == 999
    monkeypatch.setattr("lokalfora.services.population.population_figure_delete", refuse)
    delete = f"/admin/lokalfora/populationfigure/{figure.pk}/delete/"
    client.post(delete, {"post": "yes"})
    assert PopulationFigure.objects.filter(pk=figure.pk).exists()
    monkeypatch.undo()
    client.post(delete, {"post": "yes"})
    assert not PopulationFigure.objects.filter(pk=figure.pk).exists()


@pytest.mark.parametrize(
    ("service", "make", "path"),
    [
        ("lokalfora.services.events.event_delete", "event", "event"),
        ("lokalfora.services.subscriptions.subscription_delete", "subscription", "subscription"),
        (
            "lokalfora.services.invitations.editor_invitation_delete",
            "invitation",
            "editorinvitation",
        ),
    ],
)
def test_the_admin_deletes_through_the_service(client_as, area, monkeypatch, service, make, path):
    starts = timezone.now() + datetime.timedelta(days=3)
    ends = starts + datetime.timedelta(hours=2)
    obj = {
        "event": lambda: Event.objects.create(
            forum=area.forum, title="Marked", kind="event", starts_at=starts, ends_at=ends
        ),
        "subscription": lambda: Subscription.objects.create(area=area, email="b@example.org"),
        "invitation": lambda: EditorInvitation.objects.create(
            forum=area.forum, email="ny@example.org"
        ),
    }[make]()
    client = client_as("admin")
    url = f"/admin/lokalfora/{path}/{obj.pk}/delete/"
    monkeypatch.setattr(service, refuse)
    client.post(url, {"post": "yes"})
    assert type(obj).objects.filter(pk=obj.pk).exists()
    monkeypatch.undo()
    client.post(url, {"post": "yes"})
    assert not type(obj).objects.filter(pk=obj.pk).exists()


def test_the_retention_settings_are_saved_through_the_service(client_as, monkeypatch):
    settings = RetentionSettings.current()
    client = client_as("admin")
    url = f"/admin/lokalfora/retentionsettings/{settings.pk}/change/"
    data = form_values(client, url, contact_history_months="12")
    monkeypatch.setattr("lokalfora.services.retention.retention_settings_update", refuse)
    response = client.post(url, data)
    assert response.status_code == 200
    assert NO in response.text
    monkeypatch.undo()
    assert client.post(url, data).status_code == 302
    assert RetentionSettings.current().contact_history_months == 12
