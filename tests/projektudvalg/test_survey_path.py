"""The issue's "done when", through the pages only: committee staff build a survey for
Tølløse and Undløse with a condition and open it; answers arrive anonymously by the open
link, by a personal invitation and from Tølløse's forum; after closing, staff publish three
of its questions; the public results show Tølløse and hide Undløse ("færre end 5 svar");
the staff's CSV keeps æøå behind a BOM; the retention task deletes the raw answers and
the published counts stay."""

import json
import re

import pytest
from django.test import Client
from django.urls import reverse

from lokalfora.models import Forum, LocalArea
from lokalfora.services.forums import forum_editor_add
from projektudvalg.models import (
    QuestionKind,
    Survey,
    SurveyAnswer,
    SurveyInvitation,
    SurveyResponse,
    SurveyStatus,
)
from projektudvalg.services.survey_retention import survey_answers_delete_due
from projektudvalg.services.survey_steps import surveys_run_schedule
from tests.factories import login, make_user
from tests.projektudvalg.news_helpers import staff_user

TITLE = "Stierne mellem Tølløse og Undløse"
MANAGEMENT = {"MIN_NUM_FORMS": "0", "MAX_NUM_FORMS": "50", "INITIAL_FORMS": "0"}


def url(name, survey, **kwargs):
    return reverse(f"projektudvalg:{name}", kwargs={"pk": survey.pk, **kwargs})


def _create(staff) -> Survey:
    areas = LocalArea.objects.filter(slug__in=["tollose", "undlose"]).values_list("pk", flat=True)
    response = staff.post(reverse("projektudvalg:survey-create"), {
        "title": TITLE, "purpose": "Hvordan bruges stierne?", "thank_you_text": "Tak!",
        "controller_notice": "Holbæk Kommune er dataansvarlig …", "areas": list(areas),
        "audience_public": "on", "audience_invited": "on", "audience_forums": "on",
        "anonymity": "anonymous", "opens_at": "01.03.2027 09:00",
        "closes_at": "31.03.2027 23:59", "retention_until": "01.09.2027",
    })  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    return Survey.objects.get(title=TITLE)


def _add(staff, survey, kind, text, options=(), conditions=()):
    data = {"text": text, "action": "save", "conditions_all": "1"}
    data |= {f"options-{k}": v for k, v in MANAGEMENT.items()} | {"options-TOTAL_FORMS": "4"}
    data |= {f"options-{i}-label": label for i, label in enumerate(options)}
    data |= {f"conditions-{k}": v for k, v in MANAGEMENT.items()} | {"conditions-TOTAL_FORMS": "1"}
    for i, condition in enumerate(conditions):
        data |= {f"conditions-{i}-{name}": value for name, value in condition.items()}
    response = staff.post(url("survey-question-add", survey) + f"?type={kind}", data)
    assert response.status_code == 302, response.content.decode()[:2000]
    return survey.questions.get(text=text)


def _build(staff, survey):
    area = _add(staff, survey, QuestionKind.AREA, "Hvor bor du?")
    uses = _add(staff, survey, QuestionKind.SINGLE, "Bruger du stierne?", ["Ja", "Nej"])
    _add(staff, survey, QuestionKind.SECTION, "Om stierne")
    yes = uses.options.get(label="Ja")
    scale = _add(staff, survey, QuestionKind.SCALE, "Hvor tilfreds er du?", conditions=[
        {"depends_on": uses.pk, "kind": "equals", "option": yes.pk}])  # fmt: skip
    missing = _add(staff, survey, QuestionKind.MULTIPLE, "Hvad mangler?", ["Lys", "Bænke"])
    _add(staff, survey, QuestionKind.LONG_TEXT, "Andre forslag?")
    return area, uses, scale, missing


def _answer(client, survey, questions, area, uses, satisfied=None):
    """Page 1 (area, uses the paths), then page 2 when shown, then send."""
    area_q, uses_q, scale_q, missing_q = questions
    first = {f"q{uses_q.pk}": str(uses_q.options.get(label=uses).pk), "website": ""}
    if area:
        first[f"q{area_q.pk}"] = str(LocalArea.objects.get(slug=area).pk)
    page = client.post(url("survey-answer", survey), first | {"action": "next"})
    assert page.status_code == 302, page.content.decode()[:2000]
    second = {f"q{missing_q.pk}": [str(missing_q.options.get(label="Lys").pk)], "website": ""}
    if satisfied:
        second[f"q{scale_q.pk}"] = str(satisfied)
    done = client.post(page.url, second | {"action": "send"})
    assert done.status_code == 302
    assert done.url == url("survey-thanks", survey), done.url


