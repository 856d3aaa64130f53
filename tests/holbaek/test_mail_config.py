"""EMAIL_URL: every scheme django-environ names gives a working mailer."""

import pytest
from django.core import mail
from django.core.mail import EmailMessage

from holbaek.mailconfig import mailer_from_url

SCHEMES = {
    "smtp://mail.example.org": "django.core.mail.backends.smtp.EmailBackend",
    "smtps://portal:hemmelig@mail.example.org:587": "django.core.mail.backends.smtp.EmailBackend",
    "smtp+tls://portal:hemmelig@mail.example.org:587": (
        "django.core.mail.backends.smtp.EmailBackend"
    ),
    "smtp+ssl://portal:hemmelig@mail.example.org:465?timeout=5": (
        "django.core.mail.backends.smtp.EmailBackend"
    ),
    "consolemail://": "holbaek.console_mail.EmailBackend",
    "filemail:///FOLDER": "django.core.mail.backends.filebased.EmailBackend",
    "memorymail://": "django.core.mail.backends.locmem.EmailBackend",
    "dummymail://": "django.core.mail.backends.dummy.EmailBackend",
}


@pytest.mark.parametrize(("url", "backend"), SCHEMES.items())
def test_every_scheme_gives_a_mailer_django_can_build(settings, tmp_path, url, backend):
    url = url.replace("/FOLDER", str(tmp_path))
    settings.MAILERS = {"default": mailer_from_url(url)}
    connection = mail.mailers.default
    assert f"{type(connection).__module__}.{type(connection).__name__}" == backend


def test_smtp_options_come_from_the_url():
    options = mailer_from_url("smtp+ssl://portal:hemmelig@mail.example.org:465?timeout=5")[
        "OPTIONS"
    ]
    assert options == {
        "host": "mail.example.org",
        "port": 465,
        "username": "portal",
        "password": "hemmelig",
        "use_tls": False,
        "use_ssl": True,
        "timeout": 5,
    }
    assert mailer_from_url("smtp+tls://mail.example.org")["OPTIONS"]["use_tls"] is True


def test_filemail_writes_each_mail_into_the_folder(settings, tmp_path):
    folder = tmp_path / "mails"
    settings.MAILERS = {"default": mailer_from_url(f"filemail://{folder}")}
    EmailMessage("Kvittering", "Tak for din ansøgning.", to=["borger@example.org"]).send()
    (written,) = folder.iterdir()
    assert "Subject: Kvittering" in written.read_text()
