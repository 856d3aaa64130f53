"""HTML or script in any free-text field of the editing forms is refused, with the text kept."""

import datetime

import pytest
from django.utils import timezone

from lokalfora.models import ContactPerson, Event, Forum

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("hej")</script>'


def next_week(hour):
    """A time next week by the clock, read when the test runs (never at import)."""
    return lambda: (timezone.localtime() + datetime.timedelta(days=7)).strftime(
        f"%Y-%m-%dT{hour:02d}:00"
    )


FORMS = {
    "forum": (
        "/lokalomraader/tollose/rediger/",
        {"legal_form": "unregistered", "how_to_join": "Mød op"},
        ["description", "meetings", "how_to_join"],
    ),
    "contact": (
        "/lokalomraader/tollose/kontaktpersoner/ny/",
        {"name": "Karen", "role": "Formand", "email": "karen@example.org", "is_active": "on"},
        ["name", "role", "phone"],
    ),
    "event": (
        "/lokalomraader/tollose/arrangementer/ny/",
        {
            "title": "Fællesspisning",
            "kind": "event",
            "starts_at": next_week(18),
            "ends_at": next_week(21),
            "place": "Forsamlingshuset",
        },
        ["title", "place", "address", "description", "organiser"],
    ),
}


@pytest.mark.parametrize(
    ("form", "field"),
    [(form, field) for form, (_url, _data, fields) in FORMS.items() for field in fields],
)
def test_html_is_refused_in_every_text_field(client_as, area, form, field):
    url, data, _fields = FORMS[form]
    data = {name: value() if callable(value) else value for name, value in data.items()}
    before = (Forum.objects.get(pk=area.forum.pk).updated_at, ContactPerson.objects.count())
    response = client_as("editor_this").post(url, data | {field: f"Hej {SCRIPT}"})
    assert response.status_code == 200
    assert "Skriv almindelig tekst uden HTML-koder" in response.text
    assert "Hej &lt;script&gt;" in response.text  # kept, and escaped
    assert SCRIPT not in response.text
    after = (Forum.objects.get(pk=area.forum.pk).updated_at, ContactPerson.objects.count())
    assert before == after
    assert not Event.objects.exists()


def test_a_comparison_is_not_mistaken_for_html(client_as, area):
    url, data, _fields = FORMS["forum"]
    response = client_as("editor_this").post(url, data | {"meetings": "For børn < 12 år"})
    assert response.status_code == 302
    assert Forum.objects.get(pk=area.forum.pk).meetings == "For børn < 12 år"
