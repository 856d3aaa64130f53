"""The hearing's rules, through the services: invitations, reminders, closing, extending,
the forum's shared draft, numbering and the personal-data check."""

import pytest
from django.core.exceptions import ValidationError

from lokalfora.models import (
    HearingInvitation,
    HearingReminder,
    HearingStatus,
    InvitationStatus,
    ScreeningStatus,
)
from lokalfora.services.hearing_invitations import invitation_set_status, reminders_send
from lokalfora.services.hearing_responses import (
    forum_draft_save,
    forum_response_submit,
    public_response_submit,
    response_release,
)
from lokalfora.services.hearings import hearing_extend_deadline, hearings_advance
from tests.clock import danish
from tests.factories import ContactPersonFactory
from tests.lokalfora.hearings import contact_user, make_hearing

pytestmark = pytest.mark.django_db
FORUMS = ["tollose", "jyderup", "morkov"]


@pytest.fixture
def contacts(reference_data):
    from lokalfora.models import ContactPerson

    ContactPerson.objects.all().delete()
    found = {}
    for slug in FORUMS:
        found[slug] = contact_user(slug, f"a@{slug}.example.org", name=f"Anna {slug}")
        ContactPersonFactory(forum=_forum(slug), name="Bo B", email=f"b@{slug}.example.org")
    ContactPersonFactory(
        forum=_forum("tollose"), name="Gammel", email="gammel@example.org", is_active=False
    )
    ContactPersonFactory(forum=_forum("tuse-naes"), name="Tuse", email="tuse@example.org")
    return found


def _forum(slug):
    from lokalfora.models import Forum

    return Forum.objects.get(area__slug=slug)


def test_three_forums_three_invitations_mailed_to_their_active_contacts_only(
    clock, contacts, mailoutbox
):
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(FORUMS)
    assert HearingInvitation.objects.filter(hearing=hearing).count() == 3
    assert hearing.status == HearingStatus.OPEN
    recipients = sorted(address for message in mailoutbox for address in message.to)
    assert recipients == sorted(
        f"{who}@{slug}.example.org" for slug in FORUMS for who in ("a", "b")
    )
    assert len(mailoutbox) == 3


def test_reminders_at_seven_and_two_days_at_nine_once_each(clock, contacts, mailoutbox):
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(FORUMS)
    invitation = hearing.invitations.get(forum__area__slug="jyderup")
    invitation_set_status(invitation=invitation, status=InvitationStatus.NO_COMMENTS, by=None)
    mailoutbox.clear()
    clock.set("2026-12-24 08:59")
    assert reminders_send() == 0
    clock.set("2026-12-24 09:00")
    assert reminders_send() == 2  # tollose and mork; jyderup said "ingen bemærkninger"
    assert reminders_send() == 0
    clock.set("2026-12-29 09:01")
    assert reminders_send() == 2
    assert reminders_send() == 0
    assert HearingReminder.objects.count() == 4
    assert len(mailoutbox) == 4


def test_deadline_closes_and_marks_no_reaction_then_extension_reopens(clock, contacts):
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(FORUMS)
    user = contacts["tollose"]
    forum_response_submit(
        hearing=hearing, forum=_forum("tollose"), by=user,
        data={"author_name": "Anna", "text": "Vi er for.", "consent_ack": True},
    )  # fmt: skip
    clock.set("2027-01-01 00:00")
    assert hearings_advance() == {"opened": 0, "closed": 1, "invited": 0}
    statuses = dict(hearing.invitations.values_list("forum__area__slug", "status"))
    assert statuses == {"tollose": "answered", "jyderup": "no_reaction", "morkov": "no_reaction"}
    with pytest.raises(ValidationError):
        forum_draft_save(hearing=hearing, forum=_forum("jyderup"), by=contacts["jyderup"], data={})
    with pytest.raises(ValidationError):
        hearing_extend_deadline(
            hearing=hearing, new_deadline=danish("2027-01-08 23:59"), reason=" ", by=None
        )
    hearing = hearing_extend_deadline(
        hearing=hearing, new_deadline=danish("2027-01-08 23:59"), reason="Systemfejl", by=None
    )
    assert hearing.status == HearingStatus.OPEN
    assert hearing.deadline_changes.get().reason == "Systemfejl"
    assert hearing.invitations.get(forum__area__slug="jyderup").status == "invited"


