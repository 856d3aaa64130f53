"""The municipal news staff pages: the role matrix, the form's bad input (nothing typed is
lost), the personal-data confirmation, the Done-when path through the pages, and the list's
constant query count."""

import pytest
from django.urls import reverse

from lokalfora.models import Forum, LocalArea
from lokalfora.services.forums import forum_editor_add
from projektudvalg.models import MunicipalNews, NewsStatus
from projektudvalg.services import municipal_news as services
from projektudvalg.services import news_cooperation as cooperation
from tests.factories import login, make_user
from tests.matrix import ROLE_NAMES, assert_access
from tests.projektudvalg.news_helpers import (
    TEXT,
    draft,
    public_decision,
    published,
    staff_user,
    topic,
)
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db

STAFF = {"committee_staff", "staff_admin", "admin"}
PAGES = [
    "projektudvalg:news-staff-list",
    "projektudvalg:news-staff-add",
    "projektudvalg:news-staff-edit",
    "projektudvalg:news-staff-status",
    "projektudvalg:news-staff-offer",
    "projektudvalg:news-staff-share",
]


@pytest.fixture
def staff(reference_data):
    return staff_user()


@pytest.fixture
def staff_client(client, staff):
    login(client, staff)
    return client


def _form(**changes):
    areas = changes.pop("areas", [LocalArea.objects.get(slug="tollose").pk])
    data = TEXT | {"origin": "municipality", "areas": areas, "action": "draft"} | changes
    return {key: value for key, value in data.items() if value is not None}


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_staff_pages_matrix(client_as, role, reference_data):
    item = published(staff_user())
    client = client_as(role)
    pages = {
        reverse("projektudvalg:news-staff-list"),
        reverse("projektudvalg:news-staff-add"),
        reverse("projektudvalg:news-staff-edit", kwargs={"pk": item.pk}),
        reverse("projektudvalg:news-staff-status", kwargs={"pk": item.pk}),
        reverse("projektudvalg:news-staff-offer", kwargs={"pk": item.pk}),
        reverse("projektudvalg:news-staff-share", kwargs={"pk": item.pk}),
    }
    assert len(pages) == len(PAGES)
    for url in sorted(pages):
        response = client.get(url)
        assert_access(response, role, STAFF)
        if role in STAFF:
            assert "private" in response["Cache-Control"]


def test_a_forged_item_is_404(staff_client):
    for name in PAGES[2:]:
        assert staff_client.get(reverse(name, kwargs={"pk": 999999})).status_code == 404


def test_a_draft_is_saved_and_errors_keep_the_text(staff_client):
    url = reverse("projektudvalg:news-staff-add")
    response = staff_client.post(url, _form(areas=[], title="Min overskrift"))
    assert response.status_code == 400
    assert "Vælg hele kommunen eller mindst ét lokalområde." in response.text
    assert 'value="Min overskrift"' in response.text
    assert not MunicipalNews.objects.exists()
    response = staff_client.post(url, _form())
    item = MunicipalNews.objects.get()
    assert response.url == reverse("projektudvalg:news-staff-edit", kwargs={"pk": item.pk})
    assert item.status == NewsStatus.DRAFT


def test_bad_dates_and_past_schedules_are_danish_form_errors(staff_client, clock):
    clock.set("2026-12-10 09:00")
    url = reverse("projektudvalg:news-staff-add")
    response = staff_client.post(
        url, _form(action="schedule", publish_day="31.02.2026", publish_time="25:99")
    )
    assert response.status_code == 400
    assert "Skriv datoen som fx 24.12.2026." in response.text
    assert "Skriv klokkeslættet som fx 12:00." in response.text
    response = staff_client.post(
        url, _form(action="schedule", publish_day="10.12.2026", publish_time="08:00")
    )
    assert "Tidspunktet er passeret" in response.text
    response = staff_client.post(url, _form(action="planlæg-alt"))
    assert "Vælg, om nyheden skal gemmes" in response.text


def test_a_planned_item_in_danish_time(staff_client, clock):
    clock.set("2026-12-10 09:00")
    url = reverse("projektudvalg:news-staff-add")
    staff_client.post(url, _form(action="schedule", publish_day="11.12.2026", publish_time="08:00"))
    item = MunicipalNews.objects.get()
    assert item.is_scheduled
    assert item.publish_at.isoformat() == "2026-12-11T07:00:00+00:00"


