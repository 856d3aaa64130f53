"""Issue 11 item 18a: every mail goes through holbaek.mail, which renders its subject and
body together in the recipient's language (Danish unless the portal speaks theirs)."""

from django.utils import translation
from django.utils.translation import gettext_lazy

from holbaek import mail

SUBJECT = gettext_lazy("Bekræft, at du vil følge %(area)s")


def test_subject_and_body_are_danish_while_an_english_request_is_active():
    with translation.override("en"):
        message = mail.compose(
            to=["a@example.org"],
            subject=SUBJECT,
            subject_params={"area": "Tølløse"},
            body=lambda: str(gettext_lazy("Venlig hilsen\nHolbæk Kommune")),
        )
        assert translation.get_language() == "en"  # the request's language is left alone
    assert message.subject == "Bekræft, at du vil følge Tølløse"
    assert message.body == "Venlig hilsen\nHolbæk Kommune"


def test_a_recipient_who_reads_english_gets_english_and_an_unknown_language_danish():
    english = mail.compose(
        to=["a@example.org"], language="en-GB", subject=SUBJECT, subject_params={"area": "Orø"},
        body="",
    )  # fmt: skip
    assert english.subject == "Confirm that you want to follow Orø"
    assert mail.mail_language("de") == "da"
    assert mail.mail_language(None) == "da"


def test_headers_reply_to_and_attachments_are_kept():
    message = mail.compose(
        to=["a@example.org"],
        subject="Afgørelse",
        body="Se brevet.",
        headers={"List-Unsubscribe": "<https://example.org/afmeld/>"},
        reply_to=["sekretariat@example.org"],
        attachments=[("tilsagn.pdf", b"%PDF-1.7", "application/pdf")],
    )
    assert message.extra_headers["List-Unsubscribe"] == "<https://example.org/afmeld/>"
    assert message.reply_to == ["sekretariat@example.org"]
    [(filename, content, mimetype)] = [
        (a.filename, a.content, a.mimetype) for a in message.attachments
    ]
    assert (filename, content, mimetype) == ("tilsagn.pdf", b"%PDF-1.7", "application/pdf")


def test_a_subject_is_one_line():
    message = mail.compose(to=["a@example.org"], subject="Nyt fra\nOrø  og Tølløse", body="")
    assert message.subject == "Nyt fra Orø og Tølløse"
