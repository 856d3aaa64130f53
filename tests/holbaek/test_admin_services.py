"""The admin saves through the services (holbaek.admin.ServiceAdmin): a refusal shows on the
change form with what was typed, and every admin form cleans text as the portal's forms do.

Posted as the staff admin and the superuser, with the values the change form shows."""

import datetime
from html.parser import HTMLParser

import pytest
from django.contrib import admin
from django.contrib.auth.forms import BaseUserCreationForm
from django.core.exceptions import ValidationError
from django.test import RequestFactory
from django.utils import timezone

from holbaek.forms import PlainTextFormMixin
from lokalfora.models import ContactPerson, EditorInvitation
from lokalfora.services.contacts import LAST_CONTACT_MESSAGE
from projektudvalg import services as pool_services
from projektudvalg.models import GrantPool, Round
from tests.factories import ContactPersonFactory, EventFactory, NewsPostFactory

pytestmark = pytest.mark.django_db

ADMINS = ["staff_admin", "admin"]
RLO = "\u202e"
NO = "Tjenesten siger nej."
OURS = {"holbaek", "lokalfora", "faelles_skabere", "projektudvalg"}


class _FormValues(HTMLParser):
    """The values a browser would post from the admin's change form."""

    def __init__(self):
        super().__init__()
        self.data, self._select, self._textarea = {}, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        name = a.get("name")
        if tag == "input" and name and a.get("type") not in {"submit", "button", "file"}:
            if a.get("type") in {"checkbox", "radio"}:
                if "checked" in a:
                    self.data.setdefault(name, []).append(a.get("value", "on"))
            else:
                self.data.setdefault(name, []).append(a.get("value") or "")
        elif tag == "select" and name:
            self._select = name
        elif tag == "option" and self._select and "selected" in a:
            self.data.setdefault(self._select, []).append(a.get("value") or "")
        elif tag == "textarea" and name:
            self._textarea = name
            self.data[name] = [""]

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea":
            self._textarea = None

    def handle_data(self, data):
        if self._textarea:
            self.data[self._textarea][0] += data.removeprefix("\n")


def form_values(client, url, **changes):
    page = client.get(url)
    assert page.status_code == 200
    parser = _FormValues()
    parser.feed(page.text)
    data = {k: v if len(v) > 1 else v[0] for k, v in parser.data.items()}
    data.pop("csrfmiddlewaretoken", None)
    data.pop("action", None)  # the change form's own action picker
    return data | changes


@pytest.fixture
def event(area):
    starts = timezone.make_aware(datetime.datetime(2026, 12, 10, 18, 0))
    return EventFactory(
        forum=area.forum, title="Juletræ", kind="event", starts_at=starts, place="Torvet"
    )


@pytest.fixture
def news(area):
    return NewsPostFactory(forum=area.forum, title="Nyt", summary="Kort", body="Tekst", draft=True)


def refuse(*args, **kwargs):
    raise ValidationError(NO)


SAVED_THROUGH = [
    ("lokalfora.services.events.event_save", "event", "lokalfora/event", "title"),
    ("lokalfora.services.news.news_save", "news", "lokalfora/newspost", "title"),
    ("lokalfora.services.forums.forum_update", "forum", "lokalfora/forum", "name"),
]


@pytest.mark.parametrize("role", ADMINS)
@pytest.mark.parametrize(("service", "fixture", "path", "field"), SAVED_THROUGH)
def test_the_admin_saves_through_the_service(
    client_as, request, monkeypatch, role, service, fixture, path, field
):
    obj = request.getfixturevalue("area").forum if fixture == "forum" else None
    obj = obj or request.getfixturevalue(fixture)
    before = getattr(obj, field)
    client = client_as(role)
    url = f"/admin/{path}/{obj.pk}/change/"
    data = form_values(client, url, **{field: "Skrevet i admin"})
    monkeypatch.setattr(service, refuse)
    response = client.post(url, data)
    assert response.status_code == 200  # the form again, with the service's answer
    assert NO in response.text
    assert "Skrevet i admin" in response.text  # what was typed is kept
    obj.refresh_from_db()
    assert getattr(obj, field) == before
    monkeypatch.undo()
    assert client.post(url, data).status_code == 302
    obj.refresh_from_db()
    assert getattr(obj, field) == "Skrevet i admin"


def test_a_refused_deactivation_keeps_what_was_typed(client_as, area):
    ContactPerson.objects.filter(forum=area.forum).delete()
    last = ContactPersonFactory(forum=area.forum, name="Karen", email="k@example.org")
    client = client_as("staff_admin")
    url = f"/admin/lokalfora/contactperson/{last.pk}/change/"
    data = form_values(client, url, name="Karen Skrevet")
    data.pop("is_active")  # unticked
    response = client.post(url, data)
    assert response.status_code == 200
    form = response.context["adminform"].form
    assert LAST_CONTACT_MESSAGE in form.non_field_errors()
    assert form["name"].value() == "Karen Skrevet"
    last.refresh_from_db()
    assert (last.name, last.is_active) == ("Karen", True)


def test_an_event_title_loses_its_bidi_override_in_the_admin(client_as, event):
    client = client_as("staff_admin")
    url = f"/admin/lokalfora/event/{event.pk}/change/"
    response = client.post(url, form_values(client, url, title=f"Jule{RLO}træ"))
    assert response.status_code == 302
    event.refresh_from_db()
    assert event.title == "Juletræ"


def _forms_of(model_admin, request):
    if model_admin.has_add_permission(request):
        yield model_admin.get_form(request, None, change=False)
    yield model_admin.get_form(request, None, change=True)
    for inline in model_admin.get_inline_instances(request):
        yield inline.get_formset(request).form


def test_every_admin_form_takes_plain_text(make_role_user):
    request = RequestFactory().get("/admin/")
    request.user = make_role_user("admin")
    for model, model_admin in admin.site._registry.items():
        if model._meta.app_label not in OURS:
            continue
        for form in _forms_of(model_admin, request):
            if issubclass(form, BaseUserCreationForm):
                continue  # the e-mail and the passwords, which must stay as typed
            assert issubclass(form, PlainTextFormMixin), (model, form)


def test_an_invitation_added_in_the_admin_is_sent(client_as, area, mailoutbox):
    client = client_as("staff_admin")
    url = "/admin/lokalfora/editorinvitation/add/"
    response = client.post(
        url, form_values(client, url, email="ny@example.org", forum=area.forum.pk)
    )
    assert response.status_code == 302
    invitation = EditorInvitation.objects.get(email="ny@example.org")
    assert invitation.invited_by is not None
    assert [m.to for m in mailoutbox] == [["ny@example.org"]]


@pytest.mark.parametrize("role", ADMINS)
def test_a_refused_round_is_shown_on_the_form(client_as, reference_data, monkeypatch, role):
    client = client_as(role)
    url = "/admin/projektudvalg/round/add/"
    pool = GrantPool.objects.first()
    data = form_values(client, url) | {
        "pool": pool.pk, "name": "Forårsrunde", "opens_at_0": "2027-03-01",
        "opens_at_1": "08:00", "deadline_day": "2027-04-01", "budget": "100.000",
        "report_months": "12",
    }  # fmt: skip
    monkeypatch.setattr(pool_services, "round_create", refuse)
    response = client.post(url, data)
    assert response.status_code == 200
    assert NO in response.text
    assert 'value="Forårsrunde"' in response.text
    assert not Round.objects.filter(name="Forårsrunde").exists()
