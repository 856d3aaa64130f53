"""Item 18a: an applicant's mail made while an English request is active is wholly Danish."""

import pytest
from django.core import mail
from django.utils import translation

from projektudvalg import mails

pytestmark = pytest.mark.django_db


def test_the_receipt_is_danish_during_an_english_request(submitted):
    mail.outbox.clear()
    with translation.override("en"):
        mails.receipt(submitted.pk)
    [message] = mail.outbox
    assert message.subject == f"Kvittering: ansøgning {submitted.reference} er modtaget"
    assert message.body.startswith("Hej\n\nTak for din ansøgning til")
    assert message.body.endswith(mails.SIGNATURE)
    assert "Thank you" not in message.body
