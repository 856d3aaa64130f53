"""A survey's people pages: the role matrices (invitations, held answers, the key look-up,
the proposal; a forum's proposals for its editors only), forged ids, the key look-up logged
and refused without a reason, held answers counted or discarded, a proposal approved or
rejected (with its reason), and each page's constant query count."""

import pytest
from django.core import mail as outbox
from django.core.exceptions import ValidationError
from django.urls import reverse

from holbaek import roles
from lokalfora.models import Forum
from lokalfora.services.forums import forum_editor_add
from projektudvalg.models import (
    Anonymity,
    ReviewState,
    Survey,
    SurveyEvent,
    SurveyEventKind,
    SurveyInvitation,
    SurveyResponse,
    SurveyStatus,
    SurveyTally,
)
from projektudvalg.services import survey_people as people
from projektudvalg.services import surveys
from projektudvalg.services.survey_invitations import invitations_add
from projektudvalg.services.survey_responses import response_store
from projektudvalg.services.survey_tallies import responses_total, stored
from tests.factories import give_mfa, login, make_user
from tests.matrix import ROLE_NAMES, assert_access
from tests.projektudvalg.survey_helpers import DURING, build_survey, survey_values
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db

STAFF = {"committee_staff", "staff_admin", "admin"}
STAFF_PAGES = [
    "projektudvalg:survey-invitations",
    "projektudvalg:survey-held",
    "projektudvalg:survey-key-lookup",
    "projektudvalg:survey-proposal",
]


@pytest.fixture(autouse=True)
def _during(clock):
    """Every test is on the survey's day, set before anyone signs in."""
    clock.set(DURING, tick=False)


@pytest.fixture
def survey(reference_data):
    survey = build_survey()
    survey.anonymity = Anonymity.PSEUDONYMOUS
    return surveys.survey_save(survey=survey)


@pytest.fixture
def staff(reference_data):
    return give_mfa(make_user("sekretariat@example.org", role=roles.COMMITTEE_STAFF))


@pytest.fixture
def staff_client(client, staff):
    login(client, staff)
    return client


def _tollose():
    return Forum.objects.select_related("area").get(area__slug="tollose")


def _proposal(by, title="Trafik ved skolen"):
    data = {"title": title, "purpose": "At vide mere.", "intro": "Hvor kører I?"}
    return people.survey_propose(forum=_tollose(), data=data, by=by)


def _held(survey, n=1):
    start = SurveyResponse.objects.count()
    values = survey_values(survey)
    return [
        response_store(
            survey=survey, values=values, channel="link", session_token=f"s-{start + i}", held=True
        )
        for i in range(n)
    ]


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_staff_pages_matrix(client_as, role, survey, staff):
    proposal = _proposal(staff)
    client = client_as(role)
    urls = [
        reverse("projektudvalg:survey-invitations", kwargs={"pk": survey.pk}),
        reverse("projektudvalg:survey-held", kwargs={"pk": survey.pk}),
        reverse("projektudvalg:survey-key-lookup", kwargs={"pk": survey.pk}),
        reverse("projektudvalg:survey-proposal", kwargs={"pk": proposal.pk}),
    ]
    assert len(urls) == len(STAFF_PAGES)
    for url in urls:
        response = client.get(url)
        assert_access(response, role, STAFF)
        if role in STAFF:
            assert response["Cache-Control"] == "private, no-store"
        post = client.post(url, {"action": "approve"})
        if role not in STAFF:
            assert post.status_code in (302, 403), (role, url, post.status_code)
    proposal.refresh_from_db()
    assert proposal.status == (SurveyStatus.DRAFT if role in STAFF else SurveyStatus.PROPOSED)


@pytest.mark.parametrize("role", ROLE_NAMES)
def test_the_propose_page_matrix_is_for_the_forums_editors(client_as, role, reference_data):
    client = client_as(role)
    url = reverse("projektudvalg:survey-propose", kwargs={"slug": "tollose"})
    assert_access(client.get(url), role, {"editor_this"})
    data = {"title": "Stier", "purpose": "Hvor?", "intro": "Spørg om stierne."}
    response = client.post(url, data)
    assert response.status_code == (302 if role in {"editor_this", "anonymous"} else 403)
    assert Survey.objects.filter(status="proposed").count() == (role == "editor_this")


