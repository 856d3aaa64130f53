"""Track 3's surveys in the demo: the issue's path, through the services.

Committee staff build a survey about the paths for Tølløse and Undløse with a condition
("Hvor tilfreds …" only for those who use the paths), and open it. Answers arrive
anonymously by the open link (14 from Tølløse, 3 from Undløse, 5 who do not say), by
invitation (two of three invitees) and from Tølløse's forum. After closing, staff publish
three of its questions: the public results show Tølløse and hide Undløse ("færre end 5
svar"). A second survey, for the whole municipality, is open for the visitor to answer,
a forum's proposal waits for staff, and the archive holds a survey run elsewhere.
"""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from holbaek.demo import demo_user
from lokalfora.models import Forum, LocalArea
from projektudvalg.models import (
    ConditionKind,
    QuestionKind,
    ResponseChannel,
    Survey,
    SurveyKind,
)
from projektudvalg.services import survey_invitations, survey_people, survey_steps, surveys
from projektudvalg.services.survey_questions import question_save
from projektudvalg.services.survey_responses import response_store
from projektudvalg.survey_logic import Value

PATHS_TITLE = "(Demo) Stierne mellem Tølløse og Undløse"
SCHOOL_TITLE = "(Demo) Hvad skal den gamle skole bruges til?"
NOTICE = (
    "(Demotekst) Holbæk Kommune er dataansvarlig. Svarene bruges til Projektudvalgets arbejde "
    "med det, undersøgelsen spørger om (formålet); retsgrundlaget er "
    "databeskyttelsesforordningens artikel 6, stk. 1, litra e. De enkelte svar slettes på den "
    "dato, undersøgelsen angiver; optællingerne gemmes. Spørgsmål: kommunens "
    "databeskyttelsesrådgiver, dpo@example.org."
)
INVITEES = (
    "Demo Inviteret 1 <inviteret1@example.org>\ninviteret2@example.org\ninviteret3@example.org"
)
# (area slug or None, uses the paths, satisfaction) for the answers by the open link.
LINK_ANSWERS = (
    [("tollose", "Ja", 4)] * 6
    + [("tollose", "Nej", None)] * 5
    + [("undlose", "Ja", 2)] * 3
    + [(None, "Ved ikke", None)] * 5
)


def _question(survey, staff, kind, text, *, options=(), conditions=(), **data):
    return question_save(
        survey=survey, by=staff, data={"kind": kind, "text": text, **data},
        options=[{"id": None, "label": label, "is_other": label == "Andet", "is_row": False}
                 for label in options],
        conditions=list(conditions),
    )  # fmt: skip


def _paths_survey(staff, now) -> Survey:
    survey = surveys.survey_save(
        survey=Survey(
            title=PATHS_TITLE, purpose="(Demotekst) Udvalget vil vide, hvordan stierne bruges, "
            "før det prioriterer pengene til lys og bænke.", controller_notice=NOTICE,
            intro="(Demotekst) Det tager 3 minutter. Du er anonym.",
            thank_you_text="(Demotekst) Tak! Resultaterne kommer her, når undersøgelsen lukker.",
            opens_at=now - datetime.timedelta(days=14), closes_at=now + datetime.timedelta(days=14),
            retention_until=timezone.localdate(now) + datetime.timedelta(days=180),
            audience_public=True, audience_invited=True, audience_forums=True,
        ),
        areas=LocalArea.objects.filter(slug__in=["tollose", "undlose"]), by=staff,
    )  # fmt: skip
    _question(survey, staff, QuestionKind.AREA, "Hvilket lokalområde bor du i?")
    uses = _question(survey, staff, QuestionKind.SINGLE, "Bruger du stierne?", required=True,
                     options=["Ja", "Nej", "Ved ikke"])  # fmt: skip
    yes = uses.options.get(label="Ja")
    _question(survey, staff, QuestionKind.SCALE, "Hvor tilfreds er du med stierne?",
              scale_low_label="Meget utilfreds", scale_high_label="Meget tilfreds",
              conditions=[{"depends_on": uses, "kind": ConditionKind.EQUALS, "option": yes,
                           "text": ""}])  # fmt: skip
    _question(survey, staff, QuestionKind.MULTIPLE, "Hvad mangler der?",
              options=["Lys", "Bænke", "Skilte", "Andet"])  # fmt: skip
    _question(survey, staff, QuestionKind.LONG_TEXT, "Har du andre forslag?")
    return surveys.survey_open(survey=survey, by=staff, now=now)


def _values(survey, area, uses, satisfied, missing=()):
    area_q, uses_q, scale_q, missing_q, _text = survey.questions.order_by("position")
    labels = {o.label: o.pk for o in missing_q.options.all()}
    values = {uses_q.pk: Value(options=(uses_q.options.get(label=uses).pk,))}
    if area:
        values[area_q.pk] = Value(area=LocalArea.objects.get(slug=area).pk)
    if satisfied:
        values[scale_q.pk] = Value(number=satisfied)
    if missing:
        values[missing_q.pk] = Value(options=tuple(labels[label] for label in missing))
    return values


