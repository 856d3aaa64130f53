"""The public hearing pages: the archive, a hearing, its answers, downloads, the
høringsnotat and an area's hearings. What the public may see, and never the authors'
contact details."""

import re

import pytest

from lokalfora.models import Hearing, HearingResponse, HearingStatus, ScreeningStatus
from lokalfora.services.hearing_invitations import invitation_set_status
from lokalfora.services.hearing_notes import note_line_save
from lokalfora.services.hearing_responses import (
    attachment_withhold,
    forum_response_submit,
    public_response_submit,
    response_hide,
    response_redact,
    response_release,
    response_withdraw,
)
from lokalfora.services.hearings import (
    hearing_archive,
    hearing_conclude,
    hearing_withdraw,
    hearings_advance,
)
from tests.factories import login, make_user
from tests.lokalfora.hearings import contact_user, make_hearing, pdf_upload
from tests.querycount import assert_constant_queries

pytestmark = pytest.mark.django_db

AUTHOR_EMAIL = "birte.borger@example.org"
AUTHOR_ADDRESS = "Skovvej 12, 4340 Tølløse"
AUTHOR_PHONE = "20 30 40 50"
# Anything that looks like the authors' details, however it is written.
SECRETS = [
    re.compile(r"birte\.borger|bo\.bager|hemmelig@", re.IGNORECASE),
    re.compile(r"20[\s.-]?30[\s.-]?40[\s.-]?50"),
    re.compile(r"Skovvej|Bagergade", re.IGNORECASE),
    re.compile(r"Ring til mig på"),  # the redacted answer's original text
]


def _private(name, email, text, **extra):
    data = {
        "on_behalf_of": "private",
        "author_name": name,
        "author_email": email,
        "address": AUTHOR_ADDRESS,
        "text": text,
        "consent_ack": True,
    }
    data.update(extra)
    return data


def _answers(hearing, staff):
    """A clear answer, a redacted one (its original had a phone number), a sensitive one,
    a hidden one, a withdrawn one; each author with an e-mail address and an address."""
    submit = public_response_submit
    clear = submit(
        hearing=hearing,
        by=None,
        data=_private("Birte Borger", AUTHOR_EMAIL, "Vi ønsker lavere fart ved skolen."),
    )
    redacted = submit(
        hearing=hearing,
        by=None,
        data=_private(
            "Bo Bager", "bo.bager@example.org", f"Ring til mig på {AUTHOR_PHONE}. Fart ned."
        ),
    )
    redacted = response_redact(
        response=redacted, by=staff, reason="Telefonnummer", public_text="Fart ned ved bageren."
    )
    sensitive = submit(
        hearing=hearing,
        by=None,
        data=_private(
            "Sofie Syg",
            "hemmelig@example.org",
            "Min sygdom gør fart farlig.",
            contains_sensitive_information=True,
        ),
    )
    hidden = submit(
        hearing=hearing,
        by=None,
        data=_private("Hans Skjult", "hemmelig@example.org", f"Skriv til {AUTHOR_EMAIL}."),
    )
    hidden = response_hide(response=hidden, by=staff, reason="Kun personoplysninger")
    withdrawn = submit(
        hearing=hearing,
        by=None,
        data=_private("Vera Fortryd", "hemmelig@example.org", "Jeg fortryder."),
    )
    response_withdraw(response=withdrawn)
    return {
        "clear": clear,
        "redacted": redacted,
        "sensitive": sensitive,
        "hidden": hidden,
        "withdrawn": withdrawn,
    }


@pytest.fixture
def staff(make_role_user):
    return make_role_user("committee_staff")


@pytest.fixture
def answered(clock, reference_data, staff):
    """An open hearing to Tølløse's and Jyderup's forums, open to all, answers public after
    the deadline (31 December), with every kind of answer."""
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose", "jyderup"], open_to_public=True, asks_for_address=True)
    answers = _answers(hearing, staff)
    return hearing, answers


def _after_deadline(clock):
    clock.set("2027-01-02 10:00")
    hearings_advance()


