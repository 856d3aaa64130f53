"""The pages where a forum's volunteer editor keeps the forum up to date."""

import pytest

from tests.browser.checks import assert_accessible

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EDITOR = "redaktoer@example.org"  # edits Lokalforum Tølløse in the demo data


@pytest.fixture
def editor_page(new_context, login_as, demo_data):
    context = new_context()
    login_as(context, EDITOR)
    return context.new_page()


@pytest.mark.parametrize(
    "path",
    [
        "/lokalomraader/tollose/",
        "/lokalomraader/tollose/rediger/",
        "/lokalomraader/tollose/kontaktpersoner/",
        "/lokalomraader/tollose/kontaktpersoner/ny/",
    ],
)
def test_editing_pages_are_accessible(editor_page, axe_source, path):
    editor_page.goto(path)
    assert_accessible(editor_page, axe_source)


def test_a_refused_removal_and_a_form_with_errors_are_accessible(editor_page, axe_source):
    from lokalfora.models import ContactPerson

    contact = ContactPerson.objects.get(forum__area__slug="tollose")
    editor_page.goto(f"/lokalomraader/tollose/kontaktpersoner/{contact.pk}/fjern/")
    editor_page.get_by_role("button", name="Ja, fjern kontaktpersonen").click()
    editor_page.wait_for_load_state()
    assert "mindst én aktiv kontaktperson" in editor_page.locator("main").inner_text()
    assert_accessible(editor_page, axe_source)

    editor_page.goto("/lokalomraader/tollose/kontaktpersoner/ny/")
    editor_page.locator("main form").get_by_role("button", name="Gem").click()
    editor_page.wait_for_load_state()
    assert editor_page.locator("[data-module='error-summary']").is_visible()
    assert_accessible(editor_page, axe_source)
