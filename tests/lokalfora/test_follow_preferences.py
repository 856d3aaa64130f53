"""The follower's preferences page (lokalfora/views/follow_preferences.py), opened by the
signed link in every follow mail: how often, which kinds, which topics, per area."""

import base64
import re

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from lokalfora import follow_tokens
from lokalfora.models import Frequency, LocalArea, NewsTopic, Subscription
from lokalfora.services import digest, follow_preferences, subscriptions
from lokalfora.services.follow_preferences import KIND_FIELDS
from tests.factories import NewsPostFactory, SubscriptionFactory
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db

LINK = re.compile(r"http://testserver(/\S+)")
EMAIL = "borger@example.org"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = "http://testserver"


@pytest.fixture
def followed(area, other_area):
    return [
        SubscriptionFactory(area=area, email=EMAIL),
        SubscriptionFactory(area=other_area, email=EMAIL),
    ]


def page_url(subscriptions_of_address) -> str:
    return f"/foelg/indstillinger/{follow_tokens.manage_token(subscriptions_of_address)}/"


def form_data(subscription, *, frequency="weekly", kinds=KIND_FIELDS, topics=()):
    prefix = f"s{subscription.pk}"
    return {
        "subscription": str(subscription.pk),
        f"{prefix}-frequency": frequency,
        f"{prefix}-kinds": list(kinds),
        f"{prefix}-topics": [str(topic.pk) for topic in topics],
    }


def test_the_page_lists_each_confirmed_area_of_the_address_and_is_private(client, followed):
    SubscriptionFactory(area=LocalArea.objects.get(slug="morkov"), email=EMAIL, unconfirmed=True)
    SubscriptionFactory(area=LocalArea.objects.get(slug="regstrup"), email="anden@example.org")
    response = client.get(page_url(followed[:1]))
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "private, no-store"
    text = response.text
    assert text.count("<h1") == 1
    for shown in ["Tølløse", "Jyderup", "med det samme", "en gang om ugen", "undersøgelser"]:
        assert shown in text
    assert "Kultur og fritid" in text
    assert "Mørkøv" not in text  # not confirmed yet
    assert "Regstrup" not in text  # another address's
    assert 'name="stop"' in text


def test_a_bad_link_is_404_and_a_link_of_an_address_that_follows_nothing_is_410(client, followed):
    url = page_url(followed)
    assert client.get(url[:-5] + "xxxx/").status_code == 404
    unsubscribe = follow_tokens.unsubscribe_token(followed, everything=True)
    assert client.get(f"/foelg/indstillinger/{unsubscribe}/").status_code == 404  # other salt
    Subscription.objects.all().delete()
    response = client.get(url)
    assert response.status_code == 410
    assert response.headers["Cache-Control"] == "private, no-store"


def test_the_link_finds_an_area_followed_after_it_was_sent(client, area, other_area):
    first = SubscriptionFactory(area=area, email=EMAIL)
    url = page_url([first])
    first.delete()
    SubscriptionFactory(area=other_area, email=EMAIL)
    response = client.get(url)
    assert response.status_code == 200
    assert "Jyderup" in response.text


def test_saving_each_choice(client, followed):
    tolloese, jyderup = followed
    trafik, politik = NewsTopic.objects.get(slug="trafik"), NewsTopic.objects.get(slug="politik")
    data = form_data(
        tolloese,
        frequency="immediately",
        kinds=["wants_hearings", "wants_surveys"],
        topics=[trafik, politik],
    )
    response = client.post(page_url(followed), data)
    assert response.status_code == 200
    assert "Dine valg for Tølløse er gemt." in response.text
    tolloese.refresh_from_db()
    assert tolloese.frequency == Frequency.IMMEDIATELY
    assert [f for f in KIND_FIELDS if getattr(tolloese, f)] == ["wants_hearings", "wants_surveys"]
    assert set(tolloese.topics.all()) == {trafik, politik}
    jyderup.refresh_from_db()  # the other area is untouched
    assert jyderup.frequency == Frequency.WEEKLY
    assert jyderup.wants_forum_news
    client.post(page_url(followed), form_data(tolloese, frequency="off", kinds=[]))
    tolloese.refresh_from_db()
    assert tolloese.frequency == Frequency.OFF
    assert not any(getattr(tolloese, f) for f in KIND_FIELDS)
    assert not tolloese.topics.exists()


