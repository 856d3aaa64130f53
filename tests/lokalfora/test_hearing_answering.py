"""Answering a hearing through the pages: a forum's workspace and shared draft, the public's
form, the receipt and the withdraw link; and that a closed hearing takes nothing."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from lokalfora.models import (
    ContactPerson,
    Forum,
    HearingAttachment,
    HearingInvitation,
    HearingResponse,
    InvitationStatus,
    ResponseStatus,
    ScreeningStatus,
)
from lokalfora.selectors.hearings import response_counts
from lokalfora.services.hearing_responses import forum_draft_save, public_response_submit
from tests.factories import login
from tests.lokalfora.hearings import PDF, contact_user, make_hearing, pdf_upload
from tests.matrix import HEARING_ROLES
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db

TEN_MB = 10 * 1024 * 1024


def forum_url(hearing, slug="tollose"):
    return reverse("lokalfora:hearing-forum", kwargs={"pk": hearing.pk, "slug": slug})


def answer_url(hearing):
    return reverse("lokalfora:hearing-answer", kwargs={"pk": hearing.pk})


def receipt_url(hearing):
    return reverse("lokalfora:hearing-receipt", kwargs={"pk": hearing.pk})


def withdraw_url(response):
    return reverse("lokalfora:hearing-withdraw", kwargs={"key": response.withdraw_key})


def signed_in(user):
    return login(Client(), user)


def forum(slug):
    return Forum.objects.get(area__slug=slug)


@pytest.fixture
def open_hearing(clock, reference_data):
    """A hearing to Tølløse's and Jyderup's forums, open on 1 December 2026."""
    clock.set("2026-12-01 10:00")
    return make_hearing(["tollose", "jyderup"])


@pytest.fixture
def public_hearing(clock, reference_data):
    clock.set("2026-12-01 10:00")
    return make_hearing(["tollose"], open_to_public=True, kind="voluntary")


def public_data(**overrides):
    data = {
        "on_behalf_of": "private",
        "author_name": "Per Hansen",
        "author_email": "per@example.org",
        "text": "Jeg støtter forslaget.",
        "consent_ack": "on",
    }
    return data | overrides


def forum_data(action, **overrides):
    data = {"action": action, "author_name": "Anna", "text": "Vi er for.", "consent_ack": "on"}
    return data | overrides


# The forum's page: who may open it.


@pytest.mark.parametrize("role", HEARING_ROLES)
def test_forum_page_matrix(client_as, clock, role):
    """Only a contact person of the addressed forum (Tølløse's) answers for it."""
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose", "jyderup"])
    response = client_as(role).get(reverse("lokalfora:hearing-forum", args=[hearing.pk, "tollose"]))
    if role == "contact_this":
        assert response.status_code == 200
    elif role == "anonymous":
        assert response.status_code == 302
        assert response.url.startswith("/konto/login/")
    else:
        assert response.status_code == 403, (role, response.status_code)


def test_a_forged_slug_or_a_forum_not_asked_is_404(clock, reference_data):
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose"])
    draft = make_hearing(["tollose"], publish=False)
    tuse = signed_in(contact_user("tuse-naes", "t@tuse.example.org"))
    tollose = signed_in(contact_user("tollose", "k@tollose.example.org"))
    assert tuse.get(forum_url(hearing, "tuse-naes")).status_code == 404  # not asked
    assert tuse.post(forum_url(hearing, "tuse-naes"), forum_data("save")).status_code == 404
    assert tollose.get(forum_url(hearing, "findes-ikke")).status_code == 404
    assert tollose.get(forum_url(draft)).status_code == 404  # not public
    assert tollose.get(f"/hoeringer/{hearing.pk + 999}/forum/tollose/").status_code == 404
    assert not HearingResponse.objects.exists()


def test_opening_the_page_marks_the_invitation_opened(open_hearing):
    client = signed_in(contact_user("tollose", "k@tollose.example.org"))
    invitation = open_hearing.invitations.get(forum__area__slug="tollose")
    assert invitation.status == InvitationStatus.INVITED
    response = client.get(forum_url(open_hearing))
    assert response.status_code == 200
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.OPENED
    assert "åbnet" in response.text
    other = open_hearing.invitations.get(forum__area__slug="jyderup")
    assert other.status == InvitationStatus.INVITED


# The shared draft (acceptance check 9).


def test_draft_by_a_submitted_by_b_and_another_forums_contact_is_refused(
    open_hearing, mailoutbox, django_capture_on_commit_callbacks
):
    tollose = forum("tollose")
    anna = signed_in(contact_user("tollose", "anna@tollose.example.org", name="Anna Andersen"))
    bo = signed_in(contact_user("tollose", "bo@tollose.example.org", name="Bo Berg"))
    gitte = signed_in(contact_user("jyderup", "gitte@jyderup.example.org", name="Gitte"))

    page = anna.get(forum_url(open_hearing))
    assert 'value="Anna Andersen"' in page.text  # the name is prefilled
    saved = anna.post(
        forum_url(open_hearing),
        forum_data("save", author_name="Anna Andersen", text="Vi ønsker fartbump.", consent_ack=""),
    )
    assert saved.status_code == 302
    draft = HearingResponse.objects.get(forum=tollose)
    assert draft.status == ResponseStatus.DRAFT
    assert open_hearing.invitations.get(forum=tollose).status == InvitationStatus.PROCESSING

    seen = bo.get(forum_url(open_hearing))
    assert "Vi ønsker fartbump." in seen.text
    assert "Udkast gemt af Anna Andersen den" in seen.text
    assert "Send svaret på vegne af" in seen.text

    for refused in (
        gitte.get(forum_url(open_hearing)),
        gitte.post(forum_url(open_hearing), forum_data("submit")),
    ):
        assert refused.status_code == 403

    mailoutbox.clear()
    before = response_counts(open_hearing)["submitted"]
    with django_capture_on_commit_callbacks(execute=True):
        sent = bo.post(
            forum_url(open_hearing),
            forum_data("submit", author_name="Bo Berg", text="Vi ønsker fartbump nu."),
        )
    assert sent.status_code == 302
    assert sent.url == receipt_url(open_hearing)
    answer = HearingResponse.objects.get(pk=draft.pk)
    assert (answer.status, answer.number, answer.submitted_by.email) == (
        ResponseStatus.SUBMITTED, 1, "bo@tollose.example.org",
    )  # fmt: skip
    assert answer.behalf_label == tollose.name
    assert response_counts(open_hearing)["submitted"] == before + 1
    assert open_hearing.invitations.get(forum=tollose).status == InvitationStatus.ANSWERED

    assert [message.to for message in mailoutbox] == [["bo@tollose.example.org"]]
    receipt_mail = mailoutbox[0]
    assert "nr. 1" in receipt_mail.subject
    assert receipt_mail.attachments[0][0] == f"hoeringssvar-{open_hearing.pk}-1.pdf"
    assert receipt_mail.attachments[0][1].startswith(b"%PDF")

    receipt = bo.get(sent.url)
    assert "Tak. Dit svar er modtaget som nr. 1." in receipt.text
    assert tollose.name in receipt.text
    workspace = anna.get(forum_url(open_hearing))
    assert f"Sendt på vegne af {tollose.name}" in workspace.text
    assert "Træk svaret tilbage" in workspace.text
    assert 'name="text"' not in workspace.text


def test_submitting_without_consent_is_refused_and_the_text_kept(open_hearing):
    client = signed_in(contact_user("tollose", "k@tollose.example.org"))
    response = client.post(
        forum_url(open_hearing), forum_data("submit", consent_ack="", text="Vores svar.")
    )
    assert response.status_code == 200
    assert "Sæt kryds for at vise, at du ved, at høringssvar er sagsakter." in response.text
    assert "Vores svar." in response.text
    assert not HearingResponse.objects.exists()


def test_the_status_buttons(open_hearing):
    client = signed_in(contact_user("tollose", "k@tollose.example.org"))
    invitation = open_hearing.invitations.get(forum__area__slug="tollose")
    url = forum_url(open_hearing)
    client.post(
        url,
        {
            "action": "processing",
            "behandler-internal_due_date": "20.12.2026",
            "behandler-internal_note": "Bestyrelsesmøde",
        },
    )
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.PROCESSING
    assert str(invitation.internal_due_date) == "2026-12-20"
    assert invitation.internal_note == "Bestyrelsesmøde"
    client.post(url, {"action": "no_comments"})
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.NO_COMMENTS
    client.post(url, {"action": "declined", "afstaar-decline_reason": "Ikke vores område"})
    invitation.refresh_from_db()
    assert (invitation.status, invitation.decline_reason) == ("declined", "Ikke vores område")
    bad_date = client.post(url, {"action": "processing", "behandler-internal_due_date": "x"})
    assert bad_date.status_code == 200
    assert "Skriv datoen som fx 24.12.2026." in bad_date.text


def test_a_forum_withdraws_its_answer_and_may_answer_again(open_hearing):
    client = signed_in(contact_user("tollose", "k@tollose.example.org"))
    client.post(forum_url(open_hearing), forum_data("submit"))
    answer = HearingResponse.objects.get()
    assert client.post(forum_url(open_hearing), {"action": "withdraw"}).status_code == 302
    answer.refresh_from_db()
    assert answer.status == ResponseStatus.WITHDRAWN
    assert open_hearing.invitations.get(forum__area__slug="tollose").status == "processing"
    page = client.get(forum_url(open_hearing))
    assert 'name="text"' in page.text


def test_an_attachment_is_kept_on_the_draft_and_can_be_removed(open_hearing):
    client = signed_in(contact_user("tollose", "k@tollose.example.org"))
    client.post(
        forum_url(open_hearing),
        forum_data("save") | {"attachments": [pdf_upload("bilag.pdf")]},
    )
    attachment = HearingAttachment.objects.get()
    page = client.get(forum_url(open_hearing))
    assert "Fjern bilag.pdf" in page.text
    other = make_hearing(["jyderup"])
    stranger = forum_draft_save(
        hearing=other, forum=forum("jyderup"), by=None, data={"text": "x"}, files=[pdf_upload()]
    )
    foreign = stranger.attachments.get()
    forged = client.post(forum_url(open_hearing), {"action": "remove", "attachment": foreign.pk})
    assert forged.status_code == 404
    removed = client.post(
        forum_url(open_hearing), {"action": "remove", "attachment": attachment.pk}
    )
    assert removed.status_code == 302
    assert list(HearingAttachment.objects.all()) == [foreign]


# Files.


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (
            lambda: SimpleUploadedFile("stor.pdf", PDF + b"0" * TEN_MB, "application/pdf"),
            "stor.pdf fylder for meget. En fil må højst fylde 10 MB.",
        ),
        (
            lambda: SimpleUploadedFile("svar.pdf", b"Bare tekst, ingen PDF.", "application/pdf"),
            "svar.pdf kan ikke bruges.",
        ),
        (
            lambda: SimpleUploadedFile("program.pdf", b"MZ\x90\x00\x03" + b"\x00" * 100),
            "program.pdf kan ikke bruges.",
        ),
        (
            lambda: SimpleUploadedFile("billede.webp", b"RIFF\x00\x00\x00\x00WEBPVP8 " + b"0" * 50),
            "billede.webp kan ikke bruges. Du kan vedhæfte PDF, DOCX, ODT, JPG og PNG.",
        ),
    ],
)
@pytest.mark.parametrize("page", ["forum", "public"])
def test_oversized_and_disguised_files_are_refused_and_nothing_is_lost(
    clock, reference_data, page, upload, message
):
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose"], open_to_public=True, kind="voluntary")
    text = "Mit lange, omhyggelige svar."
    if page == "forum":
        client = signed_in(contact_user("tollose", "k@tollose.example.org"))
        url, data = forum_url(hearing), forum_data("submit", text=text)
    else:
        client, url, data = Client(), answer_url(hearing), public_data(text=text)
    response = client.post(url, data | {"attachments": [pdf_upload("godt.pdf"), upload()]})
    assert response.status_code == 200
    assert message in response.text
    assert text in response.text
    assert "Vælg dem igen." in response.text
    assert not HearingResponse.objects.exists()
    assert not HearingAttachment.objects.exists()


