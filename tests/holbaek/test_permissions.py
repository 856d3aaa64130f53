"""Permission matrix over every protected page, and a guard that no page is forgotten."""

import pytest
from django.urls import URLPattern, URLResolver, get_resolver

from holbaek import permissions
from lokalfora import permissions as forum_permissions
from tests.conftest import ROLE_NAMES

OK, LOGIN, DENIED = 200, "login", 403
# The process consultant is a Fælles-skaber (by Group) who is no area's fixed one, and the
# staff admin an Administrator without superuser rights: each gets what its role gets.
ADMINS = dict.fromkeys(["admin", "staff_admin"], OK)
STAFF = dict.fromkeys(["co_creator", "process_consultant", "committee_staff"], OK) | ADMINS

# For each protected URL: what each role gets.
MATRIX = {
    "/konto/": dict.fromkeys(ROLE_NAMES, OK) | {"anonymous": LOGIN},
    "/konto/2fa/": dict.fromkeys(ROLE_NAMES, OK) | {"anonymous": LOGIN},
    "/konto/email/": dict.fromkeys(ROLE_NAMES, OK) | {"anonymous": LOGIN},
    "/admin/": dict.fromkeys(ROLE_NAMES, DENIED) | {"anonymous": LOGIN} | ADMINS,
    "/admin/lokalfora/contactperson/": dict.fromkeys(ROLE_NAMES, DENIED)
    | {"anonymous": LOGIN}
    | ADMINS,
    # Editing a forum: its own editors and administrators (the fixture's area is Tølløse).
    **{
        url: dict.fromkeys(ROLE_NAMES, DENIED) | {"anonymous": LOGIN, "editor_this": OK} | ADMINS
        for url in [
            "/lokalomraader/tollose/rediger/",
            "/lokalomraader/tollose/kontaktpersoner/",
            "/lokalomraader/tollose/kontaktpersoner/ny/",
            "/lokalomraader/tollose/arrangementer/ny/",
            "/lokalomraader/tollose/nyheder/",
            "/lokalomraader/tollose/nyheder/ny/",
        ]
    },
    # Editors of this forum and municipal staff invite editors.
    "/lokalomraader/tollose/redaktoerer/": dict.fromkeys(ROLE_NAMES, DENIED)
    | {"anonymous": LOGIN, "editor_this": OK}
    | STAFF,
    "/lokalomraader/overblik/": dict.fromkeys(ROLE_NAMES, DENIED) | {"anonymous": LOGIN} | STAFF,
    # The fælles-skabere's list of applications waiting for their advice.
    "/puljer/raadgivning/": dict.fromkeys(ROLE_NAMES, DENIED)
    | {"anonymous": LOGIN, "co_creator": OK, "process_consultant": OK},
    # Who changed what: municipal staff only.
    "/lokalomraader/tollose/historik/": dict.fromkeys(ROLE_NAMES, DENIED)
    | {"anonymous": LOGIN}
    | STAFF,
}

