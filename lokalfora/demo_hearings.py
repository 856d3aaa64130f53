"""Demo hearings, played through the services at the times they would have happened.

1. "(Demo) Trafiksikkerhedsplan for landsbyerne", sent 70 days ago to Jyderup, Tølløse
   and Mørkøv, deadline 40 days ago: Jyderup's first contact drafted the answer and the
   second sent it (it gave a phone number, so it was held and then redacted by staff);
   Tølløse said "ingen bemærkninger"; Mørkøv got both reminders and ended "ingen
   reaktion". The høringsnotat is published, and the committee decided on it 21 days ago
   (projektudvalg/demo_meetings.py links its item to the hearing).
2. "(Demo) Ny lokalplan for Jyderup bymidte", a forhøring open to everyone, sent to all 18
   forums 5 days ago, deadline in 20 days, answers public at once: an association's answer
   is public, a private person's (with a phone number) waits for a staff member, and
   Jyderup's forum is working on its draft.

3. "(Demo) Nye åbningstider på bibliotekerne ...", a voluntary hearing of Tølløse and
   Ugerløse whose deadline passed 3 days ago: Tølløse answered, Ugerløse did not; staff
   are writing the høringsnotat (the state a visitor can try the editor in).

The demo contacts' addresses (kontakt-<area>@example.org) are demo users, so a visitor can
sign in as a forum's contact person and answer.
"""

import datetime

from django.core.files.base import ContentFile
from django.utils import timezone

from holbaek.demo import demo_user
from lokalfora.models import ContactPerson, Forum, Hearing, HearingSettings
from lokalfora.services import (
    hearing_documents,
    hearing_invitations,
    hearing_notes,
    hearing_responses,
    hearings,
)

TRAFFIC_TITLE = "(Demo) Trafiksikkerhedsplan for landsbyerne"
PLAN_TITLE = "(Demo) Ny lokalplan for Jyderup bymidte"
LIBRARY_TITLE = "(Demo) Nye åbningstider på bibliotekerne i Tølløse og Ugerløse"
DAY = datetime.timedelta(days=1)
CONSENTED_AGO = 60 * DAY  # as lokalfora/demo.py's contacts

# A one-page PDF, so the material can be downloaded.
DEMO_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _forum(slug: str) -> Forum:
    return Forum.objects.select_related("area").get(area__slug=slug)


def _first_contact(forum: Forum):
    """The forum's demo contact, as a demo user."""
    first = forum.contacts.active().exclude(email="").first()
    return demo_user(first.email, first.name.replace(" (opdigtet)", ""))


def _contacts(forum: Forum):
    """The forum's demo contact as a demo user, and a second contact who is one too
    (who consented to show the name, and confirmed, when the demo contacts did)."""
    second, _created = ContactPerson.objects.get_or_create(
        forum=forum,
        email=f"kontakt2-{forum.area.slug}@example.org",
        defaults={
            "name": f"Demo Næstformand {forum.area.name} (opdigtet)",
            "role": "Næstformand",
            "last_confirmed": timezone.localdate() - CONSENTED_AGO,
            "name_public_since": timezone.localdate() - CONSENTED_AGO,
        },
    )
    return (
        _first_contact(forum),
        demo_user(second.email, second.name.replace(" (opdigtet)", "")),
    )


def _document(hearing, title, kind):
    upload = ContentFile(DEMO_PDF, name=f"{kind}.pdf")
    hearing_documents.hearing_document_add(hearing=hearing, uploaded=upload, title=title, kind=kind)


