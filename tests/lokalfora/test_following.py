"""Following an area: double opt-in, weekly digest, one-click unsubscribe, the mail service."""

import datetime
import re

import pytest
from django.core import mail, signing
from django.utils import timezone

from lokalfora import digest_sections, follow_tokens
from lokalfora.models import Subscription
from lokalfora.services import digest, subscriptions
from tests.factories import EventFactory, NewsPostFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/\S+)")
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://testserver"


def links(message) -> list[str]:
    return LINK.findall(message.body)


def confirm_link(message) -> str:
    (link,) = [link for link in links(message) if link.startswith("/foelg/bekraeft/")]
    return link


def follow(client, email="Borger@Example.org", slug="tollose"):
    return client.post(f"/lokalomraader/{slug}/foelg/", {"email": email})


def test_following_needs_the_link_in_the_mail(client, area):
    response = follow(client)
    assert response.status_code == 200
    assert "Tjek din e-mail" in response.text
    subscription = Subscription.objects.get()
    assert (subscription.email, subscription.confirmed_at) == ("borger@example.org", None)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["borger@example.org"]
    link = confirm_link(mail.outbox[0])
    # Opening the link only asks; mail programs that check links do not confirm anything.
    page = client.get(link)
    assert "Ja, jeg vil følge området" in page.text
    assert Subscription.objects.get().confirmed_at is None
    done = client.post(link)
    assert "Tilmeldingen er bekræftet" in done.text
    assert Subscription.objects.get().confirmed_at is not None
    assert "Du følger allerede" in client.get(link).text


def test_signing_up_twice_sends_one_mail_and_reveals_nothing(client, area):
    follow(client)
    second = follow(client, email="borger@example.org")
    assert "Tjek din e-mail" in second.text
    assert Subscription.objects.count() == 1
    assert len(mail.outbox) == 1
    SubscriptionFactory(area=area, email="fast@example.org")
    assert "Tjek din e-mail" in follow(client, email="fast@example.org").text
    assert len(mail.outbox) == 1  # already following: no new mail


@pytest.mark.parametrize(
    ("email", "message"),
    [("", "Skriv din e-mailadresse."), ("ikke-en-adresse", "Skriv en gyldig e-mailadresse")],
)
def test_a_bad_address_gets_a_danish_answer(client, area, email, message):
    response = follow(client, email=email)
    assert response.status_code == 400
    assert message in response.text
    assert not Subscription.objects.exists()


def test_sign_ups_are_rate_limited_per_address(client, area):
    from lokalfora.views.following import LIMIT_PER_EMAIL

    for _ in range(LIMIT_PER_EMAIL):
        assert follow(client).status_code == 200
    response = follow(client)
    assert response.status_code == 429
    assert "Prøv igen om en time" in response.text
    assert "Borger@Example.org" in response.text  # what was typed is kept


def test_sign_ups_are_rate_limited_per_client_address(client, reference_data, settings):
    from lokalfora.views.following import LIMIT_PER_IP

    for n in range(LIMIT_PER_IP):
        assert follow(client, email=f"person{n}@example.org").status_code == 200
    assert follow(client, email="endnu-en@example.org").status_code == 429
    # Behind one proxy the client is the last X-Forwarded-For entry, not the proxy itself.
    settings.TRUSTED_PROXIES = 1
    response = client.post(
        "/lokalomraader/tollose/foelg/",
        {"email": "endnu-en@example.org"},
        headers={"x-forwarded-for": "10.0.0.9"},
    )
    assert response.status_code == 200