def test_a_wrong_choice_is_refused_in_danish_and_keeps_what_was_typed(client, followed):
    tolloese = followed[0]
    trafik = NewsTopic.objects.get(slug="trafik")
    data = form_data(tolloese, frequency="weekly", kinds=[], topics=[trafik])
    response = client.post(page_url(followed), data)
    assert response.status_code == 400
    assert "Vælg mindst én slags nyt" in response.text
    assert re.search(rf'value="{trafik.pk}"[^>]*checked', response.text)  # kept
    tolloese.refresh_from_db()
    assert tolloese.wants_forum_news
    assert not tolloese.topics.exists()
    response = client.post(page_url(followed), form_data(tolloese, frequency="hourly"))
    assert response.status_code == 400
    assert "Vælg en af mulighederne." in response.text
    data = form_data(tolloese, kinds=["wants_everything"])
    assert client.post(page_url(followed), data).status_code == 400
    data = form_data(tolloese) | {f"s{tolloese.pk}-topics": ["999999"]}
    assert client.post(page_url(followed), data).status_code == 400


def test_a_retired_topic_stays_but_cannot_be_chosen(followed):
    tolloese = followed[0]
    old = NewsTopic.objects.create(name="Gammelt emne", slug="gammelt", active=False)
    tolloese.topics.add(old)
    trafik = NewsTopic.objects.get(slug="trafik")
    follow_preferences.preferences_save(
        subscription=tolloese, frequency="weekly", kinds=KIND_FIELDS, topics=[trafik]
    )
    assert set(tolloese.topics.all()) == {old, trafik}
    with pytest.raises(ValidationError):
        follow_preferences.preferences_save(
            subscription=tolloese, frequency="weekly", kinds=KIND_FIELDS, topics=[old]
        )


def test_a_forged_subscription_id_is_refused(client, followed, area):
    other = SubscriptionFactory(area=LocalArea.objects.get(slug="morkov"), email="anden@x.org")
    unconfirmed = SubscriptionFactory(
        area=LocalArea.objects.get(slug="regstrup"), email=EMAIL, unconfirmed=True
    )
    url = page_url(followed)
    for target in (other, unconfirmed):
        data = form_data(target, frequency="off", kinds=[])
        assert client.post(url, data).status_code == 404
        target.refresh_from_db()
        assert target.frequency == Frequency.WEEKLY
        assert client.post(url, {"subscription": str(target.pk), "stop": "1"}).status_code == 404
    assert client.post(url, {"subscription": "abc"}).status_code == 404
    assert client.post(url, {}).status_code == 404
    assert Subscription.objects.count() == 4


def test_stop_following_one_area_from_the_page(client, followed):
    tolloese, jyderup = followed
    url = page_url(followed)
    response = client.post(url, {"subscription": str(tolloese.pk), "stop": "1"})
    assert response.status_code == 200
    assert "Du følger ikke længere Tølløse." in response.text
    assert list(Subscription.objects.all()) == [jyderup]
    assert client.get(url).status_code == 200  # the link still opens the rest


def test_every_follower_mail_links_to_the_page_without_the_address(client, area, followed):
    NewsPostFactory(forum=area.forum, title="Ny bænk ved søen")
    assert digest.weekly_digest_send() == 1
    subscriptions.subscription_create(area=LocalArea.objects.get(slug="morkov"), email=EMAIL)
    digest_mail, confirm_mail = mail.outbox
    encoded = base64.urlsafe_b64encode(EMAIL.encode()).decode().rstrip("=")
    for message in (digest_mail, confirm_mail):
        (line,) = [line for line in message.body.splitlines() if "Vælg hvad og hvor ofte" in line]
        path = LINK.search(line).group(1)
        assert path.startswith("/foelg/indstillinger/")
        assert "borger" not in path
        assert encoded[:12] not in path
        assert client.get(path).status_code == 200


def test_the_page_runs_the_same_queries_for_more_areas(client, followed):
    def grow():
        for slug in ["morkov", "regstrup", "tuse-naes", "svinninge"]:
            area = (
                LocalArea.objects.filter(slug=slug).first()
                or LocalArea.objects.exclude(subscriptions__email=EMAIL).first()
            )
            SubscriptionFactory(area=area, email=EMAIL).topics.add(*NewsTopic.objects.all())

    assert_constant_queries(client, page_url(followed), grow, limit=12)


def test_the_sign_up_form_offers_how_often_weekly_by_default(client, area):
    page = client.get("/lokalomraader/tollose/foelg/").text
    assert re.search(r'value="weekly"[^>]*checked', page)
    client.post("/lokalomraader/tollose/foelg/", {"email": EMAIL, "frequency": "immediately"})
    assert Subscription.objects.get(email=EMAIL).frequency == Frequency.IMMEDIATELY
    client.post("/lokalomraader/jyderup/foelg/", {"email": EMAIL})
    assert Subscription.objects.get(area__slug="jyderup").frequency == Frequency.WEEKLY
    response = client.post("/lokalomraader/morkov/foelg/", {"email": EMAIL, "frequency": "x"})
    assert response.status_code == 400
    assert "Vælg en af mulighederne." in response.text
    # Someone else's sign-up never changes an existing follower's choice.
    client.post("/lokalomraader/tollose/foelg/", {"email": EMAIL, "frequency": "off"})
    assert Subscription.objects.get(area=area).frequency == Frequency.IMMEDIATELY