def test_more_than_ten_files_are_refused(open_hearing):
    """Ten in all: the draft's nine and two more is too many (a request with more than ten
    files is refused by Django itself, holbaek.limits.MAX_FILES_PER_REQUEST)."""
    client = signed_in(contact_user("tollose", "k@tollose.example.org"))
    files = [pdf_upload(f"bilag-{number}.pdf") for number in range(9)]
    forum_draft_save(
        hearing=open_hearing, forum=forum("tollose"), by=None, data={"text": "x"}, files=files
    )
    more = [pdf_upload("ti.pdf"), pdf_upload("elleve.pdf")]
    response = client.post(forum_url(open_hearing), forum_data("save") | {"attachments": more})
    assert "Et svar kan have højst 10 bilag. Du kan vedhæfte 1 mere." in response.text
    assert HearingAttachment.objects.count() == 9


# The public's form.


def test_a_public_answer_gets_a_receipt_mail_and_page(
    public_hearing, mailoutbox, django_capture_on_commit_callbacks
):
    client = Client()
    form = client.get(answer_url(public_hearing))
    assert form.status_code == 200
    assert "aktindsigt" in form.text
    assert 'name="address"' not in form.text  # the hearing does not ask for it
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post(
            answer_url(public_hearing), public_data() | {"attachments": [pdf_upload()]}
        )
    assert sent.status_code == 302
    assert "?" not in sent.url
    answer = HearingResponse.objects.get()
    assert (answer.number, answer.on_behalf_of, answer.attachments.count()) == (1, "private", 1)
    # The receipt, and the notice to the hearing's mailbox (the test PDF has no readable text).
    receipts = [message for message in mailoutbox if message.to == ["per@example.org"]]
    assert len(receipts) == 1
    assert "nr. 1" in receipts[0].subject
    assert receipts[0].attachments[0][2] == "application/pdf"
    receipt = client.get(sent.url)
    assert "Tak. Dit svar er modtaget som nr. 1." in receipt.text
    assert "PDF" in receipt.text
    assert "per@example.org" not in receipt.text
    # Another visitor, and a visitor who sent nothing, are sent to the hearing.
    elsewhere = Client().get(sent.url)
    assert elsewhere.status_code == 302
    assert elsewhere.url == reverse("lokalfora:hearing-detail", kwargs={"pk": public_hearing.pk})


