"""Invitees of a survey (services.survey_invitations): adding them (validation, duplicates,
the limits), only the token's hash stored and the mailed link matching it, sending and
reminding with their limits on the clock, a failing mail server losing nothing, and the
daily automatic reminder before closing."""

import datetime
import hashlib
import re

import pytest
from django.core import mail as outbox
from django.core.exceptions import ValidationError

from holbaek import mail
from projektudvalg import survey_tasks
from projektudvalg.models import SurveyEvent, SurveyEventKind, SurveyInvitation
from projektudvalg.services import survey_invitations as service
from projektudvalg.services import surveys
from projektudvalg.services.survey_responses import response_store
from tests.factories import make_user
from tests.projektudvalg.survey_helpers import CLOSES, DURING, build_survey, survey_values

pytestmark = pytest.mark.django_db
LINK = re.compile(r"/undersoegelser/invitation/([A-Za-z0-9_-]+)/")


@pytest.fixture
def survey(reference_data, clock):
    clock.set(DURING, tick=False)
    return build_survey()


@pytest.fixture
def staff(reference_data):
    return make_user("sekr@example.org")


def _sha(token):
    return hashlib.sha256(token.encode()).hexdigest()


def _tokens():
    return [LINK.search(message.body).group(1) for message in outbox.outbox]


def test_invitees_are_read_one_a_line_lower_cased_and_duplicates_skipped(survey, staff):
    text = 'Anna Hansen <Anna@Example.org>\n\nbo@example.org\n  "Carl" <carl@example.org>  \n'
    assert service.invitations_add(survey=survey, lines=text, by=staff) == (3, 0)
    again = "ANNA@example.org\nbo@example.org\ndan@example.org\ndan@example.org"
    assert service.invitations_add(survey=survey, lines=again, by=staff) == (1, 3)
    rows = dict(SurveyInvitation.objects.values_list("email", "name"))
    assert rows == {"anna@example.org": "Anna Hansen", "bo@example.org": "",
                    "carl@example.org": "Carl", "dan@example.org": ""}  # fmt: skip


def test_a_bad_line_is_named_and_nothing_is_added(survey, staff):
    with pytest.raises(ValidationError) as error:
        service.invitations_add(
            survey=survey, lines="a@example.org\nikke en adresse\nb@example.org", by=staff
        )
    assert "Linje 2" in error.value.messages[0]
    assert not SurveyInvitation.objects.exists()
    with pytest.raises(ValidationError):
        service.invitations_add(survey=survey, lines=" \n ", by=staff)


def test_at_most_2000_a_call_and_10000_a_survey(survey, staff, monkeypatch):
    lines = "\n".join(f"p{n}@example.org" for n in range(2001))
    with pytest.raises(ValidationError, match=r"højst 2\.000 ad gangen"):
        service.invitations_add(survey=survey, lines=lines, by=staff)
    assert not SurveyInvitation.objects.exists()
    monkeypatch.setattr(service, "PER_SURVEY", 3)
    service.invitations_add(survey=survey, lines="a@example.org\nb@example.org", by=staff)
    with pytest.raises(ValidationError, match="højst have 3 inviterede"):
        service.invitations_add(survey=survey, lines="c@example.org\nd@example.org", by=staff)
    # Duplicates do not count against the limit.
    assert service.invitations_add(
        survey=survey, lines="a@example.org\nc@example.org", by=staff
    ) == (1, 1)


def test_only_a_survey_for_invitees_before_closing_takes_invitees(survey, staff):
    survey.audience_invited = False
    surveys.survey_save(survey=survey)
    with pytest.raises(ValidationError, match="ikke for inviterede"):
        service.invitations_add(survey=survey, lines="a@example.org", by=staff)
    survey.audience_invited = True
    surveys.survey_save(survey=survey)
    surveys.survey_close(survey=survey, now=DURING)
    with pytest.raises(ValidationError, match="før undersøgelsen lukker"):
        service.invitations_add(survey=survey, lines="a@example.org", by=staff)


def test_only_the_hash_is_stored_and_the_mailed_link_matches_it(survey, staff):
    service.invitations_add(survey=survey, lines="a@example.org\nb@example.org", by=staff)
    placeholders = set(SurveyInvitation.objects.values_list("token_hash", flat=True))
    assert service.invitations_send(survey=survey, by=staff) == 2
    tokens = _tokens()
    assert len(tokens) == 2
    assert all(len(token) >= 40 for token in tokens)
    stored = dict(SurveyInvitation.objects.values_list("email", "token_hash"))
    for message, token in zip(outbox.outbox, tokens, strict=True):
        assert stored[message.to[0]] == _sha(token)
    assert not placeholders & set(stored.values())  # the placeholders never became links
    columns = {field.name for field in SurveyInvitation._meta.fields}
    assert "token" not in columns
    assert not any(
        token in str(row) for row in SurveyInvitation.objects.values() for token in tokens
    )