def test_a_forged_pk_is_404(staff_client, survey):
    for name in STAFF_PAGES:
        assert staff_client.get(reverse(name, kwargs={"pk": 999999})).status_code == 404
    unproposed = reverse("projektudvalg:survey-proposal", kwargs={"pk": survey.pk})
    assert staff_client.get(unproposed).status_code == 404
    forged = reverse("projektudvalg:survey-propose", kwargs={"slug": "ingen-steder"})
    assert staff_client.get(forged).status_code == 404


def test_the_invitations_page_adds_keeps_the_text_on_error_and_sends(staff_client, survey):
    url = reverse("projektudvalg:survey-invitations", kwargs={"pk": survey.pk})
    bad = staff_client.post(url, {"action": "add", "lines": "a@example.org\nikke-en-adresse"})
    assert bad.status_code == 400
    assert "Linje 2" in bad.text
    assert "a@example.org\nikke-en-adresse</textarea>" in bad.text  # the text is kept
    assert not SurveyInvitation.objects.exists()
    staff_client.post(url, {"action": "add", "lines": "Anna <a@example.org>\nb@example.org"})
    staff_client.post(url, {"action": "send"})
    assert SurveyInvitation.objects.filter(sent_at__isnull=False).count() == 2
    assert len(outbox.outbox) == 2
    SurveyInvitation.objects.filter(email="a@example.org").update(
        reminders_sent=2, reminded_at=DURING, completed=True
    )
    page = staff_client.get(url)
    assert "Anna" in page.text
    assert "a@example.org" in page.text
    assert "2 gange, senest 10. marts 2027" in page.text


def test_an_anonymous_surveys_invitees_do_not_show_who_answered(staff_client, reference_data):
    """Beside the answers' days in the export, who answered would link them to a person."""
    survey = build_survey()  # anonymous
    invitations_add(survey=survey, lines="Anna <a@example.org>\nb@example.org", by=None)
    SurveyInvitation.objects.filter(email="a@example.org").update(completed=True)
    SurveyInvitation.objects.filter(email="b@example.org").update(
        sent_at=DURING, reminders_sent=1, reminded_at=DURING
    )
    url = reverse("projektudvalg:survey-invitations", kwargs={"pk": survey.pk})
    page = staff_client.get(url).text
    assert "a@example.org" in page
    assert "Har svaret</th>" not in page
    assert "Påmindet</th>" not in page
    assert "1 gang, senest" not in page
    assert "<dt>Har svaret</dt><dd>1</dd>" in page  # the count stays


def test_the_invitations_page_refuses_a_survey_without_invitees(staff_client, survey):
    survey.audience_invited = False
    surveys.survey_save(survey=survey)
    url = reverse("projektudvalg:survey-invitations", kwargs={"pk": survey.pk})
    response = staff_client.get(url)
    assert response.status_code == 302
    assert staff_client.post(url, {"action": "add", "lines": "a@example.org"}).status_code == 302
    assert not SurveyInvitation.objects.exists()


def test_the_key_lookup_needs_a_reason_and_is_logged(staff_client, survey, staff):
    user = make_user("svarer@example.org", role=None)
    response = response_store(survey=survey, values=survey_values(survey), channel="signed_in",
                              user=user)  # fmt: skip
    url = reverse("projektudvalg:survey-key-lookup", kwargs={"pk": survey.pk})
    short = staff_client.post(url, {"code": response.respondent_code, "reason": "fordi"})
    assert short.status_code == 400
    assert "mindst 10 tegn" in short.text
    assert "svarer@example.org" not in short.text
    assert not SurveyEvent.objects.filter(kind=SurveyEventKind.KEY_LOOKUP).exists()
    found = staff_client.post(
        url, {"code": response.respondent_code, "reason": "Anmodning om indsigt, sag 12"}
    )
    assert found.status_code == 200
    assert "svarer@example.org" in found.text
    assert found["Cache-Control"] == "private, no-store"
    event = SurveyEvent.objects.get(kind=SurveyEventKind.KEY_LOOKUP)
    assert event.by == staff
    assert response.respondent_code in event.note
    assert "svarer" not in event.note
    again = staff_client.get(url)  # the log, not the person
    assert "svarer@example.org" not in again.text
    assert response.respondent_code in again.text


