"""A survey's people pages in a real browser: axe on the invitations, the held answers,
the key look-up and a proposal (each also with form errors), and a forum editor's
proposal page."""

import pytest

from tests.browser.checks import assert_accessible
from tests.browser.test_forum_editing import staff_page

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]

STAFF = "sekretariat@example.org"  # Udvalgssekretariat in the demo
EDITOR = "redaktoer@example.org"  # an editor of Tølløse's forum in the demo


def _surveys():
    """A pseudonymous open survey with invitees, one held answer and one look-up, and a
    forum's proposal."""
    from holbaek.models import User
    from lokalfora.models import Forum
    from projektudvalg.models import Anonymity
    from projektudvalg.services import survey_invitations, survey_people, surveys
    from projektudvalg.services.survey_responses import response_store
    from tests.projektudvalg.survey_helpers import DURING, build_survey, survey_values

    staff = User.objects.get(email=STAFF)
    survey = build_survey()
    survey.anonymity = Anonymity.PSEUDONYMOUS
    surveys.survey_save(survey=survey)
    survey_invitations.invitations_add(
        survey=survey, lines="Anna Hansen <anna@example.org>\nbo@example.org", by=staff
    )
    response_store(survey=survey, values=survey_values(survey), channel="link",
                   session_token="browser", held=True, now=DURING)  # fmt: skip
    survey_people.pseudonym_lookup(survey=survey, code="R-0", reason="Anmodning om indsigt",
                                   by=staff)  # fmt: skip
    forum = Forum.objects.select_related("area").get(area__slug="tollose")
    data = {"title": "Trafik", "purpose": "At vide mere.", "intro": "Hvor kører I?"}
    proposal = survey_people.survey_propose(
        forum=forum, data=data, by=User.objects.get(email=EDITOR)
    )
    return survey, proposal


def _check(page, axe_source, path):
    response = page.goto(path)
    assert response.status == 200, path
    assert response.request.redirected_from is None, page.url
    assert_accessible(page, axe_source)


def _errors(page, axe_source, path, button):
    page.goto(path)
    page.locator("main").get_by_role("button", name=button, exact=True).click()
    page.wait_for_load_state()
    assert page.locator("main .form-error-message").count() >= 1
    assert_accessible(page, axe_source)


def test_the_staff_pages_are_accessible(new_context, live_server, demo_data, axe_source):
    survey, proposal = _surveys()
    page = staff_page(new_context, live_server, STAFF)
    paths = {
        "invitations": f"/undersoegelser/{survey.pk}/invitationer/",
        "held": f"/undersoegelser/{survey.pk}/gennemsyn/",
        "key": f"/undersoegelser/{survey.pk}/noegle/",
        "proposal": f"/undersoegelser/{proposal.pk}/forslag/",
    }
    for path in paths.values():
        _check(page, axe_source, path)
    _errors(page, axe_source, paths["invitations"], "Tilføj")
    _errors(page, axe_source, paths["key"], "Slå op")
    _errors(page, axe_source, paths["proposal"], "Afvis forslaget")


def test_the_forum_proposal_page_is_accessible(new_context, login_as, demo_data, axe_source):
    _surveys()
    context = new_context()
    login_as(context, EDITOR)
    page = context.new_page()
    path = "/lokalomraader/tollose/undersoegelser/foreslaa/"
    _check(page, axe_source, path)
    _errors(page, axe_source, path, "Send forslaget")
