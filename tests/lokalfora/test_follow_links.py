"""The links mailed to followers: opaque tokens, and a one-click way out in every mail."""

import base64
import binascii
import contextlib
import datetime
import re
import zlib
from pathlib import Path
from urllib.parse import quote

import pytest
from django.core import mail, signing

from lokalfora import follow_tokens, mailing
from lokalfora.models import Subscription
from lokalfora.services import digest
from tests.factories import NewsPostFactory, SubscriptionFactory

pytestmark = pytest.mark.django_db

ADDRESS = "borger.hansen@example.org"
LINK = re.compile(r"http://testserver(/foelg/(?:bekraeft|afmeld)/[^/\s\"<>]+/)")
TOKEN = re.compile(r"/foelg/(?:bekraeft|afmeld)/([^/]+)/")


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://testserver"
    settings.TEMPLATES = [
        {
            **settings.TEMPLATES[0],
            "DIRS": [*settings.TEMPLATES[0]["DIRS"], Path(__file__).parents[1] / "templates"],
        }
    ]


def follow(client, area):
    response = client.post(f"/lokalomraader/{area.slug}/foelg/", {"email": ADDRESS.upper()})
    assert response.status_code == 200
    return mail.outbox[-1]


def header_url(message) -> str:
    return LINK.search(message.extra_headers["List-Unsubscribe"]).group(1)


def one_click(client, url):
    """What a mail program does (RFC 8058): a POST without cookies or a CSRF token."""
    client.handler.enforce_csrf_checks = True
    client.cookies.clear()
    return client.post(
        url, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded"
    )


def digest_mail(area):
    NewsPostFactory(
        forum=area.forum, title="Ny bænk ved søen", summary="Resumé", age=datetime.timedelta(days=1)
    )
    assert digest.weekly_digest_send() == 1
    return mail.outbox[-1]


def announcement_mail(area):
    """A mail to the area's follower about that area only, as `follower_message` builds one."""
    (subscription,) = Subscription.objects.confirmed().filter(area=area).select_related("area")
    mailing.follower_message(
        subscriptions=[subscription],
        subject="Høring om trafikplan",
        template="lokalfora/email/test_announcement.txt",
        context={"title": "Trafikplan", "areas": [area]},
    ).send()
    return mail.outbox[-1]


def decodings(token: str) -> list[bytes]:
    """Every reading of the token's parts: as is, base64 (both alphabets), and unzipped."""
    found = [token.encode()]
    for part in [*re.split(r"[:.]", token), token]:
        for decode in (base64.urlsafe_b64decode, base64.b64decode):
            try:
                raw = decode(part + "=" * (-len(part) % 4))
            except (binascii.Error, ValueError):
                continue
            found.append(raw)
            with contextlib.suppress(zlib.error):
                found.append(zlib.decompress(raw))
    return found


def assert_opaque(text: str) -> int:
    tokens = TOKEN.findall(text)
    for token in tokens:
        for reading in decodings(token):
            for form in (ADDRESS, quote(ADDRESS), ADDRESS.split("@")[0]):
                assert form.encode() not in reading.lower(), token
    return len(tokens)


def test_no_link_mailed_to_a_follower_holds_the_address(client, area, other_area):
    confirmation = follow(client, area)
    confirm_url = LINK.search(confirmation.body).group(1)
    done = client.post(confirm_url)
    SubscriptionFactory(area=other_area, email=ADDRESS)
    texts = [
        confirmation.body,
        str(confirmation.extra_headers),
        done.text,
        client.get(confirm_url).text,
        digest_mail(area).body,
        str(mail.outbox[-1].extra_headers),
        announcement_mail(other_area).body,
        str(mail.outbox[-1].extra_headers),
    ]
    assert sum(assert_opaque(text) for text in texts) >= 10


def test_the_decoding_would_see_an_address_in_a_signed_token():
    """The check above can fail: a token that signs the address is caught."""
    for compress in (False, True):
        token = signing.dumps({"e": ADDRESS}, salt="x", compress=compress)
        with pytest.raises(AssertionError):
            assert_opaque(f"/foelg/afmeld/{token}/")