def test_the_address_is_asked_for_only_when_the_hearing_needs_it(clock, reference_data):
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(
        ["tollose"], open_to_public=True, kind="voluntary", asks_for_address=True
    )
    assert 'name="address"' in Client().get(answer_url(hearing)).text
    missing = Client().post(answer_url(hearing), public_data())
    assert "Skriv din adresse." in missing.text
    sent = Client().post(
        answer_url(hearing), public_data(address="Byvej 1, 4340 Tølløse", address_secret="on")
    )
    assert sent.status_code == 302
    assert HearingResponse.objects.get().address_secret


def test_an_organisation_without_a_name_is_refused(public_hearing):
    response = Client().post(
        answer_url(public_hearing), public_data(on_behalf_of="organisation", organisation_name="")
    )
    assert response.status_code == 200
    assert "Skriv foreningens eller organisationens navn." in response.text
    assert "Jeg støtter forslaget." in response.text
    assert not HearingResponse.objects.exists()
    named = Client().post(
        answer_url(public_hearing),
        public_data(on_behalf_of="organisation", organisation_name="Tølløse Borgerforening"),
    )
    assert named.status_code == 302
    assert HearingResponse.objects.get().behalf_label == "Tølløse Borgerforening"


def test_a_public_answer_without_consent_is_refused(public_hearing):
    response = Client().post(answer_url(public_hearing), public_data(consent_ack=""))
    assert response.status_code == 200
    assert "Sæt kryds for at vise, at du ved, at høringssvar er sagsakter." in response.text
    assert "Jeg støtter forslaget." in response.text
    assert not HearingResponse.objects.exists()


