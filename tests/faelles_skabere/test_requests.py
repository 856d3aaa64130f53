"""A sparring request's full path: form, confirmation, routing, receipt, replies, closing."""

import datetime
import re
import time

import pytest
from django.core import mail, signing
from django.utils import timezone

import holbaek.mail
from faelles_skabere import mails
from faelles_skabere import sparring_tokens as tokens
from faelles_skabere.forms.sparring import STARTED_SALT
from faelles_skabere.models import CoCreator, Message, MessageKind, SparringRequest, Status
from faelles_skabere.services.sparring_privacy import (
    sparring_request_anonymise_old,
    sparring_request_erase,
)
from faelles_skabere.services.sparring_requests import sparring_request_purge_unconfirmed
from faelles_skabere.services.sparring_threads import sparring_request_set_status
from tests.factories import SparringRequestFactory, give_mfa, login, make_user
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db
LINK = re.compile(r"http://testserver(/\S+)")


def started(seconds_ago=10):
    return signing.dumps({"t": time.time() - seconds_ago}, salt=STARTED_SALT)


FORM = {
    "name": "Karen Opdigtet",
    "email": "Karen@Example.org",
    "phone": "",
    "requester_kind": "association",
    "area_choice": "tollose",
    "topic": "project_idea",
    "description": "Vi vil bygge en naturlegeplads ved skolen.",
    "preferred_contact": "email",
    "website": "",
}


def send(client, **changes):
    return client.post("/sparring/", FORM | {"started": started()} | changes)


def link_in(message) -> str:
    return LINK.search(message.body).group(1)


@pytest.fixture
def handler(client, tollose_co_creator):
    """The Tølløse fælles-skaber, signed in with a second factor."""
    user = give_mfa(make_user("tollose-fs@example.org", role="Fælles-skaber"))
    tollose_co_creator.user = user
    tollose_co_creator.email = "tollose-fs@example.org"
    tollose_co_creator.save()
    return login(client, user)


def confirmed_request(client, **changes) -> SparringRequest:
    send(client, **changes)
    client.post(link_in(mail.outbox[-1]))
    return SparringRequest.objects.latest("pk")


def test_the_full_path_from_form_to_answer(
    client, tollose_co_creator, django_capture_on_commit_callbacks
):
    user = give_mfa(make_user("tollose-fs@example.org", role="Fælles-skaber"))
    tollose_co_creator.user = user
    tollose_co_creator.email = "tollose-fs@example.org"
    tollose_co_creator.save()
    response = send(client)
    assert response.status_code == 200
    assert "Tjek din e-mail" in response.text
    request = SparringRequest.objects.get()
    assert (request.status, request.email, request.reference) == (
        Status.UNCONFIRMED,
        "karen@example.org",
        "",
    )
    confirm_link = link_in(mail.outbox[0])

    assert "Ja, send anmodningen" in client.get(confirm_link).text  # GET only asks
    with django_capture_on_commit_callbacks(execute=True):
        done = client.post(confirm_link)
    request.refresh_from_db()
    year = timezone.localdate().year
    assert request.reference == f"SP-{year}-0001"
    assert request.status == Status.NEW
    assert request.assigned_to == tollose_co_creator
    assert "fast fælles-skaber for Tølløse" in request.routing_reason
    assert request.reference in done.text
    assert request.routing_reason in done.text
    receipt, notice = mail.outbox[1:]
    assert receipt.to == ["karen@example.org"]
    assert notice.to == ["tollose-fs@example.org"]
    assert f"/sparring/indbakke/{request.pk}/" in notice.body
    assert request.reference in receipt.subject
    thread_link = LINK.findall(receipt.body)[-1]
    assert "/sparring/traad/" in thread_link

    # The fælles-skaber answers in the portal; the answer goes out by mail.
    staff = client.__class__()
    login(staff, user)
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(
            f"/sparring/indbakke/{request.pk}/besked/",
            {"kind": "note", "body": "Ring til skolen først."},
        )
        staff.post(
            f"/sparring/indbakke/{request.pk}/besked/",
            {"kind": "reply", "body": "Godt initiativ! Lad os mødes."},
        )
    request.refresh_from_db()
    assert request.status == Status.AWAITING_REPLY
    assert request.first_answered_at is not None
    reply_mail = mail.outbox[-1]
    assert reply_mail.to == ["karen@example.org"]
    assert "Godt initiativ" in reply_mail.body

    # The requester reads and answers through the private link; the note stays internal.
    page = client.get(thread_link).text
    assert "Godt initiativ" in page
    assert "Ring til skolen først" not in page
    client.post(thread_link, {"body": "Tak, tirsdag passer fint."})
    request.refresh_from_db()
    assert request.status == Status.IN_DIALOGUE

    staff.post(
        f"/sparring/indbakke/{request.pk}/status/", {"status": "closed", "outcome": "advised"}
    )
    request.refresh_from_db()
    assert (request.status, request.outcome) == (Status.CLOSED, "advised")
    refused = client.post(thread_link, {"body": "En sidste ting"})
    assert refused.status_code == 400
    assert "Anmodningen er afsluttet" in refused.text
    assert not Message.objects.filter(body="En sidste ting").exists()