def _note_lines(hearing, keys=None):
    """A line for every submitted answer: "Resumé af <key>." when keys name them."""
    for response in HearingResponse.objects.submitted().filter(hearing=hearing):
        key = (keys or {}).get(response.pk, "svaret")
        note_line_save(
            hearing=hearing,
            response=response,
            summary=f"Resumé af {key}.",
            comment=f"Bemærkning til {key}.",
            leads_to_change=key == "clear",
        )


def _url(hearing, suffix=""):
    return f"/hoeringer/{hearing.pk}/{suffix}"


def test_every_page_renders_for_the_anonymous(client, clock, answered, staff):
    hearing, answers = answered
    _after_deadline(clock)
    _note_lines(hearing)
    hearing_conclude(hearing=hearing, by=staff)
    for url in [
        "/hoeringer/",
        _url(hearing),
        _url(hearing, f"svar/{answers['clear'].number}/"),
        _url(hearing, "hoeringsnotat/"),
        "/lokalomraader/tollose/hoeringer/",
        "/lokalomraader/tollose/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
    pdf = client.get(_url(hearing, "hoeringsnotat/?format=pdf"))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"


def test_a_draft_hearing_is_404_for_the_public_and_shown_to_staff(
    client, clock, reference_data, client_as
):
    clock.set("2026-12-01 10:00")
    draft = make_hearing(["tollose"], publish=False)
    document = draft.documents.get()
    assert client.get(_url(draft)).status_code == 404
    assert client.get(_url(draft, f"dokumenter/{document.pk}/")).status_code == 404
    assert "Trafikplan" not in client.get("/hoeringer/").text
    assert "Trafikplan" not in client.get("/lokalomraader/tollose/hoeringer/").text
    assert client_as("committee_staff").get(_url(draft)).status_code == 200


def test_the_material_downloads_and_a_wrong_pairing_is_404(client, clock, reference_data):
    clock.set("2026-12-01 10:00")
    first = make_hearing(["tollose"])
    second = make_hearing(["jyderup"])
    document = first.documents.get()
    download = client.get(_url(first, f"dokumenter/{document.pk}/"))
    assert download.status_code == 200
    assert b"".join(download.streaming_content).startswith(b"%PDF")
    assert client.get(_url(second, f"dokumenter/{document.pk}/")).status_code == 404
    assert client.get(_url(first, "dokumenter/999999/")).status_code == 404
    assert client.get("/hoeringer/999999/").status_code == 404


@pytest.mark.parametrize("which", ["sensitive", "hidden", "withdrawn"])
def test_a_sensitive_hidden_or_withdrawn_answer_is_404_for_the_public(
    client, clock, answered, staff, which
):
    hearing, answers = answered
    _after_deadline(clock)
    url = _url(hearing, f"svar/{answers[which].number}/")
    assert client.get(url).status_code == 404
    assert _client_for(client, make_user("borger@example.org")).get(url).status_code == 404
    assert _client_for(client, staff).get(url).status_code == 200


def test_a_held_answer_is_404_for_the_public(client, clock, answered, staff):
    hearing, _answers = answered
    held = public_response_submit(
        hearing=hearing,
        by=None,
        data=_private("Ole Ventende", "ole@example.org", "Mit nummer er 12345678."),
    )
    assert held.screening == ScreeningStatus.HELD
    _after_deadline(clock)
    url = _url(hearing, f"svar/{held.number}/")
    assert client.get(url).status_code == 404
    assert _client_for(client, staff).get(url).status_code == 200
    client.logout()
    assert f"svar/{held.number}/" not in client.get(_url(hearing)).text


def test_answers_after_the_deadline_are_invisible_before_it(client, clock, answered):
    hearing, answers = answered
    url = _url(hearing, f"svar/{answers['clear'].number}/")
    assert client.get(url).status_code == 404
    page = client.get(_url(hearing)).text
    assert "Svarene offentliggøres efter høringsfristen." in page
    assert "4 svar modtaget, 0 offentliggjort." in page  # the withdrawn one is not counted
    assert "Vi ønsker lavere fart" not in page
    assert "Svar på høringen" in page
    assert _url(hearing, "afgiv-svar/") in page

    _after_deadline(clock)
    assert client.get(url).status_code == 200
    page = client.get(_url(hearing)).text
    assert "Vi ønsker lavere fart" in page
    assert "Fart ned ved bageren." in page
    assert "4 svar modtaget, 2 offentliggjort." in page
    assert "Høringen er lukket." in page
    assert _url(hearing, "afgiv-svar/") not in page


def test_answers_never_public_say_so(client, clock, reference_data):
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose"], response_visibility="never")
    clock.set("2027-01-02 10:00")
    assert "Svarene offentliggøres ikke." in client.get(_url(hearing)).text


def test_no_page_shows_an_authors_email_phone_or_address(client, clock, answered, staff):
    hearing, answers = answered
    _after_deadline(clock)
    _note_lines(hearing)
    hearing_conclude(hearing=hearing, by=staff)
    pages = {
        url: client.get(url).text
        for url in [
            _url(hearing),
            _url(hearing, f"svar/{answers['clear'].number}/"),
            _url(hearing, f"svar/{answers['redacted'].number}/"),
            _url(hearing, "hoeringsnotat/"),
            "/lokalomraader/tollose/",
            "/lokalomraader/tollose/hoeringer/",
            "/hoeringer/",
        ]
    }
    assert "Fart ned ved bageren." in pages[_url(hearing, f"svar/{answers['redacted'].number}/")]
    for url, page in pages.items():
        for secret in SECRETS:
            assert not secret.search(page), (url, secret.pattern)
    # Staff see them on the answer.
    staff_page = _client_for(client, staff).get(
        _url(hearing, f"svar/{answers['redacted'].number}/")
    )
    assert "bo.bager@example.org" in staff_page.text
    assert AUTHOR_ADDRESS in staff_page.text
    assert "Ring til mig på" in staff_page.text  # the original
    assert "Telefonnummer" in staff_page.text  # the review log


def _client_for(client, user):
    login(client, user)
    return client


def test_the_note_lists_hidden_answers_by_number_only(client, clock, answered, staff):
    hearing, answers = answered
    _after_deadline(clock)
    assert client.get(_url(hearing, "hoeringsnotat/")).status_code == 404
    keys = {response.pk: key for key, response in answers.items()}
    _note_lines(hearing, keys)
    assert _client_for(client, staff).get(_url(hearing, "hoeringsnotat/")).status_code == 200
    client.logout()
    hearing_conclude(hearing=hearing, by=staff)
    page = client.get(_url(hearing, "hoeringsnotat/")).text
    assert "Resumé af clear." in page
    assert "Bemærkning til redacted." in page
    assert "Giver anledning til ændring" in page
    for key in ("sensitive", "hidden"):
        number = answers[key].number
        assert f"Høringssvar nr. {number} (ikke offentliggjort)" in page
        assert f"Resumé af {key}." not in page
    assert f"Høringssvar nr. {answers['withdrawn'].number}" not in page
    assert "Læs høringsnotatet" in client.get(_url(hearing)).text


def test_jyderups_page_lists_every_hearing_to_its_forum_with_the_status(
    client, clock, reference_data, staff
):
    clock.set("2026-12-01 10:00")
    contact = contact_user("jyderup", "kontakt@jyderup.example.org")
    answered_one = make_hearing(["jyderup", "tollose"], title="Skolevej og cykelsti")
    forum_response_submit(
        hearing=answered_one,
        forum=contact_forum("jyderup"),
        by=contact,
        data={"text": "Jyderup siger ja.", "consent_ack": True, "author_name": "Karen Kontakt"},
    )
    quiet = make_hearing(["jyderup"], title="Ny lokalplan for havnen")
    no_comments = make_hearing(["jyderup"], title="Affaldsplan 2027")
    invitation_set_status(invitation=no_comments.invitations.get(), status="no_comments", by=None)
    archived = make_hearing(["jyderup"], title="Gammel sag om stier")
    withdrawn = make_hearing(["jyderup"], title="Trukket sag om byggeri")
    hearing_withdraw(hearing=withdrawn, reason="Sagen er opgivet.", by=staff)
    elsewhere = make_hearing(["tollose"], title="Kun for Tølløse")
    clock.set("2027-01-02 10:00")
    hearings_advance()
    hearing_conclude(hearing=archived, by=staff)
    hearing_archive(hearing=archived, by=staff)

    page = client.get("/lokalomraader/jyderup/hoeringer/").text
    for hearing in (answered_one, quiet, no_comments, archived, withdrawn):
        assert hearing.title in page
    assert elsewhere.title not in page
    assert "Lokalforummet: svar afgivet" in page
    assert "Lokalforummet: ingen reaktion" in page
    assert "Lokalforummet: ingen bemærkninger" in page
    assert "Arkiveret" in page
    assert "Trukket tilbage" in page
    number = answered_one.responses.get().number
    assert _url(answered_one, f"svar/{number}/") in page  # the forum's answer, public now
    area_page = client.get("/lokalomraader/jyderup/").text
    assert "Høringer og høringssvar" in area_page
    assert "Alle høringer for Jyderup" in area_page
    assert "/lokalomraader/jyderup/hoeringer/" in area_page


def contact_forum(slug):
    from lokalfora.models import Forum

    return Forum.objects.get(area__slug=slug)


def test_the_archive_tabs_and_filters(client, clock, reference_data, staff):
    clock.set("2026-12-01 10:00")
    open_one = make_hearing(["tollose"], title="Åben sag om fart")
    old = make_hearing(
        ["jyderup"],
        title="Lukket sag om stier",
        kind="voluntary",
        deadline=_danish("2026-12-05 12:00"),
    )
    clock.set("2026-12-06 10:00")
    hearings_advance()
    everything = client.get("/hoeringer/").text
    assert everything.index(open_one.title) < everything.index(old.title)  # open first
    assert "5. december 2026 kl. 12.00" in everything
    assert "0 af 1 har svaret" in everything
    opened = client.get("/hoeringer/?status=aabne").text
    assert open_one.title in opened
    assert old.title not in opened
    closed = client.get("/hoeringer/?status=lukkede").text
    assert old.title in closed
    assert open_one.title not in closed
    assert open_one.title not in client.get("/hoeringer/?type=voluntary").text
    assert old.title not in client.get("/hoeringer/?omraade=tollose").text
    assert open_one.title in client.get("/hoeringer/?aar=2026&status=open").text
    assert open_one.title not in client.get("/hoeringer/?aar=2027").text
    assert "Høringer (styring)" not in everything
    assert "Høringer (styring)" in _client_for(client, staff).get("/hoeringer/").text


@pytest.mark.parametrize(
    "query",
    [
        "status=%00",
        "type=x" * 50,
        "omraade=../../etc",
        "aar=99999999999999999999",
        "aar=abc",
        "side=-1",
        "side=abc",
        "status=draft&aar=1&side=9999",
    ],
)
def test_garbage_filters_give_200(client, clock, reference_data, query):
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose"])
    assert client.get(f"/hoeringer/?{query}").status_code == 200
    assert client.get(f"/hoeringer/{hearing.pk}/?{query}").status_code == 200
    assert client.get(f"/lokalomraader/tollose/hoeringer/?{query}").status_code == 200


def test_a_withheld_attachment_is_404_for_the_public(client, clock, reference_data, staff):
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose"], open_to_public=True, response_visibility="at_once")
    response = public_response_submit(
        hearing=hearing,
        by=None,
        files=[pdf_upload("bilag.pdf"), pdf_upload("brev.pdf")],
        data=_private("Birte Borger", AUTHOR_EMAIL, "Se bilag."),
    )
    response = response_release(response=response, by=staff, reason="Bilagene er læst")
    shown, withheld = response.attachments.order_by("id")
    attachment_withhold(attachment=withheld, by=staff, reason="Underskrevet brev")
    base = _url(hearing, f"svar/{response.number}/bilag/")
    page = client.get(_url(hearing, f"svar/{response.number}/")).text
    assert "bilag.pdf" in page
    assert "brev.pdf" not in page
    assert client.get(f"{base}{shown.pk}/").status_code == 200
    assert client.get(f"{base}{withheld.pk}/").status_code == 404
    assert _client_for(client, staff).get(f"{base}{withheld.pk}/").status_code == 200
    other = make_hearing(["tollose"], open_to_public=True, response_visibility="at_once")
    other_response = public_response_submit(
        hearing=other, by=None, files=[pdf_upload()], data=_private("Ib", "ib@example.org", "Ja.")
    )
    response_release(response=other_response, by=staff, reason="Læst")
    foreign = other_response.attachments.get()
    client.logout()
    assert client.get(f"{base}{foreign.pk}/").status_code == 404


def test_a_contact_person_gets_the_forums_link(client_as, clock, reference_data):
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose"])
    page = client_as("contact_this").get(_url(hearing)).text
    assert _url(hearing, "forum/tollose/") in page
    page = client_as("contact_other").get(_url(hearing)).text
    assert _url(hearing, "forum/tollose/") not in page


def test_the_legal_hearing_and_the_decision_are_linked(client, clock, reference_data):
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(
        ["tollose"],
        legal_hearing_url="https://planportal.dk/lokalplan/1",
        decision_title="Byrådets beslutning",
        decision_url="https://holbaek.dk/beslutning",
    )
    page = client.get(_url(hearing)).text
    assert "ikke en partshøring efter forvaltningsloven § 19" in page
    assert "https://planportal.dk/lokalplan/1" in page
    assert "Planportalen" in page
    assert "Byrådets beslutning" in page
    assert "plan@holbaek.dk" in page  # the municipality's function mailbox is public


def test_a_registered_hearing_section_shows(client, clock, reference_data, settings):
    from lokalfora import hearing_sections

    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose"])
    section = hearing_sections.HearingSection(
        key="test",
        order=1,
        template="lokalfora/hearings/public/area_section.html",
        context=lambda found, user: {"hearings": [], "area": found.areas.first()},
    )
    hearing_sections.register_hearing_section(section)
    try:
        assert "Alle høringer for Tølløse" in client.get(_url(hearing)).text
    finally:
        hearing_sections._sections.pop("test")


def _danish(text):
    from tests.clock import danish

    return danish(text)


# Query counts: the same with 1 and with many hearings and answers.
@pytest.fixture
def growing(clock, reference_data, staff):
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(
        ["tollose", "jyderup"], open_to_public=True, response_visibility="at_once"
    )
    public_response_submit(hearing=hearing, by=None, data=_private("A B", "a@example.org", "Ja."))

    def grow():
        for n in range(9):
            public_response_submit(
                hearing=hearing, by=None, data=_private(f"Navn {n}", f"n{n}@example.org", "Nej.")
            )
            make_hearing(["tollose", "jyderup", "morkov"], title=f"Sag {n}")

    return hearing, grow


@pytest.mark.parametrize(
    ("url", "limit"),
    [
        ("/hoeringer/", 5),
        ("/hoeringer/?status=aabne&omraade=tollose&aar=2026", 5),
        ("{hearing}", 10),
        ("{hearing}svar/1/", 4),
        ("/lokalomraader/tollose/hoeringer/", 3),
    ],
)
def test_the_page_runs_a_constant_number_of_queries(client, growing, url, limit):
    hearing, grow = growing
    url = url.format(hearing=_url(hearing))
    count = assert_constant_queries(client, url, grow, limit=limit)
    print(url, count)


def test_the_note_runs_a_constant_number_of_queries(client, clock, growing, staff):
    hearing, grow_all = growing
    rows = Hearing.objects.filter(pk=hearing.pk)
    rows.update(status=HearingStatus.CONCLUDED, note_published_at=hearing.starts_at)

    def grow():
        rows.update(status=HearingStatus.OPEN, note_published_at=None)
        grow_all()
        rows.update(status=HearingStatus.CONCLUDED, note_published_at=hearing.starts_at)

    assert_constant_queries(client, _url(hearing, "hoeringsnotat/"), grow, limit=8)