def test_a_cpr_number_is_received_but_held(
    public_hearing, mailoutbox, django_capture_on_commit_callbacks
):
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        sent = Client().post(
            answer_url(public_hearing), public_data(text="Mit cpr-nummer er 010190-1234.")
        )
    assert sent.status_code == 302
    answer = HearingResponse.objects.get()
    assert answer.status == ResponseStatus.SUBMITTED
    assert answer.screening == ScreeningStatus.HELD
    assert not answer.is_public()
    receipts = [message for message in mailoutbox if message.to == ["per@example.org"]]
    assert len(receipts) == 1
    assert "nr. 1" in receipts[0].subject


def test_a_filled_honeypot_is_dropped_quietly(public_hearing):
    response = Client().post(answer_url(public_hearing), public_data(website="spam.example"))
    assert response.status_code == 200
    assert "Tak. Dit svar er modtaget." in response.text
    assert not HearingResponse.objects.exists()


def test_the_public_form_is_rate_limited(public_hearing, settings):
    from lokalfora.views import hearings_answer

    for _attempt in range(hearings_answer.LIMIT_PER_EMAIL):
        assert Client().post(answer_url(public_hearing), public_data()).status_code == 302
    refused = Client().post(answer_url(public_hearing), public_data())
    assert refused.status_code == 429
    assert HearingResponse.objects.count() == hearings_answer.LIMIT_PER_EMAIL


