"""The municipal news editors' pages in a real browser: axe on the staff list, the item's
form (empty and with errors), the share kit, and a forum editor's proposal form and thread."""

import pytest

from tests.browser.checks import assert_accessible
from tests.browser.test_forum_editing import staff_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

STAFF = "sekretariat@example.org"  # Udvalgssekretariat in the demo
EDITOR = "redaktoer@example.org"  # an editor of Tølløse's forum in the demo


def _items():
    from holbaek.models import User
    from lokalfora.models import Forum
    from projektudvalg.services import municipal_news as services
    from tests.projektudvalg.news_helpers import TEXT, published

    staff = User.objects.get(email=STAFF)
    item = published(staff, slugs=("tollose", "regstrup"))
    forum = Forum.objects.select_related("area").get(area__slug="tollose")
    proposal = services.news_propose(
        forum=forum, data=TEXT, areas=[forum.area], topics=[], by=User.objects.get(email=EDITOR)
    )
    return item, proposal.shares.get()


def _check(page, axe_source, path):
    response = page.goto(path)
    assert response.status == 200, path
    assert response.request.redirected_from is None, page.url
    assert_accessible(page, axe_source)


def test_the_staff_pages_are_accessible(new_context, live_server, demo_data, axe_source):
    item, _share = _items()
    page = staff_page(new_context, live_server, STAFF)
    for path in [
        "/nyheder/kommunen/styring/",
        "/nyheder/kommunen/styring/?status=pending",
        "/nyheder/kommunen/ny/",
        f"/nyheder/kommunen/{item.pk}/rediger/",
        f"/nyheder/kommunen/{item.pk}/status/",
        f"/nyheder/kommunen/{item.pk}/tilbyd/",
        f"/nyheder/kommunen/{item.pk}/del/",
    ]:
        _check(page, axe_source, path)
    page.goto("/nyheder/kommunen/ny/")
    page.locator("main").get_by_role("button", name="Planlæg til datoen").click()
    page.wait_for_load_state()
    assert page.locator("main .form-error-message").count() >= 1
    assert_accessible(page, axe_source)


def test_the_forum_pages_are_accessible(new_context, login_as, demo_data, axe_source):
    _item, share = _items()
    context = new_context()
    login_as(context, EDITOR)
    page = context.new_page()
    for path in [
        "/lokalomraader/tollose/nyheder/kommunen/",
        "/lokalomraader/tollose/nyheder/kommunen/foreslaa/",
        f"/lokalomraader/tollose/nyheder/kommunen/{share.pk}/",
    ]:
        _check(page, axe_source, path)
    page.goto("/lokalomraader/tollose/nyheder/kommunen/foreslaa/")
    page.locator("main").get_by_role("button", name="Send forslaget").click()
    page.wait_for_load_state()
    assert page.locator("main .form-error-message").count() >= 1
    assert_accessible(page, axe_source)