def test_shared_draft_submitted_by_another_contact_numbered_and_held_for_a_phone_number(
    clock, contacts, mailoutbox, django_capture_on_commit_callbacks
):
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(FORUMS, open_to_public=True)
    first = public_response_submit(
        hearing=hearing, by=None,
        data={"on_behalf_of": "private", "author_name": "Per Hansen",
              "author_email": "per@example.org", "text": "Godt forslag.", "consent_ack": True},
    )  # fmt: skip
    assert first.number == 1
    assert first.screening == ScreeningStatus.CLEAR
    forum = _forum("morkov")
    draft = forum_draft_save(
        hearing=hearing, forum=forum, by=contacts["morkov"], data={"text": "Ring på 12 34 56 78."}
    )
    assert hearing.invitations.get(forum=forum).status == InvitationStatus.PROCESSING
    second_contact = contact_user("morkov", "c@morkov.example.org", name="Carl")
    mailoutbox.clear()
    with pytest.raises(ValidationError):
        forum_response_submit(
            hearing=hearing, forum=forum, by=second_contact, data={"author_name": "Carl"}
        )
    with django_capture_on_commit_callbacks(execute=True):
        answer = forum_response_submit(
            hearing=hearing, forum=forum, by=second_contact,
            data={"author_name": "Carl", "consent_ack": True},
        )  # fmt: skip
    assert answer.pk == draft.pk
    assert answer.number == 2
    assert answer.screening == ScreeningStatus.HELD
    assert answer.screening_findings == ["phone"]
    assert not answer.is_publishable
    assert {m.to[0] for m in mailoutbox} == {"c@morkov.example.org", "plan@holbaek.dk"}
    receipt = next(m for m in mailoutbox if m.to == ["c@morkov.example.org"])
    assert receipt.attachments[0][0] == f"hoeringssvar-{hearing.pk}-2.pdf"
    answer = response_release(response=answer, by=None, reason="Foreningens eget nummer")
    assert answer.is_publishable


def test_an_extended_deadline_moves_the_reminders(clock, contacts, mailoutbox):
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose"])
    clock.set("2026-12-24 09:30")
    assert reminders_send() == 1
    hearing_extend_deadline(
        hearing=hearing, new_deadline=danish("2027-01-15 23:59"), reason="Juleferie", by=None
    )
    clock.set("2026-12-29 09:30")  # the old T-2: nothing now
    assert reminders_send() == 0
    clock.set("2027-01-08 09:00")
    assert reminders_send() == 1
    clock.set("2027-01-13 09:00")
    assert reminders_send() == 1
    assert reminders_send() == 0


def test_a_cpr_number_in_an_attached_pdf_holds_the_answer(clock, contacts):
    from weasyprint import HTML

    from tests.lokalfora.hearings import pdf_upload

    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose"], open_to_public=True)
    signed = HTML(string="<p>Underskrevet af 010190-1234</p>").write_pdf()
    answer = public_response_submit(
        hearing=hearing, by=None, files=[pdf_upload("brev.pdf", signed)],
        data={"on_behalf_of": "private", "author_name": "Per", "author_email": "p@example.org",
              "text": "Se brevet.", "consent_ack": True},
    )  # fmt: skip
    assert answer.screening == ScreeningStatus.HELD
    assert answer.screening_findings == ["cpr"]
    assert not answer.is_publishable