def test_a_forums_only_hearing_refuses_the_public(open_hearing):
    page = Client().get(answer_url(open_hearing))
    assert page.status_code == 200
    assert "Kun de inviterede lokalfora kan svare" in page.text
    assert 'name="text"' not in page.text
    refused = Client().post(answer_url(open_hearing), public_data())
    assert refused.status_code == 403
    assert not HearingResponse.objects.exists()


def test_a_hearing_that_is_not_public_is_404(clock, reference_data):
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose"], publish=False, open_to_public=True, kind="voluntary")
    assert Client().get(answer_url(hearing)).status_code == 404
    assert Client().post(answer_url(hearing), public_data()).status_code == 404
    assert Client().get("/hoeringer/999999/afgiv-svar/").status_code == 404


# After the deadline (acceptance check 3).


def test_after_the_deadline_the_pages_are_closed_and_every_post_refused(
    clock, reference_data, mailoutbox
):
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose"], open_to_public=True, kind="voluntary")
    user = contact_user("tollose", "k@tollose.example.org")
    signed_in(user).get(forum_url(hearing))  # opened
    invitation = HearingInvitation.objects.get(hearing=hearing)
    mailoutbox.clear()
    clock.set("2027-01-01 00:00")
    client = signed_in(user)  # a session from a month ago has expired
    page = client.get(forum_url(hearing))
    assert page.status_code == 200
    assert "Høringen er lukket" in page.text
    assert 'name="text"' not in page.text
    assert 'name="action"' not in page.text
    for data in (
        forum_data("save"),
        forum_data("submit"),
        {"action": "no_comments"},
        {"action": "processing"},
    ):
        refused = client.post(forum_url(hearing), data)
        assert refused.status_code == 410
        assert "Høringen er lukket" in refused.text
        assert "intet er gemt" in refused.text
    public = Client().get(answer_url(hearing))
    assert public.status_code == 410
    assert "Høringen er lukket" in public.text
    assert 'name="text"' not in public.text
    assert Client().post(answer_url(hearing), public_data()).status_code == 410
    assert not HearingResponse.objects.exists()
    assert HearingInvitation.objects.get(pk=invitation.pk).status == InvitationStatus.OPENED
    assert mailoutbox == []


