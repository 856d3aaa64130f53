"""A volunteer keeps their forum's page and contacts up to date."""

import pytest

from lokalfora.models import ContactPerson, Forum
from tests.factories import ContactPersonFactory
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db

CONTACT = {
    "name": "Karen Opdigtet",
    "role": "Formand",
    "email": "karen@example.org",
    "phone": "12 34 56 78",
    "is_active": "on",
    "public_fields": ["name", "phone"],
}


@pytest.fixture
def editor(client_as):
    return client_as("editor_this")


def test_the_area_page_offers_editing_to_its_editors_only(client_as, area):
    assert (
        "/lokalomraader/tollose/rediger/"
        in client_as("editor_this").get("/lokalomraader/tollose/").text
    )
    assert (
        "/lokalomraader/tollose/rediger/"
        not in client_as("editor_other").get("/lokalomraader/tollose/").text
    )


def test_an_editor_updates_the_forum_page(editor, area):
    response = editor.post(
        "/lokalomraader/tollose/rediger/",
        {
            "description": "Vi er åbne for alle.",
            "meetings": "Første tirsdag",
            "how_to_join": "Mød op",
            "legal_form": "association",
            "cvr": "12345678",
            "email": "",
            "website": "https://www.example.org",
        },
    )
    assert response.status_code == 302
    forum = Forum.objects.get(pk=area.forum.pk)
    assert (forum.cvr, forum.description) == ("12345678", "Vi er åbne for alle.")
    assert "Vi er åbne for alle." in editor.get("/lokalomraader/tollose/").text


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"legal_form": "association", "cvr": ""}, "cvr", "skal skrive CVR-nummeret"),
        ({"legal_form": "unregistered", "cvr": "12ab"}, "cvr", "Et CVR-nummer er 8 cifre."),
        ({"legal_form": "unregistered", "website": "ikke en adresse"}, "website", "gyldig URL"),
        (
            {"legal_form": "unregistered", "description": "x" * 4001},
            "description",
            "højst 4000 tegn",
        ),
        ({"legal_form": "hacked"}, "legal_form", "Marker en gyldig valgmulighed"),
    ],
)
def test_bad_forum_input_is_explained_and_kept(editor, area, data, field, message):
    response = editor.post("/lokalomraader/tollose/rediger/", {"how_to_join": "Behold mig", **data})
    assert response.status_code == 200
    assert message in response.text
    assert "Behold mig" in response.text
    assert Forum.objects.get(pk=area.forum.pk).how_to_join == ""


def test_an_editor_adds_and_edits_a_contact_with_consent(editor, area):
    response = editor.post("/lokalomraader/tollose/kontaktpersoner/ny/", CONTACT)
    assert response.status_code == 302
    contact = ContactPerson.objects.get(forum=area.forum)
    assert contact.name_public_since
    assert contact.phone_public_since
    assert contact.email_public_since is None
    page = editor.get("/lokalomraader/tollose/").text
    assert "Karen Opdigtet" in page
    assert "karen@example.org" not in page

    response = editor.post(
        f"/lokalomraader/tollose/kontaktpersoner/{contact.pk}/", {**CONTACT, "public_fields": []}
    )
    assert response.status_code == 302
    assert "Karen Opdigtet" not in editor.get("/lokalomraader/tollose/").text


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"email": "", "phone": ""}, "e-mailadresse eller et telefonnummer"),
        ({"email": "ikke-en-adresse"}, "gyldig e-mail"),
        ({"phone": "ring til mig"}, "Skriv telefonnummeret med cifre"),
        ({"name": ""}, "Dette felt er påkrævet."),
        ({"name": "x" * 151}, "Skriv højst 150 tegn. Teksten har 151."),
    ],
)
def test_bad_contact_input_is_explained_and_kept(editor, area, data, message):
    response = editor.post("/lokalomraader/tollose/kontaktpersoner/ny/", {**CONTACT, **data})
    assert response.status_code == 200
    assert message in response.text
    assert 'value="Formand"' in response.text
    assert not ContactPerson.objects.filter(forum=area.forum).exists()


def test_removing_the_last_contact_is_refused_with_a_danish_explanation(editor, area):
    editor.post("/lokalomraader/tollose/kontaktpersoner/ny/", CONTACT)
    contact = ContactPerson.objects.get(forum=area.forum)
    response = editor.post(f"/lokalomraader/tollose/kontaktpersoner/{contact.pk}/fjern/")
    assert response.status_code == 400
    assert "mindst én aktiv kontaktperson" in response.text
    assert ContactPerson.objects.filter(pk=contact.pk).exists()

    response = editor.post(
        f"/lokalomraader/tollose/kontaktpersoner/{contact.pk}/", {**CONTACT, "is_active": ""}
    )
    assert response.status_code == 200
    assert "mindst én aktiv kontaktperson" in response.text
    assert ContactPerson.objects.get(pk=contact.pk).is_active


def test_an_editor_cannot_reach_another_forums_contact(editor, other_area):
    contact = ContactPersonFactory(forum=other_area.forum, name="X")
    # Through their own forum's address, the other forum's contact does not exist.
    assert editor.get(f"/lokalomraader/tollose/kontaktpersoner/{contact.pk}/").status_code == 404
    assert (
        editor.post(f"/lokalomraader/tollose/kontaktpersoner/{contact.pk}/fjern/").status_code
        == 404
    )
    assert editor.get(f"/lokalomraader/jyderup/kontaktpersoner/{contact.pk}/").status_code == 403


def test_contact_list_runs_a_constant_number_of_queries(editor, area):
    def grow():
        ContactPerson.objects.bulk_create(
            ContactPerson(forum=area.forum, name=f"P{n}", email=f"p{n}@example.org")
            for n in range(50)
        )

    grow()
    assert_constant_queries(editor, "/lokalomraader/tollose/kontaktpersoner/", grow, limit=8)


@pytest.mark.parametrize("public_fields", [["name", "phone"], []])
def test_the_contact_list_shows_the_details_just_saved_public_or_not(editor, area, public_fields):
    # Item 18c: the editors' list showed only what was public, never the phone itself.
    saved = {**CONTACT, "phone": "87 65 43 21", "public_fields": public_fields}
    assert editor.post("/lokalomraader/tollose/kontaktpersoner/ny/", saved).status_code == 302
    page = editor.get("/lokalomraader/tollose/kontaktpersoner/").text
    assert '<a href="tel:+4587654321">87 65 43 21</a>' in page
    assert '<a href="mailto:karen@example.org">karen@example.org</a>' in page
