"""The hearings in a real browser: axe on the demo's public hearing pages, the answer
forms (with their error states), the receipt and withdrawing, the staff pages, and the
public answer form by keyboard."""

import pytest

from tests.browser.checks import assert_accessible
from tests.browser.test_forum_editing import staff_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STAFF = "sekretariat@example.org"  # Udvalgssekretariat in the demo
CONTACT = "kontakt-jyderup@example.org"
SECOND_CONTACT = "kontakt2-jyderup@example.org"


def _hearings():
    from lokalfora.demo_hearings import PLAN_TITLE, TRAFFIC_TITLE
    from lokalfora.models import Hearing

    return Hearing.objects.get(title=TRAFFIC_TITLE), Hearing.objects.get(title=PLAN_TITLE)


def _library():
    from lokalfora.demo_hearings import LIBRARY_TITLE
    from lokalfora.models import Hearing

    return Hearing.objects.get(title=LIBRARY_TITLE)


def _check(page, axe_source, path):
    response = page.goto(path)
    assert response.status == 200, path
    # Not sent on by a redirect (to the login page, or to another of the hearing's pages).
    assert response.request.redirected_from is None, page.url
    assert page.url == response.url, page.url
    assert_accessible(page, axe_source)


def test_the_public_hearing_pages_are_accessible(page, demo_data, axe_source):
    traffic, plan = _hearings()
    for path in [
        "/hoeringer/",
        "/hoeringer/?status=aabne",
        "/hoeringer/?status=lukkede",
        "/hoeringer/?omraade=jyderup&status=lukkede",
        f"/hoeringer/{traffic.pk}/",
        f"/hoeringer/{plan.pk}/",
        f"/hoeringer/{traffic.pk}/svar/1/",
        f"/hoeringer/{plan.pk}/svar/1/",
        f"/hoeringer/{traffic.pk}/hoeringsnotat/",
        "/lokalomraader/jyderup/hoeringer/",
        "/lokalomraader/jyderup/",
        f"/hoeringer/{plan.pk}/afgiv-svar/",
    ]:
        _check(page, axe_source, path)
    page.goto("/lokalomraader/jyderup/")
    assert page.get_by_role("heading", name="Høringer og høringssvar").is_visible()


def test_the_public_answer_form_shows_its_errors_accessibly(page, demo_data, axe_source):
    _traffic, plan = _hearings()
    page.goto(f"/hoeringer/{plan.pk}/afgiv-svar/")
    page.locator("main").get_by_role("button", name="Send høringssvaret").click()
    page.wait_for_load_state()
    assert page.locator(".error-summary, .alert-error").count() >= 1
    assert page.locator("main .form-error-message").count() >= 1
    assert_accessible(page, axe_source)


def test_the_closed_hearing_says_so_accessibly(new_context, login_as, demo_data, axe_source):
    traffic, _plan = _hearings()
    page = new_context().new_page()
    # Only the invited forums answer the traffic hearing: the public form says so.
    page.goto(f"/hoeringer/{traffic.pk}/afgiv-svar/")
    assert "Kun de inviterede lokalfora kan svare" in page.locator("main").inner_text()
    assert_accessible(page, axe_source)
    context = new_context()
    login_as(context, CONTACT)
    page = context.new_page()
    _check(page, axe_source, f"/hoeringer/{traffic.pk}/forum/jyderup/")
    assert "Høringen er lukket" in page.locator("main").inner_text()


def test_a_forum_answers_and_sends_its_draft(new_context, login_as, demo_data, axe_source):
    from lokalfora.models import HearingResponse

    _traffic, plan = _hearings()
    path = f"/hoeringer/{plan.pk}/forum/jyderup/"
    context = new_context()
    login_as(context, CONTACT)
    page = context.new_page()
    _check(page, axe_source, path)
    # Sending without the consent box ticked is an error.
    page.locator("main").get_by_role("button", name="Send svaret på vegne af").click()
    page.wait_for_load_state()
    assert page.locator("main .form-error-message").count() >= 1
    assert_accessible(page, axe_source)

    context = new_context()
    login_as(context, SECOND_CONTACT)
    page = context.new_page()
    page.goto(path)
    page.locator("main input[name=consent_ack]").check()
    page.locator("main").get_by_role("button", name="Send svaret på vegne af").click()
    page.wait_for_url(f"**/hoeringer/{plan.pk}/kvittering/")
    assert "kvittering" in page.locator("main").inner_text().lower()
    assert_accessible(page, axe_source)
    sent = HearingResponse.objects.get(hearing=plan, forum__area__slug="jyderup", number=3)
    page.goto(path)
    assert_accessible(page, axe_source)
    _check(page, axe_source, f"/hoeringer/tilbagetraek/{sent.withdraw_key}/")