def test_review_findings_that_change_the_rules_after_sending(clock, contacts):
    from lokalfora.models import Forum
    from lokalfora.services.hearings import hearing_save
    from tests.lokalfora.hearings import hearing_data

    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose"], response_visibility="never")
    forums = [Forum.objects.get(area__slug="tollose")]
    with pytest.raises(ValidationError) as refused:
        hearing_save(by=None, hearing=hearing, forums=forums,
                     data=hearing_data(response_visibility="at_once"))  # fmt: skip
    assert "response_visibility" in refused.value.message_dict
    clock.set("2027-01-01 00:10")
    hearings_advance()
    with pytest.raises(ValidationError) as refused:
        hearing_save(by=None, hearing=hearing, forums=[*forums, _forum("jyderup")],
                     data=hearing_data(response_visibility="never"))  # fmt: skip
    assert "forums" in refused.value.message_dict


def test_a_forum_without_a_contact_is_invited_once_it_has_one(clock, contacts, mailoutbox):
    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["stestrup"])  # no contact person in this test
    invitation = hearing.invitations.get()
    assert invitation.sent_at is None
    ContactPersonFactory(forum=_forum("stestrup"), name="Ny", email="ny@example.org")
    mailoutbox.clear()
    assert hearings_advance()["invited"] == 1
    assert [m.to for m in mailoutbox] == [["ny@example.org"]]
    assert hearings_advance()["invited"] == 0


def test_a_held_answer_with_a_flagged_attachment_is_released_only_once_it_is_withheld(
    clock, contacts
):
    from weasyprint import HTML

    from lokalfora.services.hearing_responses import attachment_withhold
    from tests.lokalfora.hearings import pdf_upload

    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose"], open_to_public=True)
    signed = HTML(string="<p>010190-1234</p>").write_pdf()
    answer = public_response_submit(
        hearing=hearing, by=None, files=[pdf_upload("brev.pdf", signed)],
        data={"on_behalf_of": "private", "author_name": "Per", "author_email": "p@example.org",
              "text": "Se brevet.", "consent_ack": True},
    )  # fmt: skip
    with pytest.raises(ValidationError):
        response_release(response=answer, by=None, reason="Set")
    attachment_withhold(attachment=answer.attachments.get(), by=None, reason="CPR-nummer")
    assert response_release(response=answer, by=None, reason="Set").is_publishable


def test_the_minimum_period_counts_from_the_publication_when_the_start_has_passed(clock, contacts):
    from lokalfora.models import HearingKindRule
    from lokalfora.services.hearings import hearing_publish

    clock.set("2026-12-20 10:00")
    hearing = make_hearing(["tollose"], publish=False)  # 1-31 December
    HearingKindRule.objects.create(kind="forums", minimum_days=14)
    with pytest.raises(ValidationError):
        hearing_publish(hearing=hearing, by=None)  # 11 days left


def test_an_attachment_named_only_punctuation_still_exports(clock, contacts):
    import zipfile

    from lokalfora.hearing_export import hearing_zip
    from tests.lokalfora.hearings import pdf_upload

    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose"], open_to_public=True)
    public_response_submit(
        hearing=hearing, by=None, files=[pdf_upload("()")],
        data={"on_behalf_of": "private", "author_name": "Per", "author_email": "p@example.org",
              "text": "Se bilaget.", "consent_ack": True},
    )  # fmt: skip
    with zipfile.ZipFile(hearing_zip(hearing)) as archive:
        assert "svar-1/bilag-1.pdf" in archive.namelist()


def test_a_note_line_belongs_to_an_answer_of_its_hearing(clock, contacts):
    from lokalfora.services.hearing_notes import note_line_save

    clock.set("2026-12-01 10:00")
    hearing = make_hearing(["tollose"], open_to_public=True)
    other = make_hearing(["tollose"], open_to_public=True)
    answer = public_response_submit(
        hearing=hearing, by=None,
        data={"on_behalf_of": "private", "author_name": "Per", "author_email": "p@example.org",
              "text": "Ja.", "consent_ack": True},
    )  # fmt: skip
    clock.set("2027-01-01 00:10")
    hearings_advance()
    with pytest.raises(ValidationError):
        note_line_save(hearing=other, response=answer, summary="S", comment="K",
                       leads_to_change=False)  # fmt: skip
    line = note_line_save(hearing=hearing, response=answer, summary="S", comment="K",
                          leads_to_change=False)  # fmt: skip
    assert line.response_id == answer.pk