def test_the_key_lookup_is_only_for_pseudonymous_surveys(staff_client, reference_data):
    anonymous = build_survey()
    url = reverse("projektudvalg:survey-key-lookup", kwargs={"pk": anonymous.pk})
    assert staff_client.get(url).status_code == 404
    post = staff_client.post(url, {"code": "R-1", "reason": "Anmodning om indsigt"})
    assert post.status_code == 404


def test_held_answers_are_counted_or_discarded_and_a_forged_id_refused(
    staff_client, survey, reference_data
):
    counted_one, discarded_one = _held(survey, 2)
    other = build_survey()
    foreign = _held(other)[0]
    url = reverse("projektudvalg:survey-held", kwargs={"pk": survey.pk})
    page = staff_client.get(url)
    assert "Bruger du stien?" in page.text
    assert "Ja" in page.text
    forged = staff_client.post(url, {"response": foreign.pk, "state": "counted"})
    assert forged.status_code == 404
    assert staff_client.post(url, {"response": "not-a-uuid", "state": "counted"}).status_code == 404
    staff_client.post(url, {"response": counted_one.pk, "state": "counted"})
    staff_client.post(url, {"response": discarded_one.pk, "state": "discarded"})
    staff_client.post(url, {"response": counted_one.pk, "state": "discarded"})  # reviewed already
    reviews = dict(SurveyResponse.objects.values_list("pk", "review"))
    assert reviews[counted_one.pk] == ReviewState.COUNTED
    assert reviews[discarded_one.pk] == ReviewState.DISCARDED
    assert reviews[foreign.pk] == ReviewState.HELD
    notes = SurveyEvent.objects.filter(survey=survey, kind=SurveyEventKind.CHANGED)
    assert {"1 tilbageholdt svar talt med", "1 tilbageholdt svar kasseret"} <= set(
        notes.values_list("note", flat=True)
    )


def test_a_held_answer_counted_after_closing_refreshes_the_tallies(survey, staff):
    held = _held(survey)[0]
    surveys.survey_close(survey=survey, now=DURING)
    assert responses_total(stored(survey)) == 0
    people.response_review(survey=survey, response=held, state=ReviewState.COUNTED, by=staff)
    assert responses_total(stored(survey)) == 1
    assert SurveyTally.objects.filter(survey=survey).exists()


def test_a_proposal_is_approved_or_rejected_with_a_reason(
    staff_client, reference_data, staff, django_capture_on_commit_callbacks
):
    editor = make_user("redaktoer-t@example.org")
    forum_editor_add(forum=_tollose(), user=editor)
    outbox.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        first, second = _proposal(editor), _proposal(editor, "Legepladsen")
    assert first.areas.get().slug == "tollose"
    assert first.anonymity == Anonymity.ANONYMOUS
    assert outbox.outbox[0].to == ["sekretariat@example.org"]
    assert f"/undersoegelser/{first.pk}/forslag/" in outbox.outbox[0].body
    outbox.outbox.clear()
    approve = reverse("projektudvalg:survey-proposal", kwargs={"pk": first.pk})
    with django_capture_on_commit_callbacks(execute=True):
        assert staff_client.post(approve, {"action": "approve"}).status_code == 302
    first.refresh_from_db()
    assert first.status == SurveyStatus.DRAFT
    reject = reverse("projektudvalg:survey-proposal", kwargs={"pk": second.pk})
    empty = staff_client.post(reject, {"action": "reject", "reason": "  "})
    assert empty.status_code == 400
    assert "Skriv, hvorfor forslaget er afvist." in empty.text
    with django_capture_on_commit_callbacks(execute=True):
        staff_client.post(reject, {"action": "reject", "reason": "Det gør borgerpanelet i maj."})
    second.refresh_from_db()
    assert (second.status, second.rejection_reason) == ("rejected", "Det gør borgerpanelet i maj.")
    assert [message.to for message in outbox.outbox] == [["redaktoer-t@example.org"]] * 2
    assert "borgerpanelet i maj" in outbox.outbox[1].body
    kinds = set(SurveyEvent.objects.values_list("kind", flat=True))
    assert {"proposed", "approved", "rejected"} <= kinds
    login(staff_client, editor)
    mine = staff_client.get(reverse("projektudvalg:survey-propose", kwargs={"slug": "tollose"}))
    assert "Legepladsen" in mine.text
    assert "borgerpanelet i maj" in mine.text