def old_unsubscribe_token(area_id: int | None, email: str = ADDRESS) -> str:
    """A link mailed before the tokens became opaque: the address itself, signed, never expiring."""
    return signing.dumps(
        {"e": email, "a": area_id}, salt=follow_tokens.UNSUBSCRIBE_SALT, compress=True
    )


def test_an_old_confirmation_link_gets_the_danish_link_error(client, area):
    SubscriptionFactory(area=area, email=ADDRESS, unconfirmed=True)
    old = signing.dumps(
        {"a": area.pk, "e": ADDRESS}, salt=follow_tokens.CONFIRM_SALT, compress=True
    )
    for method in (client.get, client.post):
        response = method(f"/foelg/bekraeft/{old}/")
        assert response.status_code == 400
        assert "Linket er ikke gyldigt" in response.text
    assert Subscription.objects.get().confirmed_at is None


def test_an_old_unsubscribe_link_still_asks_and_unsubscribes_from_its_area(
    client, area, other_area
):
    SubscriptionFactory(area=area, email=ADDRESS)
    SubscriptionFactory(area=other_area, email=ADDRESS)
    url = f"/foelg/afmeld/{old_unsubscribe_token(area.pk)}/"
    response = client.get(url)
    assert response.status_code == 200
    assert "Stop med at følge Tølløse?" in response.text
    assert client.post(url).status_code == 200
    assert list(Subscription.objects.values_list("area__slug", flat=True)) == ["jyderup"]
    assert "Du er afmeldt" in client.get(url).text  # used: says so, not an error


@pytest.mark.parametrize("area_id", ["area", None])
def test_an_old_list_unsubscribe_header_still_works_in_one_click(client, area, other_area, area_id):
    SubscriptionFactory(area=area, email=ADDRESS)
    SubscriptionFactory(area=other_area, email=ADDRESS)
    SubscriptionFactory(area=other_area, email="nabo@example.org")
    token = old_unsubscribe_token(area.pk if area_id else None)
    response = one_click(client, f"/foelg/afmeld/{token}/")
    assert response.status_code == 200
    assert "Du er afmeldt" in response.text
    left = Subscription.objects.values_list("email", "area__slug").order_by("email", "area")
    expected = [("nabo@example.org", "jyderup")]
    if area_id:
        expected = [(ADDRESS, "jyderup"), *expected]
    assert sorted(left) == sorted(expected)


@pytest.mark.parametrize("area_id", ["area", None])
def test_a_changed_or_forged_old_unsubscribe_link_is_refused(client, area, area_id):
    SubscriptionFactory(area=area, email=ADDRESS)
    victim = "nabo@example.org"
    SubscriptionFactory(area=area, email=victim)
    area_id = area.pk if area_id else None
    own = old_unsubscribe_token(area_id)
    other = old_unsubscribe_token(area_id, email=victim)
    swapped = f"{other.rsplit(':', 1)[0]}:{own.rsplit(':', 1)[1]}"  # victim's data, own signature
    forged = signing.dumps(
        {"e": victim, "a": area_id},
        key="not-the-secret-key",
        salt=follow_tokens.UNSUBSCRIBE_SALT,
        compress=True,
    )
    for bad in (swapped, forged):
        assert client.get(f"/foelg/afmeld/{bad}/").status_code == 400
        response = one_click(client, f"/foelg/afmeld/{bad}/")
        assert response.status_code == 400
        assert "Linket er ikke gyldigt" in response.text
    assert Subscription.objects.count() == 2


def test_a_signed_token_for_another_address_opens_nothing(client, area):
    victim = SubscriptionFactory(area=area, email=ADDRESS)
    SubscriptionFactory(area=area, email="ny@example.org", unconfirmed=True)
    forged = follow_tokens.tokens.make(
        salt=follow_tokens.UNSUBSCRIBE_SALT,
        key_salt=follow_tokens.KEY_SALT,
        address="angriber@example.org",
        s=[victim.pk],
        a=None,
    )
    assert one_click(client, f"/foelg/afmeld/{forged}/").status_code == 200
    assert Subscription.objects.count() == 2


