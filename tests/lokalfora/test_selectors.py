import datetime

import pytest

from lokalfora.selectors.areas import search_areas
from lokalfora.selectors.contacts import visible_contacts
from tests.factories import ContactPersonFactory, make_user

CONSENT = datetime.date(2026, 1, 5)


@pytest.fixture
def contact(area):
    return ContactPersonFactory(
        forum=area.forum,
        name="Karen Opdigtet",
        role="Formand",
        email="karen@example.org",
        phone="11223344",
        name_public_since=CONSENT,
        email_public_since=None,
        phone_public_since=CONSENT,
    )


@pytest.mark.django_db
def test_the_public_sees_only_fields_with_consent(area, contact):
    from django.contrib.auth.models import AnonymousUser

    [shown] = visible_contacts(area.forum, AnonymousUser())
    assert (shown.name, shown.email, shown.phone) == ("Karen Opdigtet", None, "11223344")
    assert shown.hidden == {"email"}
    assert not shown.is_restricted


@pytest.mark.django_db
def test_a_forum_editor_is_public_too(area, contact):
    [shown] = visible_contacts(area.forum, make_user("r@example.org"))
    assert shown.email is None


@pytest.mark.django_db
def test_municipal_staff_see_everything_and_know_what_is_not_public(area, contact):
    from holbaek import roles

    [shown] = visible_contacts(area.forum, make_user("fs@example.org", role=roles.CO_CREATOR))
    assert shown.email == "karen@example.org"
    assert shown.is_restricted


@pytest.mark.django_db
def test_inactive_contacts_are_not_shown(area, contact):
    from django.contrib.auth.models import AnonymousUser

    contact.is_active = False
    contact.save()
    assert visible_contacts(area.forum, AnonymousUser()) == []


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Soderup", {"tollose", "stestrup"}),
        ("soderup", {"tollose", "stestrup"}),
        ("Kr. Eskilstrup", {"stestrup"}),
        ("Bybjerg", {"oro"}),
        ("Tuse", {"tuse", "tuse-naes"}),
        ("Ingenby", set()),
        ("   ", set()),
    ],
)
def test_search_finds_areas_by_name_alias_town_and_village(reference_data, query, expected):
    areas = search_areas(query)
    assert {area.slug for area in areas} == expected


@pytest.mark.django_db
def test_an_empty_field_does_not_count_as_hidden(area):
    from holbaek import roles

    ContactPersonFactory(
        forum=area.forum,
        name="Ole",
        name_public_since=CONSENT,
        email_public_since=CONSENT,
    )
    [shown] = visible_contacts(area.forum, make_user("fs@example.org", role=roles.CO_CREATOR))
    assert shown.phone is None
    assert shown.hidden == frozenset()
    assert not shown.is_restricted


@pytest.mark.django_db
def test_a_consent_dated_in_the_future_does_not_publish_yet(area):
    from django.contrib.auth.models import AnonymousUser
    from django.utils import timezone

    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    ContactPersonFactory(forum=area.forum, name="Ny Opdigtet", name_public_since=tomorrow)
    [shown] = visible_contacts(area.forum, AnonymousUser())
    assert shown.name is None
    assert shown.hidden == {"name", "email"}
