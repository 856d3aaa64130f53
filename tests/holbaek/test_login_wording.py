"""The login and totrinslogin pages speak plain Danish, with one term: totrinslogin."""

import re

import pytest
from allauth.mfa.totp.internal.auth import SECRET_SESSION_KEY

from holbaek import roles
from tests.factories import make_user
from tests.holbaek.test_mfa_flow import PASSWORD, current_code

pytestmark = pytest.mark.django_db

BANNED = [
    "succesfuldt",
    "med success",
    "to-faktor",
    "tofaktor",
    "autentificer",  # -ing, -ingsapp, -ingskode, Genautentificer
    "venligst",
    "password",
    "two-factor",
]


def visible_text(html: str) -> str:
    html = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(
        r'<[^>]+(?:title|aria-label|placeholder|value|alt)="([^"]*)"[^>]*>', r" \1 ", html
    )
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


class Walk:
    """Every page and message a staff member meets from login to totrinslogin and back."""

    def __init__(self, client):
        self.client = client
        self.pages: dict[str, str] = {}
        self.headings: dict[str, list[str]] = {}  # the title and the h1

    def see(self, name, response):
        assert response.status_code == 200, (name, response.status_code)
        html = response.content.decode()
        self.pages[name] = visible_text(html)
        self.headings[name] = [
            visible_text(found).strip()
            for found in re.findall(r"<(?:title|h1)\b[^>]*>(.*?)</(?:title|h1)>", html, re.S)
        ]
        return response

    def get(self, name, url):
        return self.see(name, self.client.get(url, follow=True))

    def post(self, name, url, data):
        return self.see(name, self.client.post(url, data, follow=True))


@pytest.fixture
def walk(client, settings):
    settings.MFA_TOTP_TOLERANCE = 1
    user = make_user("ny@example.org", role=roles.COMMITTEE_STAFF)
    walk = Walk(client)
    walk.get("login", "/konto/login/")
    walk.post("logged in", "/konto/login/", {"login": user.email, "password": PASSWORD})
    walk.get("mfa index", "/konto/2fa/")
    walk.get("totp activate", "/konto/2fa/totp/activate/")
    secret = client.session[SECRET_SESSION_KEY]
    walk.post("totp activated", "/konto/2fa/totp/activate/", {"code": current_code(secret)})
    walk.get("recovery codes", "/konto/2fa/recovery-codes/")
    walk.get("mfa index with totp", "/konto/2fa/")
    walk.get("password reauthentication", "/konto/reauthenticate/")
    walk.get("mfa reauthentication", "/konto/2fa/reauthenticate/")
    walk.get("totp deactivate", "/konto/2fa/totp/deactivate/")
    walk.post("logged out", "/konto/logout/", {})
    walk.post("password before code", "/konto/login/", {"login": user.email, "password": PASSWORD})
    walk.pages["mfa login"] = walk.pages.pop("password before code")
    walk.headings["mfa login"] = walk.headings.pop("password before code")
    walk.post(
        "logged in with code",
        "/konto/2fa/authenticate/",
        {"code": current_code(secret, offset=1)},
    )
    return walk


# (page, its title, its heading): allauth's own say "To-faktor-autentificering".
MFA_PAGES = [
    ("mfa index", "Totrinslogin", "Totrinslogin"),
    ("mfa index with totp", "Totrinslogin", "Totrinslogin"),
    ("mfa login", "Log ind", "Totrinslogin"),
    ("totp activate", "Slå godkendelsesapp til", "Slå godkendelsesapp til"),
    ("password reauthentication", "Bekræft, at det er dig", "Bekræft, at det er dig"),
]


def banned_in(text: str) -> list[str]:
    return [phrase for phrase in BANNED if phrase in text.lower()]


def test_no_page_from_login_to_totrinslogin_uses_the_banned_phrases(walk):
    assert len(walk.pages) == 13
    problems = {name: banned_in(text) for name, text in walk.pages.items() if banned_in(text)}
    assert problems == {}


def test_titles_and_headings_use_the_one_term(walk):
    for name, title, heading in MFA_PAGES:
        assert walk.headings[name] == [f"{title} – Lokalportal – Holbæk Kommune", heading]


def test_the_pages_say_it_plainly(walk):
    assert "Du er logget ind som ny@example.org." in walk.pages["logged in"]
    assert "Du er logget ind som ny@example.org." in walk.pages["logged in with code"]
    assert "Du er logget ud." in walk.pages["logged out"]
    assert "Bekræft, at det er dig" in walk.pages["password reauthentication"]
    assert "Skriv koden fra din godkendelsesapp" in walk.pages["mfa login"]
    assert "Slå godkendelsesapp til" in walk.pages["totp activate"]


# allauth's messages: the text files it renders for the messages framework and its mails.
MESSAGE_TEMPLATES = [
    "account/messages/logged_in.txt",
    "account/messages/logged_out.txt",
    "account/messages/password_changed.txt",
    "account/messages/password_set.txt",
    "account/messages/email_confirmation_sent.txt",
    "mfa/messages/totp_activated.txt",
    "mfa/messages/totp_deactivated.txt",
    "mfa/messages/recovery_codes_generated.txt",
    "mfa/messages/webauthn_added.txt",
    "mfa/messages/webauthn_removed.txt",
    "mfa/email/totp_activated_message.txt",
    "mfa/email/totp_activated_subject.txt",
    "mfa/email/recovery_codes_generated_message.txt",
]


@pytest.mark.parametrize("template", MESSAGE_TEMPLATES)
def test_allauths_messages_are_plain_danish(template, rf):
    from django.template.loader import render_to_string
    from django.utils import translation

    user = make_user("ny@example.org")
    context = {"user": user, "name": user.email, "email": user.email, "request": rf.get("/")}
    with translation.override("da"):
        text = render_to_string(template, context)
    assert text.strip()
    assert banned_in(text) == []


def test_allauths_form_errors_and_mfa_refusals_are_plain_danish():
    from allauth.account.adapter import get_adapter
    from allauth.mfa.adapter import get_adapter as get_mfa_adapter
    from django.utils import translation

    with translation.override("da"):
        texts = [str(text) for text in get_adapter().error_messages.values()]
        texts += [str(text) for text in get_mfa_adapter().error_messages.values()]
    assert "E-mailadressen eller adgangskoden er forkert." in texts
    assert "Du kan ikke slå totrinslogin fra." in texts
    assert [text for text in texts if banned_in(text)] == []


def test_the_danish_overrides_are_compiled():
    import gettext
    from pathlib import Path

    from tests.holbaek.test_translations import unescape

    po = Path(__file__).resolve().parents[2] / "locale" / "da" / "LC_MESSAGES" / "django.po"
    pairs = re.findall(r'^msgid "(.+)"\nmsgstr "(.*)"$', po.read_text(encoding="utf-8"), re.M)
    with po.with_suffix(".mo").open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    assert len(pairs) > 40
    stale = [msgid for msgid, text in pairs if catalogue.gettext(unescape(msgid)) != unescape(text)]
    assert stale == [], "the .mo is older than the .po: run `make messages`"