def test_sending_marks_sent_sends_once_and_logs_the_count_only(survey, staff):
    service.invitations_add(survey=survey, lines="Anna <a@example.org>\nb@example.org", by=staff)
    service.invitations_send(survey=survey, by=staff)
    assert SurveyInvitation.objects.filter(sent_at=DURING).count() == 2
    assert "Anna" in outbox.outbox[0].body
    assert "Stier" in outbox.outbox[0].subject
    service.invitations_add(survey=survey, lines="c@example.org", by=staff)
    assert service.invitations_send(survey=survey, by=staff) == 1
    assert len(outbox.outbox) == 3
    notes = list(
        SurveyEvent.objects.filter(kind=SurveyEventKind.INVITED).values_list("note", flat=True)
    )
    assert sorted(notes) == ["1 invitationer sendt", "2 invitationer sendt"]
    assert not any("@" in note for note in SurveyEvent.objects.values_list("note", flat=True))


def test_a_draft_sends_no_invitations(reference_data, staff, clock):
    clock.set(DURING)
    survey = build_survey()
    survey.status = "draft"
    survey.save()
    service.invitations_add(survey=survey, lines="a@example.org", by=staff)
    with pytest.raises(ValidationError):
        service.invitations_send(survey=survey, by=staff)
    assert outbox.outbox == []


class _Down:
    def __enter__(self):
        raise ConnectionRefusedError("the mail server is down")

    def __exit__(self, *args):
        return False


def test_a_failing_mail_server_leaves_the_rows_unsent(survey, staff, monkeypatch):
    service.invitations_add(survey=survey, lines="a@example.org\nb@example.org", by=staff)
    before = set(SurveyInvitation.objects.values_list("token_hash", flat=True))
    monkeypatch.setattr(mail, "mailers", type("Mailers", (), {"default": _Down()})())
    assert service.invitations_send(survey=survey, by=staff) == 0
    assert not SurveyInvitation.objects.filter(sent_at__isnull=False).exists()
    assert set(SurveyInvitation.objects.values_list("token_hash", flat=True)) == before
    assert not SurveyEvent.objects.filter(kind=SurveyEventKind.INVITED).exists()
    monkeypatch.undo()
    assert service.invitations_send(survey=survey, by=staff) == 2


def test_reminders_a_day_apart_at_most_three_and_only_to_those_who_have_not_answered(
    survey, staff, clock
):
    service.invitations_add(survey=survey, lines="a@example.org\nb@example.org", by=staff)
    service.invitations_send(survey=survey, by=staff)
    answered = SurveyInvitation.objects.get(email="b@example.org")
    response_store(survey=survey, values=survey_values(survey), channel="invitation",
                   invitation=answered)  # fmt: skip
    assert service.invitations_remind(survey=survey, by=staff) == 0  # the same day as the mail
    old_token = _tokens()[0]
    for day in range(1, 5):
        clock.shift(hours=24, minutes=1)
        outbox.outbox.clear()
        sent = service.invitations_remind(survey=survey, by=staff)
        assert sent == (1 if day <= 3 else 0), day
        if sent:
            assert outbox.outbox[0].to == ["a@example.org"]
            assert "virker ikke længere" in outbox.outbox[0].body
        clock.shift(hours=1)
        assert service.invitations_remind(survey=survey, by=staff) == 0  # not twice a day
    row = SurveyInvitation.objects.get(email="a@example.org")
    assert row.reminders_sent == 3
    assert row.token_hash != _sha(old_token)  # the old link stopped working
    assert SurveyEvent.objects.filter(kind=SurveyEventKind.REMINDED).count() == 3


def test_no_reminders_after_closing(survey, staff, clock):
    service.invitations_add(survey=survey, lines="a@example.org", by=staff)
    service.invitations_send(survey=survey, by=staff)
    clock.set(CLOSES + datetime.timedelta(minutes=5))
    with pytest.raises(ValidationError, match="mens undersøgelsen er åben"):
        service.invitations_remind(survey=survey, by=staff)


def test_the_daily_task_reminds_surveys_closing_soon_once_and_one_failure_stops_none(
    reference_data, staff, clock, monkeypatch
):
    clock.set(DURING)
    first, second, later = build_survey(), build_survey(), build_survey()
    later.closes_at = CLOSES + datetime.timedelta(days=20)
    later.save()
    for survey in (first, second, later):
        service.invitations_add(survey=survey, lines=f"x{survey.pk}@example.org", by=staff)
        service.invitations_send(survey=survey, by=staff)
    clock.set(CLOSES - datetime.timedelta(days=2))
    real = service.invitations_remind

    def failing_first(*, survey, **kwargs):
        if survey.pk == first.pk:
            raise RuntimeError("a broken survey")
        return real(survey=survey, **kwargs)

    monkeypatch.setattr(service, "invitations_remind", failing_first)
    outbox.outbox.clear()
    assert survey_tasks.remind_closing_surveys.call() == 1
    assert [message.to for message in outbox.outbox] == [[f"x{second.pk}@example.org"]]
    monkeypatch.undo()
    clock.shift(days=1)
    assert survey_tasks.remind_closing_surveys.call() == 1  # the failed one, now; not again
    assert SurveyInvitation.objects.get(survey=second).reminders_sent == 1
    assert SurveyInvitation.objects.get(survey=first).reminders_sent == 1
    assert SurveyInvitation.objects.get(survey=later).reminders_sent == 0


def test_the_sending_task_sends(survey, staff):
    service.invitations_add(survey=survey, lines="a@example.org", by=staff)
    result = survey_tasks.send_survey_invitations.enqueue(survey.pk, staff.pk)
    assert result.return_value == 1
    assert SurveyEvent.objects.filter(kind=SurveyEventKind.INVITED, by=staff).exists()