def test_the_withdraw_page_is_accessible(page, demo_data, axe_source):
    from lokalfora.models import HearingResponse

    _traffic, plan = _hearings()
    answer = HearingResponse.objects.get(hearing=plan, number=1)
    _check(page, axe_source, f"/hoeringer/tilbagetraek/{answer.withdraw_key}/")


def test_the_staff_hearing_pages_are_accessible(new_context, live_server, demo_data, axe_source):
    traffic, plan = _hearings()
    page = staff_page(new_context, live_server, STAFF)
    for path in [
        "/hoeringer/styring/",
        "/hoeringer/styring/oversigt/",
        "/hoeringer/ny/",
        f"/hoeringer/{plan.pk}/rediger/",
        f"/hoeringer/{plan.pk}/materiale/",
        f"/hoeringer/{plan.pk}/status/",
        f"/hoeringer/{plan.pk}/kontrol/",
        f"/hoeringer/{plan.pk}/kontrol/2/",
        f"/hoeringer/{traffic.pk}/status/",
        f"/hoeringer/{traffic.pk}/kontrol/",
        f"/hoeringer/{traffic.pk}/kontrol/1/",
        f"/hoeringer/{_library().pk}/notat/",
        f"/hoeringer/{_library().pk}/status/",
    ]:
        _check(page, axe_source, path)
    # A new hearing without anything filled in shows its errors.
    page.goto("/hoeringer/ny/")
    page.locator("main").get_by_role("button", name="Gem høringen").click()
    page.wait_for_load_state()
    assert page.locator("main .form-error-message").count() >= 1
    assert_accessible(page, axe_source)


def test_the_public_answer_form_by_keyboard(page, demo_data):
    """Tab reaches every field and the submit button, and the focus is visible."""
    _traffic, plan = _hearings()
    page.goto(f"/hoeringer/{plan.pk}/afgiv-svar/")
    wanted = page.evaluate(
        """() => Array.from(document.querySelectorAll(
              "main form[method=post] input:not([type=hidden]), main form[method=post] select,"
              + " main form[method=post] textarea, main form[method=post] button"))
            .filter((el) => !!(el.offsetWidth || el.offsetHeight || el.getClientRects().length))
            .filter((el) => el.tabIndex >= 0)
            .map((el) => el.name + "=" + (el.type === "radio" ? "radio" : el.value || el.type))"""
    )
    # The honeypot field for robots is out of the tab order (tabindex -1), so not wanted.
    assert "=submit" in wanted, wanted
    assert "text=textarea" in wanted, wanted
    radios = {name for name in wanted if name.endswith("=radio")}
    reached, outlines = set(), []
    for _ in range(200):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            """() => {
              const el = document.activeElement;
              if (!el.closest("main form[method=post]")) return null;
              const style = getComputedStyle(el);
              return {key: el.name + "=" + (el.type === "radio" ? "radio" : el.value || el.type),
                      outline: style.outlineStyle, shadow: style.boxShadow};
            }"""
        )
        if focused is None:
            if reached and reached >= set(wanted) - radios:
                break
            continue
        reached.add(focused["key"])
        outlines.append(focused)
    # A radio group is one tab stop: one of its buttons is reached.
    assert set(wanted) - radios <= reached, set(wanted) - reached
    assert not radios or radios & reached
    invisible = [f for f in outlines if f["outline"] in ("", "none") and f["shadow"] == "none"]
    assert not invisible, invisible


def test_the_public_answer_form_works_without_javascript(new_context, demo_data):
    """Errors, then a sent answer and its receipt, with JavaScript switched off."""
    _traffic, plan = _hearings()
    page = new_context(java_script_enabled=False).new_page()
    page.goto(f"/hoeringer/{plan.pk}/afgiv-svar/")
    main = page.locator("main")
    main.get_by_role("button", name="Send høringssvaret").click()
    assert main.get_by_role("link", name="Vælg, hvem du svarer på vegne af.").first.is_visible()
    main.get_by_label("Foreningens eller organisationens navn").fill("Demo Grundejerforening")
    main.get_by_label("Dit navn").fill("Demo Formand")
    main.get_by_label("Din e-mailadresse").fill("formand@example.org")
    main.locator("textarea[name=text]").fill("Vi bakker op om planen for bymidten.")
    main.locator("input[name=on_behalf_of]").first.check()
    main.locator("input[name=consent_ack]").check()
    main.get_by_role("button", name="Send høringssvaret").click()
    page.wait_for_url(f"**/hoeringer/{plan.pk}/kvittering/")
    assert page.get_by_role("heading", level=1).is_visible()