# Pages anyone may see; every other named URL of ours must be in MATRIX.
PUBLIC = {
    "holbaek:front-page",
    "holbaek:about",
    "holbaek:accessibility",
    "lokalfora:area-list",
    "lokalfora:area-detail",
    "lokalfora:news-list",
    "lokalfora:search",
    "lokalfora:calendar",
    "lokalfora:event-archive",
    "lokalfora:event-detail",
    "lokalfora:event-ical",
    "lokalfora:feed-all-ical",
    "lokalfora:feed-area-ical",
    "lokalfora:feed-news-rss",
    "lokalfora:invitation",  # protected by its signed token: see test_invitations.py
    "lokalfora:feed-news-atom",
    "lokalfora:feed-area-rss",
    "lokalfora:feed-area-atom",
    # Published posts are public; drafts and their pictures follow the matrix in test_news.py.
    "lokalfora:news-detail",
    "lokalfora:news-image",
    "lokalfora:follow",
    # Protected by their signed tokens: see test_following.py.
    "lokalfora:follow-confirm",
    "lokalfora:unsubscribe",
    "faelles_skabere:directory",
    "faelles_skabere:photo",
    "sparring:request",
    "tilskud:years",
    "tilskud:year",
    "tilskud:year-csv",
    "tilskud:year-json",
    # Protected by their signed tokens: see tests/faelles_skabere/test_requests.py.
    "sparring:confirm",
    "sparring:thread",
    "sparring:delete",
    "sparring:thread-attachment",
    "projektudvalg:pool-list",
    "projektudvalg:pool-detail",
    "projektudvalg:granted",
}
PROTECTED = {
    "holbaek:account",
    "lokalfora:forum-edit",
    "lokalfora:contact-list",
    "lokalfora:contact-add",
    "lokalfora:contact-edit",
    "lokalfora:contact-remove",
    "lokalfora:forum-history",
    "lokalfora:event-add",
    "lokalfora:overview",
    "lokalfora:editor-list",
    "lokalfora:editor-remove",
    "lokalfora:contacts-confirm",
    "lokalfora:event-edit",
    "lokalfora:news-manage",
    "lokalfora:news-add",
    "lokalfora:news-edit",  # object pages: the matrix in test_news.py
    "lokalfora:news-delete",
    # The sparring inbox and the assignment page:
    # tests/faelles_skabere/test_sparring_permissions.py.
    "faelles_skabere:assignments",
    "sparring:inbox",
    "sparring:inbox-detail",
    "sparring:inbox-message",
    "sparring:inbox-status",
    "sparring:inbox-transfer",
    "sparring:inbox-attachment",  # tests/faelles_skabere/test_attachments.py
    "sparring:overview",  # tests/faelles_skabere/test_overview.py
    "sparring:overview-csv",
    "tilskud:population",  # tests/lokalfora/test_population_import.py
    # The grant's scheme and follow-up: tests/lokalfora/test_grant_permissions.py.
    "tilskud:scheme",
    "tilskud:scheme-new",
    "tilskud:approve",
    "tilskud:overview",
    "tilskud:area-status",
    "tilskud:agreement",
    "tilskud:payment",
    "tilskud:accounts",
    "tilskud:review",
    "tilskud:accounts-file",
    # Pool applications: the matrix in tests/projektudvalg/test_permissions.py.
    "projektudvalg:start",
    "projektudvalg:my-applications",
    "projektudvalg:application",
    "projektudvalg:application-edit",
    "projektudvalg:application-changes",
    "projektudvalg:letter",
    "projektudvalg:withdraw",
    "projektudvalg:final-report",
    "projektudvalg:attachment",
    "projektudvalg:attachment-delete",
    "projektudvalg:queue",
    "projektudvalg:advice-list",
    "projektudvalg:case",
    "projektudvalg:assess",
    "projektudvalg:advise",
    "projektudvalg:recommend",
    "projektudvalg:change-status",
    "projektudvalg:decide",
    "projektudvalg:payout",
    "projektudvalg:add-to-agenda",
    "projektudvalg:accept-report",
    "projektudvalg:export",
    "projektudvalg:meetings",
    "projektudvalg:rounds",
    "projektudvalg:round-edit",
    "projektudvalg:meeting",
    "projektudvalg:meeting-csv",
}


def our_url_names(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            if entry.namespace in {
                "holbaek",
                "lokalfora",
                "faelles_skabere",
                "projektudvalg",
                "sparring",
                "tilskud",
            }:
                yield from our_url_names(entry, entry.namespace)
            elif entry.namespace is None and not namespace:
                yield from our_url_names(entry, "")
        elif isinstance(entry, URLPattern) and namespace and entry.name:
            yield f"{namespace}:{entry.name}"


def test_every_page_of_ours_is_either_public_or_in_the_matrix():
    names = set(our_url_names())
    assert names, "found no URLs"
    assert names == PUBLIC | PROTECTED, names ^ (PUBLIC | PROTECTED)


@pytest.mark.django_db
@pytest.mark.parametrize("url", sorted(MATRIX))
@pytest.mark.parametrize("role", ROLE_NAMES)
def test_permission_matrix(client_as, url, role):
    client = client_as(role)
    response = client.get(url)
    expected = MATRIX[url][role]
    if expected == LOGIN:
        # The admin's own login page hands over to allauth's.
        followed = client.get(url, follow=True)
        assert response.status_code == 302
        assert followed.redirect_chain[-1][0].startswith("/konto/login/")
    elif expected == DENIED:
        assert response.status_code in {302, 403}
        if response.status_code == 302:
            assert response.url.startswith("/konto/login/") or response.url.startswith(
                "/admin/login/"
            )
        # Whatever the route, the page's content is never served.
        assert response.status_code != 200
    else:
        assert response.status_code == expected, (url, role, response.status_code)


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLE_NAMES)
def test_who_may_use_the_admin(make_role_user, role):
    from django.contrib.auth.models import AnonymousUser

    user = make_role_user(role) or AnonymousUser()
    assert permissions.can_use_admin(user) is (role in ADMINS)
    assert forum_permissions.can_see_private_contact_details(user) is (role in STAFF)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "is_staff", "expected"),
    [
        (None, True, False),
        ("Forum-redaktør", True, False),
        ("Fælles-skaber", False, False),
        ("Fælles-skaber", True, True),
        ("Udvalgssekretariat", False, False),
        ("Udvalgssekretariat", True, True),
        ("Administrator", True, True),
    ],
)
def test_the_admin_needs_both_a_staff_role_and_the_is_staff_flag(role, is_staff, expected):
    from tests.conftest import make_user

    user = make_user("person@example.org", role=role, is_staff=is_staff)
    assert permissions.can_use_admin(user) is expected