def _traffic(staff) -> Hearing:
    today = timezone.localdate()
    start = _at(today - 70 * DAY, 10)
    deadline = _at(today - 40 * DAY, 23, 59)
    forums = [_forum(slug) for slug in ("jyderup", "tollose", "morkov")]
    hearing = hearings.hearing_save(
        by=staff,
        data={
            "title": TRAFFIC_TITLE,
            "summary": (
                "Kommunen foreslår 40 km/t gennem landsbyerne, flere krydsningsheller og "
                "sikre skoleveje. Hvad mener lokalforaene?"
            ),
            "case_number": "05.00.00-P20-3-26 (demo)",
            "department": "Plan og Byg, Trafik",
            "contact_email": "trafik@example.org",
            "contact_phone": "72 36 36 36",
            "kind": "forums",
            "starts_at": start,
            "deadline": deadline,
            "response_visibility": "after_deadline",
        },
        forums=forums,
        parties=["Ældrerådet (demo)", "Handicaprådet (demo)"],
        now=start,
    )
    _document(hearing, "Høringsbrev", "letter")
    _document(hearing, "Udkast til trafiksikkerhedsplan", "material")
    hearings.hearing_publish(hearing=hearing, by=staff, now=start)
    answer = _traffic_answers(hearing, forums, staff, start)
    return _traffic_close(hearing, answer, staff, deadline)


def _traffic_answers(hearing, forums, staff, start):
    """Jyderup's draft and answer (redacted), Tølløse's "ingen bemærkninger"."""
    jyderup, tollose, _morkov = forums
    first, second = _contacts(jyderup)
    hearing_responses.forum_draft_save(
        hearing=hearing, forum=jyderup, by=first, now=start + 3 * DAY,
        data={"author_name": first.full_name, "text": (
            "Lokalforum Jyderup støtter 40 km/t på Holbækvej og ønsker en krydsningshelle "
            "ved skolen. Spørgsmål kan rettes til vores formand på 11 22 33 44."
        )},
    )  # fmt: skip
    answer = hearing_responses.forum_response_submit(
        hearing=hearing, forum=jyderup, by=second, now=start + 5 * DAY,
        data={"author_name": second.full_name, "consent_ack": True},
    )  # fmt: skip
    answer = hearing_responses.response_redact(
        response=answer,
        by=staff,
        reason="Et privat telefonnummer er fjernet før offentliggørelse.",
        public_text=(
            "Lokalforum Jyderup støtter 40 km/t på Holbækvej og ønsker en krydsningshelle "
            "ved skolen. Spørgsmål kan rettes til lokalforummets formand."
        ),
    )
    hearing_invitations.invitation_set_status(
        invitation=hearing.invitations.get(forum=tollose),
        status="no_comments",
        by=_first_contact(tollose),
        now=start + 8 * DAY,
    )
    return answer


def _traffic_close(hearing, answer, staff, deadline):
    """Mørkøv's two reminders, the deadline, the høringsnotat."""
    hearing_settings = HearingSettings.current()
    for days_before in hearing_settings.reminder_offsets():
        due = _at(deadline.date() - days_before * DAY, hearing_settings.reminder_hour, 5)
        hearing_invitations.reminders_send(now=due)
    hearings.hearings_advance(now=deadline + datetime.timedelta(minutes=5))
    hearing.refresh_from_db()
    hearing_notes.hearing_note_intro_save(
        hearing=hearing,
        by=staff,
        intro=(
            "Høringen af lokalforaene i Jyderup, Tølløse og Mørkøv gav ét svar. Tølløse "
            "havde ingen bemærkninger, og Mørkøv svarede ikke."
        ),
    )
    hearing_notes.note_line_save(
        hearing=hearing,
        response=answer,
        summary="Støtter 40 km/t og ønsker en krydsningshelle ved skolen.",
        comment="Krydsningshellen ved skolen tages med i planen.",
        leads_to_change=True,
    )
    return hearings.hearing_conclude(hearing=hearing, by=staff, now=deadline + 5 * DAY)