def test_a_hearing_not_yet_started_takes_no_answers(clock, reference_data):
    clock.set("2026-11-20 10:00")
    hearing = make_hearing(["tollose"], open_to_public=True, kind="voluntary")
    page = Client().get(answer_url(hearing))
    assert page.status_code == 200
    assert "Høringen er ikke åbnet endnu" in page.text
    assert Client().post(answer_url(hearing), public_data()).status_code == 403
    assert not HearingResponse.objects.exists()


# The withdraw link in the receipt.


def _sent_answer(hearing, email="per@example.org"):
    return public_response_submit(
        hearing=hearing, by=None,
        data={"on_behalf_of": "private", "author_name": "Per Hansen", "author_email": email,
              "address": "", "text": "Mit svar.", "consent_ack": True},
    )  # fmt: skip


def test_the_withdraw_link_works_before_the_deadline(public_hearing):
    answer = _sent_answer(public_hearing)
    client = Client()
    page = client.get(withdraw_url(answer))
    assert page.status_code == 200
    assert "Træk dit høringssvar tilbage" in page.text
    assert "per@example.org" not in page.text
    assert "private" in page["Cache-Control"]
    answer.refresh_from_db()
    assert answer.status == ResponseStatus.SUBMITTED  # a GET changes nothing
    done = client.post(withdraw_url(answer))
    assert done.status_code == 200
    assert "Svaret er trukket tilbage" in done.text
    answer.refresh_from_db()
    assert answer.status == ResponseStatus.WITHDRAWN
    again = client.get(withdraw_url(answer))
    assert "Svaret er trukket tilbage" in again.text


def test_the_withdraw_link_refuses_after_the_deadline(public_hearing, clock):
    answer = _sent_answer(public_hearing)
    clock.set("2027-01-01 00:00")
    page = Client().get(withdraw_url(answer))
    assert page.status_code == 410
    assert "kan ikke trækkes tilbage" in page.text
    assert "per@example.org" not in page.text
    refused = Client().post(withdraw_url(answer))
    assert refused.status_code == 410
    answer.refresh_from_db()
    assert answer.status == ResponseStatus.SUBMITTED


def test_an_unknown_withdraw_key_or_a_drafts_key_is_404(open_hearing):
    draft = forum_draft_save(
        hearing=open_hearing, forum=forum("tollose"), by=None, data={"text": "Kladde"}
    )
    assert Client().get(withdraw_url(draft)).status_code == 404
    unknown = "/hoeringer/tilbagetraek/12345678-1234-5678-1234-567812345678/"
    assert Client().get(unknown).status_code == 404
    assert Client().post(unknown).status_code == 404


# Query counts.


def test_the_forum_page_runs_a_fixed_number_of_queries(open_hearing):
    client = signed_in(contact_user("tollose", "k@tollose.example.org"))
    client.post(forum_url(open_hearing), forum_data("save") | {"attachments": [pdf_upload()]})

    def grow():
        for number in range(3):
            ContactPerson.objects.create(
                forum=forum("tollose"), name=f"K {number}", email=f"k{number}@example.org"
            )
            make_hearing(["tollose", "jyderup"])
        answer = HearingResponse.objects.get(hearing=open_hearing)
        for name in ("a.pdf", "b.pdf"):
            forum_draft_save(
                hearing=open_hearing, forum=forum("tollose"), by=None, data={},
                files=[pdf_upload(name)],
            )  # fmt: skip
        assert answer.attachments.count() == 3

    assert_constant_queries(client, forum_url(open_hearing), grow, limit=25)


def test_the_public_form_runs_a_fixed_number_of_queries(public_hearing):
    def grow():
        for email in ("a@example.org", "b@example.org", "c@example.org"):
            _sent_answer(public_hearing, email)

    assert_constant_queries(Client(), answer_url(public_hearing), grow, limit=10)
