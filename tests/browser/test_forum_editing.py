"""The pages where a forum's volunteer editor keeps the forum up to date."""

import pytest
from django.utils import timezone

from tests.browser.checks import assert_accessible
from tests.factories import give_mfa, login

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EDITOR = "redaktoer@example.org"  # edits Lokalforum Tølløse in the demo data


def staff_page(new_context, live_server, email):
    """A page signed in as a staff member who has used a second factor."""
    from django.conf import settings
    from django.test import Client

    from holbaek.models import User

    client = login(Client(), give_mfa(User.objects.get(email=email)))
    context = new_context()
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}]
    )
    return context.new_page()


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

    contact = ContactPerson.objects.get(email="kontakt-tollose@example.org")
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


def test_the_history_page_is_accessible_for_staff(new_context, live_server, demo_data, axe_source):
    page = staff_page(new_context, live_server, "faelles-skaber@example.org")
    page.goto("/lokalomraader/tollose/historik/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Ændringshistorik")
    assert_accessible(page, axe_source)


@pytest.mark.parametrize("path", ["/kalender/", "/kalender/arkiv/", "EVENT", "DAY"])
def test_calendar_pages_are_accessible(page, demo_data, axe_source, path):
    from lokalfora.models import Event

    if path == "EVENT":
        path = Event.objects.upcoming().first().get_absolute_url()
    if path == "DAY":  # the day page of the next event: its events, paged
        day = timezone.localdate(Event.objects.upcoming().first().starts_at)
        path = f"/kalender/{day.isoformat()}/"
    page.goto(path)
    assert_accessible(page, axe_source)


def test_the_event_form_and_its_errors_are_accessible(editor_page, axe_source):
    editor_page.goto("/lokalomraader/tollose/arrangementer/ny/")
    assert_accessible(editor_page, axe_source)
    editor_page.locator("main form").get_by_role("button", name="Gem").click()
    editor_page.wait_for_load_state()
    assert editor_page.locator("[data-module='error-summary']").is_visible()
    assert_accessible(editor_page, axe_source)


def test_the_staff_overview_is_accessible(new_context, live_server, demo_data, axe_source):
    page = staff_page(new_context, live_server, "sekretariat@example.org")
    page.goto("/lokalomraader/overblik/")
    assert_accessible(page, axe_source)


def test_the_editor_and_invitation_pages_are_accessible(editor_page, axe_source):
    editor_page.goto("/lokalomraader/tollose/redaktoerer/")
    assert_accessible(editor_page, axe_source)
    editor_page.get_by_label("E-mailadresse på den, du vil invitere").fill("ikke-en-adresse")
    editor_page.get_by_role("button", name="Send invitation").click()
    editor_page.wait_for_load_state()
    assert_accessible(editor_page, axe_source)

    editor_page.goto("/invitation/et-forkert-link/")
    assert "ikke gyldigt" in editor_page.locator("main").inner_text()
    assert_accessible(editor_page, axe_source)


def test_writing_a_news_post_with_a_picture_is_accessible(editor_page, axe_source, tmp_path):
    from tests.lokalfora.test_news import picture

    photo = tmp_path / "legeplads.png"
    photo.write_bytes(picture().read())
    editor_page.goto("/lokalomraader/tollose/nyheder/")
    assert_accessible(editor_page, axe_source)
    editor_page.get_by_role("link", name="Skriv en nyhed").click()
    assert_accessible(editor_page, axe_source)
    editor_page.get_by_label("Overskrift").fill("Ny legeplads")
    editor_page.get_by_label("Resumé").fill("Vi samler idéer.")
    editor_page.locator("input[name=image_file]").set_input_files(photo)
    editor_page.get_by_role("button", name="Offentliggør").click()
    editor_page.wait_for_load_state()
    # Without alt text the picture is refused; the text stays.
    assert editor_page.locator("[data-module='error-summary']").is_visible()
    assert editor_page.get_by_label("Overskrift").input_value() == "Ny legeplads"
    assert_accessible(editor_page, axe_source)
    editor_page.locator("input[name=image_file]").set_input_files(photo)
    alt = editor_page.get_by_label("Beskrivelse af billedet")
    alt.fill("Tegning af legepladsen")
    alt.press("Enter")  # Enter in a field saves a draft; it never publishes
    editor_page.wait_for_load_state()
    assert "Kladden er gemt" in editor_page.locator("main").inner_text()
    editor_page.get_by_role("link", name="Ny legeplads", exact=True).click()
    assert "Dette er en kladde" in editor_page.locator("main").inner_text()
    image = editor_page.get_by_role("img", name="Tegning af legepladsen")
    # The picture arrives after the page: wait for it rather than read a width of 0.
    width = image.evaluate(
        "img => img.complete ? img.naturalWidth : new Promise((done) => {"
        " img.addEventListener('load', () => done(img.naturalWidth), {once: true});"
        " img.addEventListener('error', () => done(-1), {once: true}); })"
    )
    assert width == 40
    assert_accessible(editor_page, axe_source)