def test_the_pages_query_counts_are_constant(staff_client, survey, staff):
    proposal = _proposal(staff)
    editor = make_user("redaktoer-q@example.org")
    forum_editor_add(forum=_tollose(), user=editor)

    invitations_add(survey=survey, lines="a@example.org\nb@example.org", by=staff)
    _held(survey, 2)
    people.pseudonym_lookup(survey=survey, code="R-X", reason="Anmodning om indsigt", by=staff)

    def more_invitees():
        invitations_add(
            survey=survey, lines="\n".join(f"p{n}@example.org" for n in range(30)), by=staff
        )

    def more_held():
        _held(survey, 30)

    def more_lookups():
        for n in range(30):
            people.pseudonym_lookup(survey=survey, code=f"R-{n}", reason="Anmodning om indsigt",
                                    by=staff)  # fmt: skip

    pages = [
        ("projektudvalg:survey-invitations", more_invitees, 10),
        ("projektudvalg:survey-held", more_held, 10),
        ("projektudvalg:survey-key-lookup", more_lookups, 9),
    ]
    for name, grow, limit in pages:
        url = reverse(name, kwargs={"pk": survey.pk})
        assert_constant_queries(staff_client, url, grow, limit=limit)
    url = reverse("projektudvalg:survey-proposal", kwargs={"pk": proposal.pk})
    assert_constant_queries(staff_client, url, lambda: None, limit=8)
    login(staff_client, editor)
    url = reverse("projektudvalg:survey-propose", kwargs={"slug": "tollose"})

    def more_proposals():
        for n in range(30):
            people.survey_reject(survey=_proposal(editor, f"Forslag {n}"), reason="Nej", by=staff)

    assert_constant_queries(staff_client, url, more_proposals, limit=9)


def test_after_the_deletion_the_pages_say_the_keys_and_addresses_are_gone(staff_client, survey):
    invitations_add(survey=survey, lines="a@example.org", by=None)
    Survey.objects.filter(pk=survey.pk).update(answers_deleted_at=DURING)
    SurveyInvitation.objects.update(email="", name="")
    key = staff_client.get(reverse("projektudvalg:survey-key-lookup", kwargs={"pk": survey.pk}))
    assert "Nøglerne er slettet" in key.text
    posted = staff_client.post(
        reverse("projektudvalg:survey-key-lookup", kwargs={"pk": survey.pk}),
        {"code": "R-1", "reason": "Anmodning om indsigt"},
    )
    assert posted.status_code == 200
    assert not SurveyEvent.objects.filter(kind=SurveyEventKind.KEY_LOOKUP).exists()
    url = reverse("projektudvalg:survey-invitations", kwargs={"pk": survey.pk})
    assert "navne og adresser" in staff_client.get(url).text


def test_a_forum_has_at_most_five_proposals_waiting(reference_data, staff):
    for n in range(people.WAITING_PROPOSALS):
        _proposal(staff, f"Forslag {n}")
    with pytest.raises(ValidationError, match="venter på svar"):
        _proposal(staff, "Et til")


def test_a_held_answer_is_not_counted_into_published_results(survey, staff):
    """One answer more in the public numbers would show, by the difference, what it said."""
    first, second = _held(survey, 2)
    surveys.survey_close(survey=survey, now=DURING)
    Survey.objects.filter(pk=survey.pk).update(status=SurveyStatus.PUBLISHED,
                                               results_published_at=DURING)  # fmt: skip
    survey.refresh_from_db()
    with pytest.raises(ValidationError, match="offentliggjort"):
        people.response_review(survey=survey, response=first, state=ReviewState.COUNTED, by=staff)
    people.response_review(survey=survey, response=second, state=ReviewState.DISCARDED, by=staff)
    assert responses_total(stored(survey)) == 0
    first.refresh_from_db()
    assert first.review == ReviewState.HELD
