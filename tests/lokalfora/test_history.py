"""Every change to a forum, its contacts and news is kept: who, when, old -> new."""

import pytest

from lokalfora.history import forum_history
from lokalfora.models import ContactPerson, Forum
from tests.factories import NewsPostFactory
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db

CONTACT = {
    "name": "Karen Opdigtet",
    "role": "Formand",
    "email": "karen@example.org",
    "phone": "",
    "is_active": "on",
    "public_fields": ["name"],
}


def test_changes_through_the_pages_record_who_changed_what(client_as, area):
    editor = client_as("editor_this")
    editor.post("/lokalomraader/tollose/kontaktpersoner/ny/", CONTACT)
    contact = ContactPerson.objects.get(forum=area.forum)
    editor.post(
        f"/lokalomraader/tollose/kontaktpersoner/{contact.pk}/", {**CONTACT, "role": "Kasserer"}
    )
    [latest, created] = forum_history(area.forum)[:2]
    assert latest.who == "redaktoer@example.org"
    assert latest.action_code == "~"
    role_change = next(
        change for change in latest.changes if change.field == "rolle i lokalforummet"
    )
    assert (role_change.old, role_change.new) == ("Formand", "Kasserer")
    assert created.action_code == "+"


def test_the_history_page_shows_staff_the_changes(client_as, area):
    forum = Forum.objects.get(pk=area.forum.pk)
    forum.description = "Første udgave"
    forum.save()
    forum.description = "Anden udgave"
    forum.save()
    response = client_as("co_creator").get("/lokalomraader/tollose/historik/")
    assert response.status_code == 200
    assert "Første udgave" in response.text
    assert "Anden udgave" in response.text
    assert "Gendan" not in response.text  # restoring is for the admin


def test_an_administrator_restores_an_earlier_version(client_as, area):
    forum = Forum.objects.get(pk=area.forum.pk)
    forum.description = "Den gode tekst"
    forum.save()
    good = forum.history.latest()
    forum.description = "Ups, slettet ved en fejl"
    forum.save()

    admin = client_as("admin")
    assert "Gendan" in admin.get("/lokalomraader/tollose/historik/").text
    url = f"/admin/lokalfora/forum/{forum.pk}/history/{good.history_id}/"
    assert admin.get(url).status_code == 200
    response = admin.post(url, {**_form_data(good), "_change_history": "1"})
    assert response.status_code == 302
    assert Forum.objects.get(pk=forum.pk).description == "Den gode tekst"


def _form_data(record):
    fields = [
        "name",
        "description",
        "legal_form",
        "cvr",
        "website",
        "email",
        "meetings",
        "how_to_join",
    ]
    data = {field: getattr(record, field) for field in fields}
    data["area"] = record.area_id
    for prefix in ["contacts"]:
        data.update({f"{prefix}-TOTAL_FORMS": "0", f"{prefix}-INITIAL_FORMS": "0"})
    return data


def test_the_history_page_runs_a_constant_number_of_queries(client_as, area):
    staff = client_as("committee_staff")

    def grow():
        for number in range(10):
            forum = Forum.objects.get(pk=area.forum.pk)
            forum.description = f"Udgave {number}"
            forum.save()
            NewsPostFactory(forum=forum, title=f"Nyhed {number}", draft=True)

    grow()
    # 9: the 8 before, and the retention setting the page shows.
    assert_constant_queries(staff, "/lokalomraader/tollose/historik/", grow, limit=9)
