"""The committee's record and the special efforts in a real browser: axe on the demo's
meetings, an effort page, the working-group form and the staff pages that run them."""

import pytest

from tests.browser.checks import assert_accessible
from tests.browser.test_forum_editing import staff_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STAFF = "sekretariat@example.org"  # Udvalgssekretariat in the demo
CITIZEN = "borger@example.org"
EFFORT = "/saerlige-indsatser/knabstrup-saetter-kurs/"


def _meetings():
    from projektudvalg.models import Meeting, MeetingStatus

    held = Meeting.objects.get(area__slug="tollose")
    closed = Meeting.objects.get(items__is_closed=True)
    upcoming = Meeting.objects.get(status=MeetingStatus.AGENDA_PUBLISHED)
    return held, closed, upcoming


def test_the_public_committee_pages_are_accessible(page, demo_data, axe_source):
    held, closed, upcoming = _meetings()
    for path in [
        "/udvalget/",
        f"/udvalget/moeder/{held.pk}/",
        f"/udvalget/moeder/{closed.pk}/",
        f"/udvalget/moeder/{upcoming.pk}/",
        f"/udvalget/moeder/{held.pk}/udskrift/",
        "/udvalget/beslutninger/?q=Tølløse",
        "/lokalomraader/knabstrup/",
        EFFORT,
        f"{EFFORT}foelg/",
    ]:
        response = page.goto(path)
        assert response.status == 200, path
        assert_accessible(page, axe_source)
    page.goto(f"/udvalget/moeder/{closed.pk}/")
    assert "Lukket punkt" in page.locator("main").inner_text()


def test_a_citizen_asks_to_join_a_working_group(new_context, login_as, demo_data, axe_source):
    from projektudvalg.models import WorkingGroup

    group = WorkingGroup.objects.filter(effort__slug="knabstrup-saetter-kurs").first()
    context = new_context()
    login_as(context, CITIZEN)
    page = context.new_page()
    page.goto(f"/saerlige-indsatser/grupper/{group.pk}/vaer-med/")
    assert_accessible(page, axe_source)


def test_the_staff_pages_of_meetings_and_efforts_are_accessible(
    new_context, live_server, demo_data, axe_source
):
    held, _closed, upcoming = _meetings()
    page = staff_page(new_context, live_server, STAFF)
    for path in [
        "/udvalget/moeder/styring/",
        f"/udvalget/moeder/{upcoming.pk}/rediger/",
        f"/udvalget/moeder/{upcoming.pk}/punkter/ny/",
        f"/udvalget/moeder/{held.pk}/udskrift/",
        "/saerlige-indsatser/styring/",
        "/saerlige-indsatser/ny/",
        f"{EFFORT}rediger/",
        f"{EFFORT}status/",
        f"{EFFORT}milepaele/",
        f"{EFFORT}handlinger/",
        f"{EFFORT}forpligtelser/",
        f"{EFFORT}budget/",
        f"{EFFORT}arbejdsgrupper/",
        f"{EFFORT}dokumenter/",
    ]:
        response = page.goto(path)
        assert response.status == 200, path
        assert_accessible(page, axe_source)
