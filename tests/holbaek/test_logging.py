"""The log: a refusal is one warning line, every record is written once, mails stay readable."""

import base64
import io
import logging

import pytest
from django.core import mail
from django.core.mail import EmailMessage
from django.test import Client

from holbaek.console_mail import EmailBackend as ConsoleBackend
from holbaek.mailconfig import mailer_from_url
from tests.factories import make_user


@pytest.fixture
def console():
    """Everything the configured console handlers write, in one buffer.

    Every plain StreamHandler on any logger (the configuration from settings.LOGGING
    and Django's defaults) writes here, so a record printed twice shows up twice.
    """
    buffer = io.StringIO()
    loggers = [logging.getLogger(), *logging.Logger.manager.loggerDict.values()]
    handlers = {
        handler
        for logger in loggers
        for handler in getattr(logger, "handlers", [])
        if type(handler) is logging.StreamHandler
    }
    assert handlers, "no console handler configured"
    previous = {handler: handler.setStream(buffer) for handler in handlers}
    yield buffer
    for handler, stream in previous.items():
        handler.setStream(stream)


def lines(buffer):
    return [line for line in buffer.getvalue().splitlines() if line.strip()]


@pytest.mark.django_db
def test_a_permission_refusal_is_one_warning_line(client, console, caplog):
    client.force_login(make_user("borger@example.org"))
    response = client.get("/puljer/behandling/")
    assert response.status_code == 403
    assert lines(console) == ["Forbidden (Permission denied): /puljer/behandling/"]
    assert [r.levelname for r in caplog.records if r.name == "django.request"] == ["WARNING"]


@pytest.mark.django_db
def test_a_bad_host_header_is_one_warning_line_and_no_mail(client, console, settings, mailoutbox):
    settings.ADMINS = ["drift@example.org"]
    response = client.get("/", headers={"host": "evil.example"})
    assert response.status_code == 400
    (line,) = lines(console)
    assert line.startswith("Invalid HTTP_HOST header: 'evil.example'")
    assert mailoutbox == []


@pytest.mark.django_db
def test_a_missing_page_and_a_csrf_failure_are_one_line_each(client, console, reference_data):
    assert client.get("/lokalomraader/findes-ikke/").status_code == 404
    assert Client(enforce_csrf_checks=True).post("/sparring/").status_code == 403
    logged = lines(console)
    assert len(logged) == 2, logged
    assert "Traceback" not in console.getvalue()


def test_a_real_error_keeps_its_traceback(console):
    try:
        raise ValueError("boom")
    except ValueError:
        logging.getLogger("django.request").exception("Internal Server Error: /")
    assert "Traceback" in console.getvalue()
    assert "ValueError: boom" in console.getvalue()


def test_each_record_is_written_once(console, settings):
    settings.DEBUG = True  # Django's own console handler only writes when DEBUG is on
    logging.getLogger("django.request").warning("Not Found: /once/")
    logging.getLogger("django.db.backends").warning("slow query")
    logging.getLogger("projektudvalg.tasks").warning("reminder")
    assert lines(console) == ["Not Found: /once/", "slow query", "reminder"]


def test_weasyprint_steps_are_not_logged(console):
    logging.getLogger("weasyprint.progress").info("Step 5 - Creating layout - Page 1")
    logging.getLogger("weasyprint").info("Step 6 - Drawing")
    logging.getLogger("fontTools.subset").info("Glyph names: ...")
    assert lines(console) == []


def test_the_development_mailer_prints_attachments_as_one_line_each(settings):
    assert mailer_from_url("consolemail://")["BACKEND"] == "holbaek.console_mail.EmailBackend"
    pdf = b"%PDF-1.7\n" + bytes(range(256)) * 40
    message = EmailMessage(
        "Afgørelse på din ansøgning",
        "Kære Karen\n\nVi har bevilget 60.000 kr.\n",
        "lokalportal@holbaek.dk",
        ["karen@example.org"],
        headers={"Reply-To": "puljer@holbaek.dk"},
    )
    message.attach("afgoerelse.pdf", pdf, "application/pdf")
    stream = io.StringIO()
    ConsoleBackend(stream=stream).send_messages([message])
    printed = stream.getvalue()
    assert "Subject: Afgørelse på din ansøgning" in printed
    assert "To: karen@example.org" in printed
    assert "Reply-To: puljer@holbaek.dk" in printed
    assert "Vi har bevilget 60.000 kr." in printed
    assert f"afgoerelse.pdf, application/pdf, {len(pdf)} bytes" in printed
    assert base64.b64encode(pdf)[:40].decode() not in printed
    assert len(printed.splitlines()) < 15


def test_the_development_mailer_is_used_through_mailers(settings, capsys):
    settings.MAILERS = {"default": mailer_from_url("consolemail://")}
    message = EmailMessage("Hej", "Tekst", to=["a@example.org"])
    message.attach("bilag.pdf", b"%PDF-1.7 " * 1000, "application/pdf")
    mail.mailers.default.send_messages([message])
    out = capsys.readouterr().out
    assert "bilag.pdf, application/pdf, 9000 bytes" in out
    assert "JVBER" not in out  # the start of a PDF in base64