def test_reference_numbers_count_up_per_year(client, reference_data):
    first = confirmed_request(client)
    second = confirmed_request(client, description="Noget helt andet")
    assert (first.number, second.number) == (1, 2)


def test_a_double_submitted_form_makes_one_request_and_one_mail(client, reference_data):
    send(client)
    send(client)
    assert SparringRequest.objects.count() == 1
    assert len(mail.outbox) == 1


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"email": ""}, "Skriv din e-mailadresse."),
        ({"email": "karen@"}, "Skriv en gyldig e-mailadresse"),
        ({"description": "x" * 4001}, "Skriv højst 4000 tegn."),
        ({"description": "<script>alert(1)</script>"}, "uden HTML-koder"),
        ({"preferred_contact": "phone"}, "Skriv dit telefonnummer"),
        ({"area_choice": "atlantis"}, "Marker en gyldig valgmulighed"),
        ({"topic": ""}, "Vælg et emne."),
        ({"started": "JUST-NOW"}, "meget hurtigt"),
        ({"started": "forfalsket"}, "kunne ikke læses"),
    ],
    ids=["no-email", "bad-email", "too-long", "html", "phone-needed", "bad-area", "no-topic",
         "too-fast", "tampered-clock"],
)  # fmt: skip
def test_bad_input_is_explained_and_kept(client, reference_data, changes, message):
    if changes.get("started") == "JUST-NOW":  # signed when the test runs, not when collected
        changes = changes | {"started": started(seconds_ago=1)}
    response = send(client, **changes)
    assert response.status_code == 400
    assert message in response.text
    assert "Karen Opdigtet" in response.text
    assert not SparringRequest.objects.exists()
    assert not mail.outbox


def test_a_filled_honeypot_is_dropped_quietly(client, reference_data):
    response = send(client, website="http://spam.example")
    assert response.status_code == 200
    assert "Tjek din e-mail" in response.text
    assert not SparringRequest.objects.exists()
    assert not mail.outbox


def test_links_do_not_carry_the_address(client, reference_data):
    send(client)
    token = link_in(mail.outbox[0]).rstrip("/").rsplit("/", 1)[1]
    payload = signing.b64_decode(token.split(":")[0].encode()).decode()
    assert "karen" not in payload.lower()


def test_anonymised_requests_cannot_be_reopened_or_annotated(client, handler):
    request = confirmed_request(client.__class__())
    sparring_request_erase(sparring_request=request)
    response = handler.post(f"/sparring/indbakke/{request.pk}/status/", {"status": "new"})
    assert response.status_code == 400
    assert "kan ikke ændres" in response.text
    handler.post(
        f"/sparring/indbakke/{request.pk}/besked/", {"kind": "note", "body": "Karen, tlf 12345678"}
    )
    request.refresh_from_db()
    assert request.status == Status.CLOSED
    assert not Message.objects.filter(request=request).exists()


