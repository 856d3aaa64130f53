"""No dead ends: every link on "Min konto" and in the header opens for whoever sees it."""

import re

import pytest

from tests.matrix import ROLE_NAMES

pytestmark = pytest.mark.django_db

HREF = re.compile(r'<a\b[^>]*\bhref="(/[^"#?]*)[^"]*"')


def links(html: str) -> set[str]:
    return set(HREF.findall(html))


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_every_link_on_the_account_page_and_in_the_header_opens(client_as, role):
    client = client_as(role)
    front = client.get("/").text
    header = front[front.index("<header") : front.index("</header>")]
    found = links(header)
    account = client.get("/konto/")
    if role != "anonymous":
        assert account.status_code == 200
        found |= links(account.text)
    assert found
    refused = {url: client.get(url).status_code for url in sorted(found)}
    refused = {url: status for url, status in refused.items() if status in (401, 403, 404)}
    assert not refused, (role, refused)


@pytest.mark.parametrize(
    ("role", "shown", "hidden"),
    [
        ("citizen", {"/ansoegninger/"}, {"/sparring/indbakke/", "/puljer/raadgivning/"}),
        ("co_creator", {"/sparring/indbakke/", "/puljer/raadgivning/"},
         {"/puljer/behandling/", "/tilskud/befolkningstal/", "/admin/"}),
        ("committee_staff", {"/puljer/behandling/", "/tilskud/befolkningstal/"},
         {"/puljer/raadgivning/", "/admin/"}),
        ("staff_admin", {"/admin/", "/puljer/behandling/"}, {"/puljer/raadgivning/"}),
    ],
)  # fmt: skip
def test_each_role_sees_the_links_of_its_work(client_as, role, shown, hidden):
    """Driven by the views' permission functions, not by role checks in the template."""
    found = links(client_as(role).get("/konto/").text)
    assert shown <= found
    assert not hidden & found