@pytest.mark.parametrize("kind", ["tampered", "truncated", "other-salt"])
def test_a_tampered_confirmation_link_is_refused(client, area, kind):
    follow(client)
    link = confirm_link(mail.outbox[0])
    token = link.rstrip("/").rsplit("/", 1)[1]
    bad = {
        "tampered": token[:-3] + ("aaa" if not token.endswith("aaa") else "bbb"),
        "truncated": token[: len(token) // 2],
        "other-salt": follow_tokens.unsubscribe_token(Subscription.objects.all(), everything=True),
    }[kind]
    for method in (client.get, client.post):
        response = method(f"/foelg/bekraeft/{bad}/")
        assert response.status_code == 400
        assert "Linket er ikke gyldigt" in response.text
    assert Subscription.objects.get().confirmed_at is None


def test_an_expired_confirmation_link_is_refused(client, area, monkeypatch):
    follow(client)
    link = confirm_link(mail.outbox[0])
    later = timezone.now() + datetime.timedelta(days=follow_tokens.CONFIRM_DAYS, seconds=1)
    monkeypatch.setattr(signing.time, "time", lambda: later.timestamp())
    response = client.post(link)
    assert response.status_code == 400
    assert "Linket er udløbet" in response.text
    assert Subscription.objects.get().confirmed_at is None


def test_unconfirmed_subscriptions_are_deleted_after_a_week(area):
    old = SubscriptionFactory(area=area, email="gammel@example.org", unconfirmed=True)
    Subscription.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    SubscriptionFactory(area=area, email="ny@example.org", unconfirmed=True)
    SubscriptionFactory(area=area, email="fast@example.org")
    Subscription.objects.filter(email="fast@example.org").update(
        created_at=timezone.now() - datetime.timedelta(days=30)
    )
    assert subscriptions.subscription_purge_unconfirmed() == 1
    assert set(Subscription.objects.values_list("email", flat=True)) == {
        "ny@example.org",
        "fast@example.org",
    }


def test_the_database_keeps_one_lowercase_subscription_per_area(area):
    from django.db import IntegrityError, transaction

    SubscriptionFactory(area=area, email="borger@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        SubscriptionFactory(area=area, email="borger@example.org")
    with pytest.raises(IntegrityError), transaction.atomic():
        SubscriptionFactory(area=area, email="Stor@Example.org", unconfirmed=True)


# --- The weekly digest ------------------------------------------------------------------


def test_the_digest_has_each_followed_areas_news_and_events_in_one_mail(area, other_area):
    SubscriptionFactory(area=area, email="borger@example.org")
    SubscriptionFactory(area=other_area, email="borger@example.org")
    SubscriptionFactory(area=area, email="ubekraeftet@example.org", unconfirmed=True)
    NewsPostFactory(forum=area.forum, title="Ny bænk ved søen", age=DAY)
    NewsPostFactory(forum=area.forum, title="Gammel nyhed", age=datetime.timedelta(days=10))
    NewsPostFactory(forum=other_area.forum, title="Jyderup har fået cykelsti", age=DAY)
    NewsPostFactory(forum=area.forum, title="Kladde", draft=True)
    EventFactory(forum=area.forum, title="Fællesspisning")
    EventFactory(
        forum=area.forum,
        title="Langt ude i fremtiden",
        starts_at=timezone.now() + datetime.timedelta(days=40),
    )

    assert digest.weekly_digest_send() == 1
    (message,) = mail.outbox
    assert message.to == ["borger@example.org"]
    assert message.subject == "Nyt fra Jyderup, Tølløse"
    for expected in ["Ny bænk ved søen", "Jyderup har fået cykelsti", "Fællesspisning"]:
        assert expected in message.body
    for absent in ["Gammel nyhed", "Kladde", "Langt ude i fremtiden"]:
        assert absent not in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Stop med at følge Tølløse" in message.body
    assert "Stop med at følge alle områder" in message.body


def test_the_digest_is_not_sent_twice_in_a_week_nor_when_there_is_nothing_new(area, other_area):
    SubscriptionFactory(area=area, email="borger@example.org")
    SubscriptionFactory(area=other_area, email="jyderup@example.org")
    NewsPostFactory(forum=area.forum, title="Ny bænk ved søen", age=DAY)
    assert digest.weekly_digest_send() == 1  # Jyderup had nothing new
    assert digest.weekly_digest_send() == 0
    next_week = timezone.now() + datetime.timedelta(days=7)
    assert digest.weekly_digest_send(now=next_week) == 0  # the news is older than a week


def test_the_digest_task_also_purges_unconfirmed_sign_ups(area):
    from lokalfora.tasks import send_weekly_digest

    stale = SubscriptionFactory(area=area, email="gammel@example.org", unconfirmed=True)
    Subscription.objects.filter(pk=stale.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=8)
    )
    SubscriptionFactory(area=area, email="borger@example.org")
    NewsPostFactory(forum=area.forum, title="Ny bænk ved søen", age=DAY)
    result = send_weekly_digest.enqueue().return_value
    assert result == {"sent": 1, "purged_unconfirmed": 1}


def test_the_digest_runs_three_queries_and_one_update_whatever_the_number_of_followers(
    area, other_area, django_assert_max_num_queries
):
    NewsPostFactory(forum=area.forum, title="Ny bænk ved søen", age=DAY)
    EventFactory(forum=other_area.forum, title="Koncert")
    Subscription.objects.bulk_create(
        Subscription(area=a, email=f"p{n}@example.org", confirmed_at=timezone.now())
        for n in range(250)
        for a in (area, other_area)
    )
    # 3 reads, the registered sections' fixed reads (lokalfora/digest_sections.py), and 3
    # batches of 100 marked as sent.
    with django_assert_max_num_queries(3 + digest_sections.section_queries() + 3):
        assert digest.weekly_digest_send() == 250


# --- Unsubscribing ----------------------------------------------------------------------


def test_one_click_unsubscribe_from_the_mail_header(client, area, other_area):
    SubscriptionFactory(area=area, email="borger@example.org")
    SubscriptionFactory(area=other_area, email="borger@example.org")
    NewsPostFactory(forum=area.forum, title="Ny bænk ved søen", age=DAY)
    digest.weekly_digest_send()
    header = mail.outbox[0].extra_headers["List-Unsubscribe"]
    url = LINK.search(header.strip("<>")).group(1)
    # RFC 8058: the mail program posts this body, without cookies or a CSRF token.
    client.handler.enforce_csrf_checks = True
    response = client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    assert client.post(url).status_code == 200  # a second click is harmless


def test_the_unsubscribe_link_for_one_area_keeps_the_others(client, area, other_area):
    SubscriptionFactory(area=area, email="borger@example.org")
    SubscriptionFactory(area=other_area, email="borger@example.org")
    NewsPostFactory(forum=area.forum, title="Ny bænk ved søen", age=DAY)
    digest.weekly_digest_send()
    body = mail.outbox[0].body
    line = next(line for line in body.splitlines() if "Stop med at følge Tølløse" in line)
    url = LINK.search(line).group(1)
    assert "Stop med at følge Tølløse?" in client.get(url).text
    assert Subscription.objects.count() == 2  # asking is not unsubscribing
    client.post(url)
    assert list(Subscription.objects.values_list("area__slug", flat=True)) == ["jyderup"]


def test_a_tampered_unsubscribe_link_is_refused_and_deletes_nothing(client, area):
    subscription = SubscriptionFactory(area=area, email="borger@example.org")
    token = follow_tokens.unsubscribe_token([subscription], everything=False)
    forged = signing.dumps({"e": "borger@example.org", "a": None}, salt="forkert")
    for bad in [token[:-2] + "xx", forged, "noget-helt-andet"]:
        response = client.post(f"/foelg/afmeld/{bad}/")
        assert response.status_code == 400
        assert "Linket er ikke gyldigt" in response.text
    assert Subscription.objects.count() == 1


def test_the_area_page_offers_to_follow_it(client, area):
    # A link to the follow page, not the form: the area page sets no CSRF cookie and is cached.
    response = client.get("/lokalomraader/tollose/")
    assert 'href="/lokalomraader/tollose/foelg/"' in response.text
    assert "<form" not in response.text.split("<main", 1)[1].split("</main>")[0]
    assert not response.cookies
    follow = client.get("/lokalomraader/tollose/foelg/")
    assert 'action="/lokalomraader/tollose/foelg/"' in follow.text


def test_an_empty_post_shows_the_error(client, area):
    response = client.post("/lokalomraader/tollose/foelg/", {})
    assert response.status_code == 400
    assert "Skriv din e-mailadresse." in response.text


def test_when_the_mail_server_fails_nothing_is_lost_and_a_retry_sends(client, area, monkeypatch):
    import smtplib

    from holbaek import mail as module

    def broken(*args, **kwargs):
        raise smtplib.SMTPServerDisconnected("forbindelsen røg")

    monkeypatch.setattr(module.EmailMessage, "send", broken)
    response = follow(client)
    assert response.status_code == 503
    assert "Vi kunne ikke sende e-mailen lige nu" in response.text
    assert "Borger@Example.org" in response.text
    assert not Subscription.objects.exists()
    monkeypatch.undo()
    assert follow(client).status_code == 200
    assert len(mail.outbox) == 1


def test_link_errors_are_translated(client, reference_data, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = client.get("/foelg/afmeld/forkert/")
    assert response.status_code == 400
    assert "The link is not valid" in response.text


def test_the_digest_goes_out_again_a_week_later_when_there_is_news(area):
    SubscriptionFactory(area=area, email="borger@example.org")
    NewsPostFactory(forum=area.forum, title="Ny bænk ved søen", age=DAY)
    assert digest.weekly_digest_send() == 1
    next_week = timezone.now() + datetime.timedelta(days=7)
    NewsPostFactory(
        forum=area.forum,
        title="Sankthans",
        summary="Bål ved søen",
        published_at=next_week - datetime.timedelta(days=1),
    )
    assert digest.weekly_digest_send(now=next_week) == 1
    assert "Sankthans" in mail.outbox[1].body
    assert "Ny bænk ved søen" not in mail.outbox[1].body


def test_only_one_digest_run_sends_at_a_time(area):
    from django.core.cache import cache

    SubscriptionFactory(area=area, email="borger@example.org")
    NewsPostFactory(forum=area.forum, title="Ny bænk ved søen", age=DAY)
    cache.add(digest.LOCK_KEY, "1")
    assert digest.weekly_digest_send() == 0
    cache.delete(digest.LOCK_KEY)
    assert digest.weekly_digest_send() == 1
