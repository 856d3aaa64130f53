"""Pages with personal data are never stored by browsers or proxies (Cache-Control)."""

import pytest
from django.urls import reverse

from holbaek import roles
from projektudvalg import services
from projektudvalg.models import GrantPool
from tests.factories import RoundFactory, complete, give_mfa, login, make_user

pytestmark = pytest.mark.django_db

PRIVATE = "private, no-store"


@pytest.fixture
def case(reference_data):
    pool = GrantPool.objects.get(slug="rum-til-faellesskab")
    round_ = RoundFactory(pool=pool)
    applicant = make_user("ansoeger@example.org")
    application = services.application_create(pool=pool, round_id=round_.pk, user=applicant)
    return services.application_submit(application=complete(application), user=applicant)


def signed_in_pages(case):
    staff = give_mfa(make_user("sagsbehandler@example.org", role=roles.COMMITTEE_STAFF))
    co_creator = give_mfa(make_user("fs-test@example.org", role=roles.CO_CREATOR))
    citizen = make_user("borger@example.org")
    return [
        (citizen, "/"),
        (citizen, reverse("holbaek:account")),
        (citizen, reverse("lokalfora:area-list")),
        (case.applicant, reverse("projektudvalg:my-applications")),
        (case.applicant, reverse("projektudvalg:application", args=[case.pk])),
        (co_creator, reverse("sparring:inbox")),
        (staff, reverse("projektudvalg:queue")),
        (staff, reverse("projektudvalg:case", args=[case.pk])),
        (staff, reverse("sparring:overview")),
    ]


def test_every_response_to_a_signed_in_user_is_private(client, case):
    for user, url in signed_in_pages(case):
        login(client, user)
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        assert response.headers.get("Cache-Control") == PRIVATE, url
        client.logout()


ANONYMOUS_PERSONAL_LINKS = [
    "/sparring/traad/not-a-real-token/",
    "/sparring/bekraeft/not-a-real-token/",
    "/sparring/traad/not-a-real-token/slet/",
    "/foelg/bekraeft/not-a-real-token/",
    "/foelg/afmeld/not-a-real-token/",
    "/invitation/not-a-real-token/",
]


@pytest.mark.parametrize("url", ANONYMOUS_PERSONAL_LINKS)
def test_pages_reached_by_a_personal_link_are_private(client, reference_data, url):
    response = client.get(url)
    assert response.status_code < 500
    assert response.headers.get("Cache-Control") == PRIVATE


def test_a_form_that_echoes_what_was_typed_is_private(client, reference_data):
    response = client.post(reverse("sparring:request"), {"name": "Karen Jensen", "email": "x"})
    assert "Karen Jensen" in response.text
    assert response.headers.get("Cache-Control") == PRIVATE


def test_a_public_page_for_an_anonymous_visitor_stays_cacheable(client, reference_data):
    response = client.get("/")
    assert "no-store" not in response.headers.get("Cache-Control", "")


def test_a_view_cannot_make_a_signed_in_page_public(client, reference_data, settings):
    login(client, make_user("borger@example.org"))
    response = client.get(reverse("faelles_skabere:directory"))
    assert response.headers.get("Cache-Control") == PRIVATE