@pytest.mark.parametrize("kind", ["confirmation", "digest", "announcement"])
def test_every_mail_to_a_follower_has_one_click_unsubscribe(client, area, kind):
    if kind == "confirmation":
        message = follow(client, area)
    else:
        SubscriptionFactory(area=area, email=ADDRESS)
        message = {"digest": digest_mail, "announcement": announcement_mail}[kind](area)
    assert message.extra_headers["List-Unsubscribe"].startswith("<http://testserver/foelg/afmeld/")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    url = header_url(message)
    assert f"http://testserver{url}" in message.body  # the same way out, in the text
    response = one_click(client, url)
    assert response.status_code == 200
    assert "Du er afmeldt" in response.text
    assert not Subscription.objects.exists()
    assert one_click(client, url).status_code == 200  # a second click is harmless


def test_the_confirmed_page_offers_the_way_out_at_once(client, area):
    confirm_url = LINK.search(follow(client, area).body).group(1)
    done = client.post(confirm_url)
    assert "Tilmeldingen er bekræftet" in done.text
    (url,) = re.findall(r'href="http://testserver(/foelg/afmeld/[^"]+)"', done.text)
    assert "Stop med at følge Tølløse?" in client.get(url).text
    assert one_click(client, url).status_code == 200
    assert not Subscription.objects.exists()
    assert "Du er afmeldt" in client.get(url).text  # the used link says so, not an error


def test_the_unsubscribe_all_link_works_after_one_area_was_left(client, area, other_area):
    SubscriptionFactory(area=area, email=ADDRESS)
    SubscriptionFactory(area=other_area, email=ADDRESS)
    message = digest_mail(area)
    line = next(line for line in message.body.splitlines() if "Stop med at følge Jyderup" in line)
    one_click(client, LINK.search(line).group(1))
    assert list(Subscription.objects.values_list("area__slug", flat=True)) == ["tollose"]
    one_click(client, header_url(message))
    assert not Subscription.objects.exists()


def test_the_stop_all_link_of_one_areas_mail_works_after_that_area_was_left(
    client, area, other_area
):
    for each in (area, other_area):  # through the sign-up service, as in production
        assert client.post(LINK.search(follow(client, each).body).group(1)).status_code == 200
    message = announcement_mail(area)  # about Tølløse only: its links name only that row
    line = next(line for line in message.body.splitlines() if "Stop med at følge Tølløse" in line)
    one_click(client, LINK.search(line).group(1))
    assert list(Subscription.objects.values_list("area__slug", flat=True)) == ["jyderup"]
    response = one_click(client, header_url(message))
    assert "Du er afmeldt" in response.text
    assert not Subscription.objects.exists()


def test_links_mailed_before_a_secret_key_rotation_still_unsubscribe(client, area, settings):
    """After a rotation the signature verifies with SECRET_KEY_FALLBACKS; the address hash
    in the link must too, or the link would say "afmeldt" while the mails go on."""
    SubscriptionFactory(area=area, email=ADDRESS)
    url = header_url(digest_mail(area))
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "a-new-key-after-rotation-" + "x" * 40
    response = one_click(client, url)
    assert response.status_code == 200
    assert not Subscription.objects.exists()


@pytest.mark.parametrize(
    ("frequency", "text"),
    [
        ("immediately", "Du får en e-mail kort efter, at der er nyt."),
        ("weekly", "Du får en e-mail om ugen, når der er nyt."),
        ("off", "Du får ingen e-mails om nyt, kun kommunens nyhedsbreve."),
    ],
)
def test_the_confirmed_page_tells_the_chosen_frequency(client, area, frequency, text):
    response = client.post(
        f"/lokalomraader/{area.slug}/foelg/", {"email": ADDRESS, "frequency": frequency}
    )
    assert response.status_code == 200
    done = client.post(LINK.search(mail.outbox[-1].body).group(1))
    assert text in done.text
    weekly = "Du får en e-mail om ugen, når der er nyt."
    assert (weekly in done.text) == (frequency == "weekly")
