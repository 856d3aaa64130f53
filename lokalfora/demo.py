"""Fictional demo content: contact persons, news, events, a volunteer editor and a grant year.

Names are invented and marked as such; e-mail addresses use example.org.

Last year gets the illustrative grant scheme, approved, and three forums at different
stages: Jyderup paid with accounts accepted, Tølløse paid with accounts still to
come (its demo editor can submit them), and Orø, which cannot be paid yet (no
agreement). The CVR numbers are made up.
"""

import datetime
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction
from django.utils import timezone

from holbaek.demo import demo_user
from lokalfora.models import (
    ContactPerson,
    Event,
    EventKind,
    Forum,
    GrantScheme,
    Hearing,
    LocalArea,
    NewsPost,
    SchemeKind,
)
from lokalfora.selectors.grant_followup import year_status
from lokalfora.services.forums import forum_editor_add
from lokalfora.services.grant_followup import (
    annual_accounts_review,
    annual_accounts_submit,
    cooperation_agreement_register,
    grant_payment_register,
)
from lokalfora.services.grants import grant_scheme_approve
from lokalfora.services.hearings import hearing_document_add, hearing_publish, hearing_save

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
    for index, forum in enumerate(forums):
        if not forum.contacts.exists():
            _demo_contact(forum, index)
        if not forum.description:
            _demo_profile(forum)
        if not forum.events.exists():
            _demo_events(forum, index)
        if not forum.news.exists():
            _demo_news(forum, index)
    editor = demo_user("redaktoer@example.org", "Demo Redaktør")
    tollose = next(forum for forum in forums if forum.area.slug == "tollose")
    forum_editor_add(forum=tollose, user=editor)
    if not Hearing.objects.exists():
        _demo_hearing(forums)
    return (
        f"{len(forums)} lokalfora med opdigtede kontaktpersoner og nyheder; "
        f"redaktoer@example.org; {_demo_grant_year()}"
    )


DEMO_PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _demo_hearing(forums) -> None:
    """A planned hearing to three forums, with its letter: it starts in three days, so
    loading the demo sends no invitations."""
    now = timezone.now()
    chosen = [forum for forum in forums if forum.area.slug in {"tollose", "jyderup", "morkov"}]
    hearing = hearing_save(
        by=None,
        data={
            "title": "Demo: trafikplan for landsbyerne",
            "summary": "Kommunen foreslår lavere fart gennem landsbyerne (opdigtet eksempel).",
            "case_number": "05.01.00-P20-1-99",
            "department": "Plan og Byg",
            "contact_email": "plan@example.org",
            "contact_phone": "72 36 36 36",
            "kind": "forums",
            "starts_at": now + datetime.timedelta(days=3),
            "deadline": now + datetime.timedelta(days=45),
            "open_to_public": True,
        },
        forums=chosen,
        now=now,
    )
    letter = SimpleUploadedFile("hoeringsbrev.pdf", DEMO_PDF, content_type="application/pdf")
    hearing_document_add(hearing=hearing, uploaded=letter, title="Høringsbrev", kind="letter")
    hearing_publish(hearing=hearing, by=None, now=now)


def _demo_contact(forum, index):
    consented = timezone.localdate() - CONSENTED_AGO
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


def _demo_profile(forum):
    forum.description = (
        f"(Demotekst) {forum.name} er åbent for alle i {forum.area.name}: borgere, "
        "foreninger, virksomheder og institutioner. Vi mødes, drøfter områdets ønsker "
        "og arrangerer debatmøder."
    )
    forum.meetings = "(Demotekst) Vi mødes første tirsdag i måneden kl. 19 i forsamlingshuset."
    forum.how_to_join = "(Demotekst) Mød op til et møde eller skriv til os. Alle er velkomne."
    forum.save()


def _demo_news(forum, index):
    now = timezone.now()
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


def _demo_grant_year() -> str:
    year = timezone.localdate().year - 1
    scheme, created = GrantScheme.objects.get_or_create(
        year=year,
        defaults={
            "kind": SchemeKind.FORMULA,
            "base": Decimal("13000"),
            "rate": Decimal("3.45"),
            "population_date": datetime.date(year, 1, 1),
            "accounts_due": datetime.date(year + 1, 3, 31),
            "is_illustrative": True,
        },
    )
    if not created:
        return f"tilskud {year} findes allerede"
    grant_scheme_approve(scheme=scheme, user=None)
    areas = LocalArea.objects.select_related("forum").in_bulk(
        ["tollose", "jyderup", "oro"], field_name="slug"
    )
    for slug, cvr in (("tollose", "11111111"), ("jyderup", "22222222")):
        _demo_paid(scheme, areas[slug], cvr)
    accounts = annual_accounts_submit(
        scheme=scheme,
        area=areas["jyderup"],
        uploaded=ContentFile(b"%PDF-1.4\n% Demoregnskab\n", name="demoregnskab.pdf"),
        no_wages=True,
        user=None,
    )
    annual_accounts_review(accounts=accounts, accept=True, note="", user=None)
    return (
        f"illustrativt tilskud {year}: godkendt, Tølløse og Jyderup udbetalt "
        "(Jyderups regnskab godkendt, Tølløses mangler), Orø mangler samarbejdsaftale"
    )


def _demo_paid(scheme, area, cvr):
    """The area's forum is an association with an agreement, and is paid its whole grant."""
    forum = area.forum
    forum.legal_form, forum.cvr = "association", cvr
    forum.save()
    cooperation_agreement_register(
        scheme=scheme, area=area, signed_on=datetime.date(scheme.year, 2, 1), user=None
    )
    (status,) = year_status(scheme, area=area)
    grant_payment_register(
        scheme=scheme,
        area=area,
        paid_on=datetime.date(scheme.year, 3, 1),
        amount=Decimal(status.line.amount),
        nemkonto_reference=f"DEMO-{scheme.year}-{area.slug.upper()}",
        user=None,
    )
