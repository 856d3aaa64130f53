"""Shared set-up of the meeting tests: a committee meeting made through the services and
moved along its statuses, the clock at 10 December 2026 unless a test sets it."""

from django.core.files.uploadedfile import SimpleUploadedFile

from projektudvalg import services
from tests.clock import danish

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def make_meeting(**data):
    values = {
        "title": "Møde i Projektudvalget",
        "starts_at": danish("2026-12-10 17:00"),
        "place": "Holbæk Rådhus",
        "not_in_official_system": True,
    }
    return services.meeting_create(data=values | data)


def add_item(meeting, **data):
    values = {"title": "Sag om stier", "description": "Sagens beskrivelse."} | data
    return services.agenda_item_create(meeting=meeting, data=values)


def held(meeting, clock):
    """Publishes the agenda (the meeting needs an item) and marks it held after it began."""
    if not meeting.items.exists():
        add_item(meeting)
    services.meeting_publish_agenda(meeting=meeting)
    clock.set(meeting.starts_at + (meeting.ends_at - meeting.starts_at if meeting.ends_at else
              danish("2026-12-10 19:00") - danish("2026-12-10 17:00")))  # fmt: skip
    return services.meeting_mark_held(meeting=meeting)


def pdf_upload(name="bilag.pdf"):
    return SimpleUploadedFile(name, PDF, content_type="application/pdf")