def test_a_staff_message_must_say_reply_or_note(client, handler):
    request = confirmed_request(client.__class__())
    response = handler.post(f"/sparring/indbakke/{request.pk}/besked/", {"body": "Hej"})
    assert response.status_code == 400
    assert "Vælg, om det er et svar til anmoderen eller en intern note." in response.text
    assert not Message.objects.filter(body="Hej").exists()


def test_sign_ups_are_rate_limited_per_address(client, reference_data):
    from faelles_skabere.views.sparring_public import LIMIT_PER_EMAIL

    for n in range(LIMIT_PER_EMAIL):
        assert send(client, description=f"Idé nummer {n}").status_code == 200
    response = send(client, description="Endnu en idé")
    assert response.status_code == 429
    assert "Prøv igen om en time" in response.text


def test_sign_ups_are_rate_limited_per_client_address(client, reference_data):
    from faelles_skabere.views.sparring_public import LIMIT_PER_IP

    for n in range(LIMIT_PER_IP):
        assert send(client, email=f"person{n}@example.org").status_code == 200
    assert send(client, email="endnu-en@example.org").status_code == 429


def test_when_the_mail_server_fails_nothing_is_half_saved(client, reference_data, monkeypatch):
    import smtplib

    def broken(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("nede")

    monkeypatch.setattr(holbaek.mail.EmailMessage, "send", broken)
    response = send(client)
    assert response.status_code == 503
    assert "Vi kunne ikke sende e-mailen" in response.text
    assert not SparringRequest.objects.exists()


# --- Links ---------------------------------------------------------------------------------


def test_an_expired_confirmation_link_is_refused(client, reference_data, monkeypatch):
    send(client)
    link = link_in(mail.outbox[0])
    later = time.time() + tokens.CONFIRM_MAX_AGE.total_seconds() + 1
    monkeypatch.setattr(signing.time, "time", lambda: later)
    response = client.post(link)
    assert response.status_code == 400
    assert "Linket er udløbet" in response.text
    assert SparringRequest.objects.get().status == Status.UNCONFIRMED


def test_tampered_and_foreign_links_are_refused(client, reference_data):
    first = confirmed_request(client)
    second = confirmed_request(client, email="anden@example.org", description="En anden idé")
    first_thread = mails.thread_url(first).removeprefix("http://testserver")
    token = first_thread.rstrip("/").rsplit("/", 1)[1]
    bad_tokens = [
        token[:-2] + ("xy" if not token.endswith("xy") else "zz"),
        # Signed with our own key, naming the second request with the first's address:
        signing.dumps(
            {"r": second.pk, "h": tokens.address_hash(first.email)}, salt=tokens.THREAD_SALT
        ),
        tokens.make(first, tokens.CONFIRM_SALT),  # a confirmation token is not a thread token
    ]
    for bad in bad_tokens:
        response = client.get(f"/sparring/traad/{bad}/")
        assert response.status_code == 400, bad
        assert "Linket" in response.text
    # A request's own link shows only that request.
    page = client.get(first_thread).text
    assert first.reference in page
    assert second.reference not in page


def test_confirming_twice_is_harmless(client, reference_data):
    send(client)
    link = link_in(mail.outbox[0])
    client.post(link)
    client.post(link)
    assert SparringRequest.objects.get().number == 1
    assert Message.objects.filter(kind=MessageKind.EVENT).count() == 1


# --- Privacy -------------------------------------------------------------------------------


def test_unconfirmed_requests_are_deleted_after_seven_days(client, reference_data):
    send(client)
    SparringRequest.objects.update(created_at=timezone.now() - datetime.timedelta(days=8))
    confirmed_request(client, description="Ny")
    assert sparring_request_purge_unconfirmed() == 1
    assert SparringRequest.objects.count() == 1


def test_closed_requests_are_anonymised_after_the_configured_period(client, reference_data):
    from faelles_skabere.models import SparringSettings

    request = confirmed_request(client)
    sparring_request_set_status(
        sparring_request=request, author=None, status="closed", outcome="advised"
    )
    settings = SparringSettings.current()
    settings.anonymise_after_months = 6
    settings.save()
    assert sparring_request_anonymise_old() == 0
    SparringRequest.objects.update(closed_at=timezone.now() - datetime.timedelta(days=190))
    assert sparring_request_anonymise_old() == 1
    request.refresh_from_db()
    assert (request.name, request.email, request.phone) == ("(anonymiseret)", "", "")
    assert request.description == "(anonymiseret)"
    assert not Message.objects.filter(request=request).exists()
    # What statistics need stays.
    assert (request.topic, request.area.slug, request.number) == ("project_idea", "tollose", 1)


def test_the_requester_can_have_their_data_deleted(client, reference_data):
    request = confirmed_request(client)
    url = mails.thread_url(request).removeprefix("http://testserver")
    delete_url = url + "slet/"
    assert "Slet mine oplysninger?" in client.get(delete_url).text
    response = client.post(delete_url)
    assert "Dine oplysninger er slettet" in response.text
    request.refresh_from_db()
    assert request.email == ""
    assert request.anonymised_at is not None
    assert request.status == Status.CLOSED
    assert client.get(url).status_code == 400  # the link no longer opens anything


# --- Inbox -----------------------------------------------------------------------------------


def test_the_inbox_tabs_and_filters(client, handler, tollose_co_creator, jyderup_co_creator):
    anonymous = client.__class__()
    mine = confirmed_request(anonymous)
    other = confirmed_request(anonymous, area_choice="jyderup", description="Jyderup-idé")
    page = handler.get("/sparring/indbakke/").text
    assert mine.reference in page
    assert other.reference not in page
    everything = handler.get("/sparring/indbakke/?fane=alle").text
    assert mine.reference in everything
    assert other.reference in everything
    filtered = handler.get("/sparring/indbakke/?fane=alle&omraade=jyderup").text
    assert other.reference in filtered
    assert mine.reference not in filtered
    # Nonsense filter values fall back to no filter instead of failing.
    assert handler.get("/sparring/indbakke/?fane=x&status=x&emne=x").status_code == 200


def test_overdue_requests_are_highlighted(client, handler):
    request = confirmed_request(client.__class__())
    SparringRequest.objects.filter(pk=request.pk).update(
        answer_due_on=timezone.localdate() - datetime.timedelta(days=1)
    )
    assert "Over fristen" in handler.get("/sparring/indbakke/").text


def test_transfer_notifies_the_colleague(
    client, handler, jyderup_co_creator, django_capture_on_commit_callbacks
):
    jyderup_co_creator.email = "jyderup-fs@example.org"
    jyderup_co_creator.save()
    request = confirmed_request(client.__class__())
    with django_capture_on_commit_callbacks(execute=True):
        response = handler.post(
            f"/sparring/indbakke/{request.pk}/overdrag/",
            {"to": jyderup_co_creator.pk, "reason": "Jyderup kender skolen"},
        )
    assert response.status_code == 302
    request.refresh_from_db()
    assert request.assigned_to == jyderup_co_creator
    assert mail.outbox[-1].to == ["jyderup-fs@example.org"]
    assert "Jyderup kender skolen" in mail.outbox[-1].body
    missing = handler.post(
        f"/sparring/indbakke/{request.pk}/overdrag/", {"to": jyderup_co_creator.pk}
    )
    assert missing.status_code == 400
    assert "Skriv, hvorfor du overdrager" in missing.text


def test_closing_needs_an_outcome(client, handler):
    request = confirmed_request(client.__class__())
    response = handler.post(f"/sparring/indbakke/{request.pk}/status/", {"status": "closed"})
    assert response.status_code == 400
    assert "Vælg et resultat" in response.text
    assert SparringRequest.objects.get(pk=request.pk).status == Status.NEW


@pytest.mark.parametrize("page", ["inbox", "detail", "thread"])
def test_inbox_and_thread_pages_run_a_constant_number_of_queries(client, handler, page):
    request = confirmed_request(client.__class__())
    url = {
        "inbox": "/sparring/indbakke/?fane=alle",
        "detail": f"/sparring/indbakke/{request.pk}/",
        "thread": mails.thread_url(request).removeprefix("http://testserver"),
    }[page]

    def grow():
        for n in range(30):
            other = SparringRequestFactory(
                email=f"p{n}@example.org",
                topic="other",
                assigned_to=request.assigned_to,
                routed=True,
            )
            Message.objects.bulk_create(
                Message(request=target, kind=kind, body="hej")
                for target in (request, other)
                for kind in ("requester", "reply", "note")
            )

    Message.objects.create(request=request, kind="requester", body="Den første besked")
    assert_constant_queries(handler, url, grow, limit=16)


def test_the_daily_digest_lists_open_and_overdue(client, handler, tollose_co_creator):
    from faelles_skabere.tasks import send_daily_digest

    request = confirmed_request(client.__class__())
    mail.outbox.clear()
    SparringRequest.objects.filter(pk=request.pk).update(
        answer_due_on=timezone.localdate() - datetime.timedelta(days=2)
    )
    with mock_working_day():
        assert send_daily_digest.enqueue().return_value == 1
    (digest,) = mail.outbox
    assert digest.to == ["tollose-fs@example.org"]
    assert "Over svarfristen" in digest.body
    assert request.reference in digest.body


def test_co_creators_without_a_person_get_nothing(reference_data):
    from faelles_skabere.tasks import send_daily_digest

    CoCreator.objects.update(email="")
    with mock_working_day():
        assert send_daily_digest.enqueue().return_value == 0


def test_no_digest_on_weekends_and_holidays(client, handler):
    from unittest import mock

    from faelles_skabere.tasks import send_daily_digest

    confirmed_request(client.__class__())
    mail.outbox.clear()
    with mock.patch(
        "faelles_skabere.tasks.timezone.localdate", return_value=datetime.date(2026, 12, 25)
    ):
        assert send_daily_digest.enqueue().return_value == 0
    assert not mail.outbox


def test_one_failing_address_does_not_stop_the_digest(
    client, handler, jyderup_co_creator, monkeypatch
):
    import smtplib

    from faelles_skabere.tasks import send_daily_digest

    confirmed_request(client.__class__())
    confirmed_request(client.__class__(), area_choice="jyderup", description="Anden")
    jyderup_co_creator.email = "jyderup-fs@example.org"
    jyderup_co_creator.save()
    original = mails.send

    def flaky(**kwargs):
        if kwargs["to"] == ["jyderup-fs@example.org"]:
            raise smtplib.SMTPRecipientsRefused({})
        return original(**kwargs)

    monkeypatch.setattr(mails, "send", flaky)
    mail.outbox.clear()
    with mock_working_day():
        assert send_daily_digest.enqueue().return_value == 1
    assert [message.to for message in mail.outbox] == [["tollose-fs@example.org"]]


def test_a_stand_in_sees_and_hears_about_the_absent_colleagues_requests(
    client, handler, tollose_co_creator, jyderup_co_creator, django_capture_on_commit_callbacks
):
    from faelles_skabere.services.assignments import stand_in_create
    from faelles_skabere.tasks import send_daily_digest

    request = confirmed_request(client.__class__())  # goes to Tølløse's fælles-skaber
    jyderup_co_creator.email = "jyderup-fs@example.org"
    jyderup_co_creator.save()
    today = timezone.localdate()
    stand_in_create(
        co_creator=tollose_co_creator, stand_in=jyderup_co_creator,
        starts_on=today, ends_on=today + datetime.timedelta(days=7),
    )  # fmt: skip
    stand_in = client.__class__()
    user = give_mfa(make_user("jyderup-fs@example.org", role="Fælles-skaber"))
    jyderup_co_creator.user = user
    jyderup_co_creator.save()
    login(stand_in, user)
    assert request.reference in stand_in.get("/sparring/indbakke/").text  # under "Mine"

    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(mails.thread_url(request).removeprefix("http://testserver"), {"body": "Hej"})
    assert set(mail.outbox[-1].to) == {"tollose-fs@example.org", "jyderup-fs@example.org"}

    mail.outbox.clear()
    with mock_working_day():
        send_daily_digest.enqueue()
    digests = {message.to[0]: message.body for message in mail.outbox}
    assert request.reference in digests["jyderup-fs@example.org"]


def mock_working_day():
    from unittest import mock

    return mock.patch("faelles_skabere.tasks.is_working_day", return_value=True)
