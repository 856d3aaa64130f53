"""Fictional demo content: contact persons, news and a volunteer editor.

Names are invented and marked as such; e-mail addresses use example.org.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from holbaek.demo import demo_user
from lokalfora import services
from lokalfora.models import ContactPerson, Event, EventKind, Forum, NewsPost

# The demo contacts consented and were confirmed this long before the demo is loaded, so
# they are never shown as stale (not confirmed for 12 months), whatever the year.
CONSENTED_AGO = datetime.timedelta(days=60)

NEWS = [
    ("Debatmøde om stier og cykelruter", "Kom og sæt præg på, hvor de nye stier skal gå."),
    ("Fællesspisning i forsamlingshuset", "Vi spiser sammen og hører om årets projekter."),
    ("Høring om lokalplan: vores svar", "Lokalforummet har sendt et høringssvar til kommunen."),
]


@transaction.atomic
def load() -> str:
    forums = list(Forum.objects.select_related("area"))
    now = timezone.now()
    consented = timezone.localdate() - CONSENTED_AGO
    for index, forum in enumerate(forums):
        if not forum.contacts.exists():
            ContactPerson.objects.create(
                forum=forum,
                name=f"Demo Kontaktperson {forum.area.name} (opdigtet)",
                role="Formand",
                email=f"kontakt-{forum.area.slug}@example.org",
                phone="11 22 33 44",
                name_public_since=consented,
                email_public_since=consented,
                phone_public_since=None if index % 2 else consented,
                last_confirmed=consented,
            )
        if not forum.description:
            forum.description = (
                f"(Demotekst) {forum.name} er åbent for alle i {forum.area.name}: borgere, "
                "foreninger, virksomheder og institutioner. Vi mødes, drøfter områdets ønsker "
                "og arrangerer debatmøder."
            )
            forum.meetings = (
                "(Demotekst) Vi mødes første tirsdag i måneden kl. 19 i forsamlingshuset."
            )
            forum.how_to_join = (
                "(Demotekst) Mød op til et møde eller skriv til os. Alle er velkomne."
            )
            forum.save()
        if not forum.events.exists():
            _demo_events(forum, index)
        if not forum.news.exists():
            for days, (title, summary) in enumerate(NEWS):
                NewsPost.objects.create(
                    forum=forum,
                    title=f"{title} ({forum.area.name})",
                    summary=f"(Demo) {summary}",
                    body=(
                        f"(Demotekst) {summary}\n\n## Sådan er du med\n\n"
                        "- Mød op til næste **lokalforummøde**\n"
                        "- Skriv til lokalforummet\n\nAlle er velkomne."
                    ),
                    published_at=now - datetime.timedelta(days=days * 7 + index),
                )
    editor = demo_user("redaktoer@example.org", "Demo Redaktør")
    tollose = next(forum for forum in forums if forum.area.slug == "tollose")
    services.forum_editor_add(forum=tollose, user=editor)
    return (
        f"{len(forums)} lokalfora med opdigtede kontaktpersoner og nyheder; redaktoer@example.org"
    )


EVENTS = [
    (EventKind.DEBATE, "Debatmøde om trafik og stier", 10, 19),
    (EventKind.FORUM_MEETING, "Lokalforummøde", 24, 19),
    (EventKind.EVENT, "Fællesspisning", -20, 18),
]


def _demo_events(forum, index):
    today = timezone.localdate()
    zone = timezone.get_default_timezone()
    for kind, title, days, hour in EVENTS:
        day = today + datetime.timedelta(days=days + index % 7)
        starts_at = datetime.datetime.combine(day, datetime.time(hour), tzinfo=zone)
        Event.objects.create(
            forum=forum,
            title=f"{title} ({forum.area.name})",
            kind=kind,
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(hours=2),
            place="Forsamlingshuset (demo)",
            address=f"Hovedgaden 1, {forum.area.main_town}",
            description="(Demotekst) Alle er velkomne. Der er kaffe og kage.",
            organiser=forum.name,
        )