def _plan(staff) -> Hearing:
    today = timezone.localdate()
    start = _at(today - 5 * DAY, 9)
    deadline = _at(today + 20 * DAY, 23, 59)
    hearing = hearings.hearing_save(
        by=staff,
        data={
            "title": PLAN_TITLE,
            "summary": (
                "Før kommunen skriver et forslag til lokalplan for Jyderup bymidte, vil vi "
                "gerne høre idéer og ønsker: torvet, butikkerne, stierne og parkeringen."
            ),
            "case_number": "01.02.05-P16-7-26 (demo)",
            "department": "Plan og Byg",
            "contact_email": "plan@example.org",
            "contact_phone": "72 36 36 36",
            "kind": "pre_hearing",
            "legal_hearing_url": "https://www.planportalen.dk/",
            "starts_at": start,
            "deadline": deadline,
            "open_to_public": True,
            "response_visibility": "at_once",
        },
        forums=list(Forum.objects.all()),
        now=start,
    )
    _document(hearing, "Idéoplæg: Jyderup bymidte", "material")
    hearings.hearing_publish(hearing=hearing, by=staff, now=start)
    _plan_answers(hearing, start)
    return hearing


def _plan_answers(hearing, start) -> None:
    """An association's answer, a private person's (held), Jyderup's draft."""
    hearing_responses.public_response_submit(
        hearing=hearing, by=None, now=start + DAY,
        data={"on_behalf_of": "organisation",
              "organisation_name": "Jyderup Handelsstandsforening (demo)",
              "author_name": "Demo Handlende", "author_email": "handel@example.org",
              "text": "Behold parkeringen tæt på butikkerne, og gør torvet grønnere.",
              "consent_ack": True},
    )  # fmt: skip
    hearing_responses.public_response_submit(
        hearing=hearing, by=None, now=start + 2 * DAY,
        data={"on_behalf_of": "private", "author_name": "Demo Borger Jensen",
              "author_email": "borger-jensen@example.org", "initials_only": True,
              "text": "Jeg bor ved torvet. Ring gerne på 22 33 44 55, hvis I vil høre mere.",
              "consent_ack": True},
    )  # fmt: skip
    jyderup = _forum("jyderup")
    first = _first_contact(jyderup)
    hearing_responses.forum_draft_save(
        hearing=hearing, forum=jyderup, by=first, now=start + 3 * DAY,
        data={"author_name": first.full_name,
              "text": "Udkast: Lokalforummet ønsker en sti fra stationen til torvet."},
    )  # fmt: skip


def _library(staff) -> Hearing:
    today = timezone.localdate()
    start = _at(today - 30 * DAY, 10)
    deadline = _at(today - 3 * DAY, 23, 59)
    tollose, ugerlose = _forum("tollose"), _forum("ugerlose")
    hearing = hearings.hearing_save(
        by=staff,
        data={
            "title": LIBRARY_TITLE,
            "summary": "Kommunen foreslår at åbne bibliotekerne om lørdagen og lukke om mandagen.",
            "case_number": "18.15.00-G01-2-26 (demo)",
            "department": "Kultur og Fritid",
            "contact_email": "kultur@example.org",
            "contact_phone": "72 36 36 36",
            "kind": "voluntary",
            "starts_at": start,
            "deadline": deadline,
            "response_visibility": "after_deadline",
        },
        forums=[tollose, ugerlose],
        now=start,
    )
    _document(hearing, "Høringsbrev om åbningstider", "letter")
    hearings.hearing_publish(hearing=hearing, by=staff, now=start)
    first = _first_contact(tollose)
    hearing_responses.forum_response_submit(
        hearing=hearing, forum=tollose, by=first, now=start + 10 * DAY,
        data={"author_name": first.full_name, "consent_ack": True,
              "text": "Lørdagsåbent er godt for familierne. Behold gerne én aften om ugen."},
    )  # fmt: skip
    hearings.hearings_advance(now=deadline + datetime.timedelta(minutes=5))
    return hearing


def load(staff) -> str:
    if Hearing.objects.filter(title__in=[TRAFFIC_TITLE, PLAN_TITLE, LIBRARY_TITLE]).exists():
        return "demohøringer findes allerede"
    _first_contact(_forum("morkov"))
    _traffic(staff)
    _library(staff)
    _plan(staff)
    return (
        "3 demohøringer (afsluttet med høringsnotat, frist udløbet, åben for alle); "
        "kontaktpersonerne kontakt-jyderup@, kontakt-tollose@ og kontakt-morkov@example.org "
        "kan logge ind"
    )