@pytest.mark.django_db(transaction=False)
def test_the_whole_path_through_the_pages(client, reference_data, clock, mailoutbox,
                                          django_capture_on_commit_callbacks):  # fmt: skip
    clock.set("2027-02-20 10:00")
    staff, member = client, staff_user()
    login(staff, member)
    survey = _create(staff)
    questions = _build(staff, survey)
    logic = staff.get(url("survey-logic", survey)).content.decode()
    assert "Bruger du stierne?" in logic
    assert staff.post(url("survey-status", survey), {"action": "open"}).status_code == 302
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.SCHEDULED

    clock.set("2027-03-10 14:37")
    surveys_run_schedule()
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.OPEN

    # Anonymously by the open link: 6 from Tølløse, 3 from Undløse, 5 who do not say.
    answers = [("tollose", "Ja", 4)] * 6 + [("undlose", "Ja", 2)] * 3 + [(None, "Nej", None)] * 5
    for number, (area, uses, satisfied) in enumerate(answers):
        visitor = Client(REMOTE_ADDR=f"10.0.0.{number + 1}")
        _answer(visitor, survey, questions, area, uses, satisfied)

    # By invitation: the personal link from the mail (staff sign in again: days have passed).
    login(staff, member)
    added = staff.post(url("survey-invitations", survey),
                       {"action": "add", "lines": "inviteret@example.org"})  # fmt: skip
    assert added.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):
        staff.post(url("survey-invitations", survey), {"action": "send"})
    (mail,) = [m for m in mailoutbox if "inviteret@example.org" in m.to]
    link = re.search(r"https?://\S+/undersoegelser/invitation/\S+/", mail.body).group(0)
    invitee = Client(REMOTE_ADDR="10.0.1.1")
    landing = invitee.get("/" + link.split("://", 1)[1].split("/", 1)[1])
    assert landing.status_code == 302
    assert "invitation" not in landing.url
    _answer(invitee, survey, questions, "tollose", "Ja", 5)

    # From Tølløse's forum, by one of its editors.
    editor = make_user("redaktoer-sti@example.org")
    forum_editor_add(forum=Forum.objects.get(area__slug="tollose"), user=editor)
    forum_client = Client(REMOTE_ADDR="10.0.2.1")
    login(forum_client, editor)
    start = forum_client.post(url("survey-answer-forum", survey, slug="tollose"))
    assert start.status_code == 302
    _answer(forum_client, survey, questions, "tollose", "Ja", 3)

    responses = SurveyResponse.objects.filter(survey=survey)
    assert responses.count() == 16
    assert not responses.exclude(user=None, invitation=None, forum=None, submitted_at=None)
    assert set(responses.values_list("channel", flat=True)) == {"online"}
    assert SurveyInvitation.objects.get(survey=survey).completed
    # The condition: those who said Nej have no satisfaction answer.
    assert SurveyAnswer.objects.filter(question=questions[2]).count() == 11

    # Closed, then three questions published.
    assert staff.post(url("survey-status", survey), {"action": "close"}).status_code == 302
    area_q, uses_q, scale_q, _missing = questions
    published = staff.post(
        url("survey-publish", survey),
        {"questions": [area_q.pk, uses_q.pk, scale_q.pk], "used_summary": ""},
    )
    assert published.status_code == 302  # fmt: skip
    survey.refresh_from_db()
    assert survey.status == SurveyStatus.PUBLISHED

    public = Client()
    page = public.get(url("survey-results", survey)).content.decode()
    assert "færre end 5 svar" in page
    assert "Andre forslag?" not in page
    figures = json.loads(public.get(url("survey-results-json", survey)).content)
    assert {row["omraade"]: row["besvarelser"] for row in figures["omraader"]} == {
        "tollose": 8, "undlose": None,
    }  # fmt: skip

    export = staff.get(url("survey-export", survey, fmt="csv")).content.decode("utf-8")
    assert export.startswith("\ufeff")
    assert "Tølløse" in export
    assert len(export.lstrip("\ufeff").splitlines()) == 1 + 16

    clock.set("2027-09-01 03:00")
    survey_answers_delete_due()
    assert not SurveyResponse.objects.filter(survey=survey).exists()
    figures = json.loads(public.get(url("survey-results-json", survey)).content)
    assert {row["omraade"]: row["besvarelser"] for row in figures["omraader"]} == {
        "tollose": 8, "undlose": None,
    }  # fmt: skip