def test_the_done_when_path_through_the_pages(client, staff, clock):
    """Mørkøv's editor proposes on the forum's page; staff publish it for Mørkøv and
    Regstrup with the topic trafik and the committee decision; the check holds a phone
    number until staff confirm they read the text."""
    clock.set("2026-12-10 09:00")
    morkov = Forum.objects.select_related("area").get(area__slug="morkov")
    editor = make_user("moerkoev@example.org")
    forum_editor_add(forum=morkov, user=editor)
    decision = public_decision()
    login(client, editor)
    propose = reverse("projektudvalg:news-forum-propose", kwargs={"slug": "morkov"})
    assert client.get(propose).context["form"].initial["areas"] == [morkov.area_id]
    body = TEXT | {
        "areas": [morkov.area_id],
        "topics": [topic("trafik").pk],
        "body": "Ring 12 34 56 78",
    }
    response = client.post(propose, body)
    item = MunicipalNews.objects.get()
    assert item.status == NewsStatus.PENDING
    assert response.status_code == 302
    client.logout()
    login(client, staff)
    edit = reverse("projektudvalg:news-staff-edit", kwargs={"pk": item.pk})
    regstrup = LocalArea.objects.get(slug="regstrup")
    form = TEXT | {
        "body": "Ring 12 34 56 78",
        "areas": [morkov.area_id, regstrup.pk],
        "topics": [topic("trafik").pk],
        "source_decision": decision.pk,
        "action": "publish",
    }
    response = client.post(edit, form)
    assert response.status_code == 400
    assert "telefonnummer" in response.text
    assert "Jeg har læst teksten igennem for personoplysninger" in response.text
    response = client.post(edit, form | {"asked": "1", "confirmed_checked": "on"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.is_published
    assert item.source_decision == decision
    assert {area.slug for area in item.areas.all()} == {"morkov", "regstrup"}
    assert [t.slug for t in item.topics.all()] == ["trafik"]
    assert item.shares.get().state == "accepted"


def test_status_actions(staff_client, staff, reference_data):
    morkov = Forum.objects.get(area__slug="morkov")
    editor = make_user("moerkoev@example.org")
    forum_editor_add(forum=morkov, user=editor)
    item = services.news_propose(forum=morkov, data=TEXT, areas=[morkov.area], topics=[], by=editor)
    url = reverse("projektudvalg:news-staff-status", kwargs={"pk": item.pk})
    response = staff_client.post(url, {"action": "reject", "reason": ""})
    assert response.status_code == 400
    assert "Skriv, hvorfor nyheden er afvist." in response.text
    staff_client.post(url, {"action": "reject", "reason": "Ikke lokalt nok"})
    item.refresh_from_db()
    assert item.status == NewsStatus.REJECTED
    done = published(staff)
    staff_client.post(
        reverse("projektudvalg:news-staff-status", kwargs={"pk": done.pk}), {"action": "archive"}
    )
    done.refresh_from_db()
    assert done.status == NewsStatus.ARCHIVED
    doomed = draft(staff)
    staff_client.post(
        reverse("projektudvalg:news-staff-status", kwargs={"pk": doomed.pk}), {"action": "delete"}
    )
    assert not MunicipalNews.objects.filter(pk=doomed.pk).exists()


def test_offer_and_share_kit(staff_client, staff, clock):
    clock.set("2026-12-10 09:00")
    item = published(staff)
    morkov = Forum.objects.get(area__slug="morkov")
    url = reverse("projektudvalg:news-staff-offer", kwargs={"pk": item.pk})
    assert "Vælg mindst ét lokalforum." in staff_client.post(url, {}).text
    staff_client.post(url, {"forums": [morkov.pk]})
    staff_client.post(url, {"forums": [morkov.pk]})  # a double submit: the forum is taken
    assert item.shares.count() == 1
    kit = reverse("projektudvalg:news-staff-share", kwargs={"pk": item.pk})
    page = staff_client.get(kit).text
    assert "readonly" in page
    assert item.summary in page
    assert "http://" in page
    response = staff_client.post(
        kit, {"action": "record", "group": "Regstrup", "shared_on": "11.12.2026"}
    )
    assert "Datoen ligger i fremtiden." in response.text
    staff_client.post(
        kit, {"action": "record", "group": "Regstrup Borgerforening", "shared_on": "10.12.2026"}
    )
    assert "Delt i Regstrup Borgerforening" in staff_client.get(kit).text
    assert staff_client.post(kit, {"action": "delete", "record": "x"}).status_code == 404


def test_the_list_has_constant_queries(staff_client, staff):
    published(staff, topics=[topic("trafik")])
    url = reverse("projektudvalg:news-staff-list")

    def grow():
        for number in range(8):
            item = published(
                staff,
                slugs=("tollose", "jyderup"),
                topics=[topic("politik")],
                title=f"Nyhed {number}",
            )
            cooperation.news_offer(
                item=item, forums=[Forum.objects.get(area__slug="morkov")], by=staff
            )

    assert_constant_queries(staff_client, url, grow, limit=20)
    assert_constant_queries(
        staff_client, url + "?status=published&omraade=tollose&emne=politik", lambda: None, limit=20
    )
