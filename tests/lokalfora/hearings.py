"""Building hearings for the tests, through the services: a hearing to some forums, with
its material, sent; and contact persons who are signed-in users."""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from lokalfora.models import Forum, HearingKindRule
from lokalfora.services.hearing_documents import hearing_document_add
from lokalfora.services.hearings import hearing_publish, hearing_save
from tests.clock import danish
from tests.factories import ContactPersonFactory, make_user

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def pdf_upload(name="materiale.pdf", content=PDF):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def hearing_data(**overrides) -> dict:
    """Fields of a forum hearing from 1 to 31 December 2026, 23:59."""
    data = {
        "title": "Trafikplan for landsbyerne",
        "summary": "Kommunen foreslår lavere fart gennem landsbyerne.",
        "case_number": "05.01.00-P20-1-26",
        "department": "Plan og Byg",
        "contact_email": "plan@holbaek.dk",
        "contact_phone": "72 36 36 36",
        "kind": "forums",
        "starts_at": danish("2026-12-01 00:00"),
        "deadline": danish("2026-12-31 23:59"),
        "response_visibility": "after_deadline",
    }
    data.update(overrides)
    return data


def make_hearing(forums, *, publish=True, by=None, parties=(), **overrides):
    """A hearing to `forums` (slugs of areas, or Forum rows), with material, sent when
    `publish` (the clock must then be before its deadline)."""
    forums = [
        forum if isinstance(forum, Forum) else Forum.objects.get(area__slug=forum)
        for forum in forums
    ]
    HearingKindRule.objects.filter(kind=overrides.get("kind", "forums")).delete()
    hearing = hearing_save(by=by, data=hearing_data(**overrides), forums=forums, parties=parties)
    hearing_document_add(hearing=hearing, uploaded=pdf_upload(), title="Høringsbrev", kind="letter")
    if publish:
        hearing = hearing_publish(hearing=hearing, by=by)
    return hearing


def contact_user(forum_slug, email, name="Karen Kontakt"):
    """An active contact person of the forum, and a signed-in user with the same address."""
    forum = Forum.objects.get(area__slug=forum_slug)
    ContactPersonFactory(forum=forum, name=name, email=email)
    user = make_user(email)
    user.full_name = name
    user.save(update_fields=["full_name"])
    return user


DAY = datetime.timedelta(days=1)