def _answers(survey, staff, now) -> int:
    """By the open link, by invitation (two of three) and from Tølløse's forum."""
    for number, (area, uses, satisfied) in enumerate(LINK_ANSWERS):
        response_store(survey=survey, channel=ResponseChannel.LINK, now=now,
                       session_token=f"demo-browser-{number}",
                       values=_values(survey, area, uses, satisfied, missing=("Lys",)))  # fmt: skip
    survey_invitations.invitations_add(survey=survey, lines=INVITEES, by=staff)
    survey_invitations.invitations_send(survey=survey, by=staff, now=now)
    for invitation in survey.invitations.order_by("pk")[:2]:
        response_store(survey=survey, channel=ResponseChannel.INVITATION, now=now,
                       invitation=invitation,
                       values=_values(survey, "tollose", "Ja", 5, missing=("Bænke",)))  # fmt: skip
    forum = Forum.objects.get(area__slug="tollose")
    editor = demo_user("redaktoer@example.org", "Demo Redaktør")  # Tølløse's (lokalfora.demo)
    response_store(survey=survey, channel=ResponseChannel.FORUM, now=now, forum=forum,
                   user=editor,
                   values=_values(survey, "tollose", "Ja", 3, missing=("Lys", "Skilte")),
                   )  # fmt: skip
    return len(LINK_ANSWERS) + 3


def _publish(survey, staff, now) -> None:
    """Closed today; the area, "Bruger du stierne?" and the satisfaction become public."""
    survey = surveys.survey_close(survey=survey, by=staff, now=now)
    area_q, uses_q, scale_q, _missing, _text = survey.questions.order_by("position")
    survey_steps.survey_publish(
        survey=survey, public_question_ids=[area_q.pk, uses_q.pk, scale_q.pk], by=staff, now=now,
        used_summary="(Demotekst) Udvalget prioriterer lys på stien mellem Tølløse og Undløse.",
    )  # fmt: skip


def _school_survey(staff, now) -> Survey:
    survey = surveys.survey_save(
        survey=Survey(
            title=SCHOOL_TITLE, purpose="(Demotekst) Tre forslag til den gamle skole.",
            controller_notice=NOTICE, whole_municipality=True, audience_public=True,
            audience_signed_in=True, opens_at=now - datetime.timedelta(days=1),
            closes_at=now + datetime.timedelta(days=30),
            retention_until=timezone.localdate(now) + datetime.timedelta(days=200),
        ),
        areas=[], by=staff,
    )  # fmt: skip
    _question(survey, staff, QuestionKind.AREA, "Hvilket lokalområde bor du i?")
    _question(survey, staff, QuestionKind.SINGLE, "Hvad skal skolen bruges til?", required=True,
              options=["Forsamlingshus", "Boliger", "Iværksættere", "Andet"])  # fmt: skip
    _question(survey, staff, QuestionKind.CONSENT, "Jeg har læst, hvordan svarene bruges.",
              required=True)  # fmt: skip
    return surveys.survey_open(survey=survey, by=staff, now=now)


def _external(staff, now) -> None:
    survey = Survey(
        kind=SurveyKind.EXTERNAL, title="(Demo) Borgerpanelet om kollektiv trafik",
        purpose="(Demotekst) Kommunens borgerpanel svarede på, hvordan de kommer rundt.",
        external_source="Borgerpanelet i SurveyXact",
        external_summary="(Demotekst) 612 svarede. 41 % tager bussen mindst en gang om ugen.",
        whole_municipality=True,
        retention_until=timezone.localdate(now) + datetime.timedelta(days=365),
    )  # fmt: skip
    upload = SimpleUploadedFile(
        "borgerpanel.csv", "spørgsmål;andel\nbus hver uge;41 %\n".encode(), "text/csv"
    )
    survey_steps.survey_external_publish(survey=survey, areas=[], uploaded=upload, by=staff,
                                         now=now)  # fmt: skip


def load(staff) -> str:
    if Survey.objects.exists():
        return "undersøgelser findes allerede"
    now = timezone.now()
    paths = _paths_survey(staff, now)
    answered = _answers(paths, staff, now)
    _publish(paths, staff, now)
    _school_survey(staff, now)
    _external(staff, now)
    editor = demo_user("redaktoer@example.org", "Demo Redaktør")
    survey_people.survey_propose(
        forum=Forum.objects.get(area__slug="tollose"), by=editor,
        data={"title": "(Demo) Hvad vil I med søbredden?", "purpose": "(Demotekst) Forummet "
              "vil spørge byen om søbredden.", "intro": "(Demotekst) Fem spørgsmål om stier, "
              "bænke og en badebro."},
    )  # fmt: skip
    return (
        f"3 undersøgelser (stierne med {answered} svar og 3 offentlige spørgsmål, skolen åben, "
        "borgerpanelet i arkivet) og et forslag fra Tølløses lokalforum"
    )
