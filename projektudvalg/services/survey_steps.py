"""A survey's later steps: publishing its results (the questions staff choose, and "Det
brugte vi svarene til"), publishing the results of a survey run elsewhere, and the
5-minute task that opens planned surveys and closes those whose time is up.

Publishing needs a closed survey: the results of a survey still taking answers are never
published (consul#4771). Staff choose which questions become public; a question of
another survey is refused, whatever the form sent. The question choice is fixed once the
results are published (what the public saw stays what was published); the use of the
results can be written later (`survey_results_use`).
"""

import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from holbaek import limits, uploads
from projektudvalg.models import (
    QuestionKind,
    Survey,
    SurveyEvent,
    SurveyEventKind,
    SurveyExternalFile,
    SurveyKind,
    SurveyStatus,
)
from projektudvalg.services import surveys
from projektudvalg.services.survey_tallies import tallies_refresh

logger = logging.getLogger(__name__)

FOREIGN_QUESTIONS = _("Vælg kun spørgsmål fra denne undersøgelse.")
NOT_CLOSED = _("Resultaterne kan først offentliggøres, når undersøgelsen er lukket.")
NO_SUMMARY = _("Skriv kort, hvad resultaterne viser.")
NO_FILE = _("Vælg resultatfilen.")
NEWS_NOT_PUBLIC = _("Vælg en nyhed, der er offentliggjort.")
DECISION_NOT_PUBLIC = _("Vælg et punkt, hvis beslutning er offentliggjort.")
CSV = uploads.Kind("csv", "text/csv")
RESULT_KINDS = {"pdf", "xlsx", "docx"}
FILE_REFUSED = _(
    "%(name)s kan ikke bruges. Du kan lægge PDF, Excel (XLSX), Word (DOCX) eller CSV op."
)


def _use(survey, *, used_in_decision, used_in_news, used_summary) -> None:
    errors = {}
    if used_in_news is not None and not used_in_news.is_public:
        errors["used_in_news"] = NEWS_NOT_PUBLIC
    if used_in_decision is not None and not used_in_decision.decision_is_public:
        errors["used_in_decision"] = DECISION_NOT_PUBLIC
    if errors:
        raise ValidationError(errors)
    survey.used_in_decision = used_in_decision
    survey.used_in_news = used_in_news
    survey.used_summary = (used_summary or "").strip()


@transaction.atomic
def survey_publish(
    *, survey: Survey, public_question_ids, by, now=None,
    used_in_decision=None, used_in_news=None, used_summary="",
) -> Survey:  # fmt: skip
    """Publish a closed survey's results: the chosen questions become public (the others
    not), the counts are stored once more, and the results page opens."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.status != SurveyStatus.CLOSED:
        raise ValidationError(NOT_CLOSED)
    chosen = {int(pk) for pk in public_question_ids}
    questions = survey.questions.exclude(kind=QuestionKind.SECTION)
    if chosen - set(questions.values_list("pk", flat=True)):
        raise ValidationError(FOREIGN_QUESTIONS)
    _use(survey, used_in_decision=used_in_decision, used_in_news=used_in_news,
         used_summary=used_summary)  # fmt: skip
    questions.filter(pk__in=chosen).update(public=True)
    survey.questions.exclude(pk__in=chosen).update(public=False)
    survey.status = SurveyStatus.PUBLISHED
    survey.results_published_at = now or timezone.now()
    survey.full_clean(exclude=["created_by"])
    survey.save()
    if survey.answers_deleted_at is None:  # after the deletion only the stored counts remain
        tallies_refresh(survey=survey)
    note = f"{len(chosen)} spørgsmål offentliggjort."
    SurveyEvent.objects.create(survey=survey, kind=SurveyEventKind.PUBLISHED, by=by, note=note)
    return survey


@transaction.atomic
def survey_results_use(
    *, survey: Survey, by, used_in_decision=None, used_in_news=None, used_summary=""
) -> Survey:
    """ "Det brugte vi svarene til", written or changed after publishing."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if not survey.results_are_public:
        raise ValidationError(_("Det kan skrives, når resultaterne er offentliggjort."))
    _use(survey, used_in_decision=used_in_decision, used_in_news=used_in_news,
         used_summary=used_summary)  # fmt: skip
    survey.full_clean(exclude=["created_by"])
    survey.save(update_fields=["used_in_decision", "used_in_news", "used_summary", "updated_at"])
    SurveyEvent.objects.create(survey=survey, kind=SurveyEventKind.CHANGED, by=by,
                               note="Det brugte vi svarene til.")  # fmt: skip
    return survey


def results_file_check(uploaded) -> uploads.Kind:
    """A results file: PDF, XLSX, DOCX (read from the content) or CSV (text), ≤ 10 MB."""
    name = uploaded.name
    if uploaded.size > limits.MAX_FILE_BYTES:
        raise ValidationError(
            _("%(name)s fylder for meget. En fil må højst fylde 10 MB."), params={"name": name}
        )
    if uploaded.size == 0:
        raise ValidationError(_("%(name)s er tom."), params={"name": name})
    kind = uploads.detect(uploaded)
    if kind is not None and kind.extension in RESULT_KINDS:
        return kind
    if kind is None and name.lower().endswith(".csv"):
        uploaded.seek(0)
        head = uploaded.read(65536)
        uploaded.seek(0)
        if b"\x00" not in head:
            return CSV
    raise ValidationError(FILE_REFUSED, params={"name": name})


def _store_file(survey, uploaded) -> None:
    try:
        checked = results_file_check(uploaded)
    except ValidationError as error:
        raise ValidationError({"results_file": error.messages}) from None
    SurveyExternalFile.objects.filter(survey=survey).delete()
    SurveyExternalFile.from_upload(uploaded, checked, survey=survey).save()


@transaction.atomic
def survey_external_publish(*, survey: Survey, areas, uploaded, by, now=None) -> Survey:
    """A survey run elsewhere (kind external): its summary and results file, published at
    once. The portal holds none of its answers, so nothing waits for deletion."""
    now = now or timezone.now()
    survey.kind = SurveyKind.EXTERNAL
    survey.status = SurveyStatus.PUBLISHED
    survey.results_published_at = now
    survey.retention_until = timezone.localdate(now)
    survey.answers_deleted_at = now
    survey.created_by = by
    _external_rules(survey, areas, uploaded, creating=True)
    survey.full_clean(exclude=["created_by"])
    survey.save()
    survey.areas.set(areas)
    _store_file(survey, uploaded)
    SurveyEvent.objects.create(survey=survey, kind=SurveyEventKind.CREATED, by=by, at=now)
    SurveyEvent.objects.create(survey=survey, kind=SurveyEventKind.PUBLISHED, by=by, at=now)
    return survey


@transaction.atomic
def survey_external_save(*, survey: Survey, areas, uploaded=None, by) -> Survey:
    """Changes to a survey run elsewhere: its text, target and (optionally) a new file."""
    stored = Survey.objects.select_for_update().get(pk=survey.pk)
    if not stored.is_external:
        raise ValidationError(_("Undersøgelsen er gennemført i portalen."))
    for name in ("kind", "status", "results_published_at", "answers_deleted_at",
                 "retention_until", "locked_at"):  # fmt: skip
        setattr(survey, name, getattr(stored, name))
    _external_rules(survey, areas, uploaded, creating=False)
    survey.full_clean(exclude=["created_by"])
    survey.save()
    survey.areas.set(areas)
    if uploaded is not None:
        _store_file(survey, uploaded)
    SurveyEvent.objects.create(survey=survey, kind=SurveyEventKind.CHANGED, by=by)
    return survey


def _external_rules(survey, areas, uploaded, *, creating) -> None:
    errors = {}
    try:
        surveys.check_rules(survey, areas)
    except ValidationError as error:
        errors.update(error.message_dict)
    if not survey.external_summary.strip():
        errors["external_summary"] = [NO_SUMMARY]
    if creating and uploaded is None:
        errors["results_file"] = [NO_FILE]
    if errors:
        raise ValidationError(errors)


def surveys_run_schedule(*, now=None) -> tuple[int, int]:
    """The 5-minute task: planned surveys whose time has come open, and open (or planned)
    surveys whose closing time has passed close, their counts stored. One survey's failure
    is logged by its id only and does not stop the others. (opened, closed)."""
    now = now or timezone.now()
    running = Survey.objects.filter(kind=SurveyKind.PORTAL)
    due_to_close = running.filter(
        status__in=[SurveyStatus.SCHEDULED, SurveyStatus.OPEN], closes_at__lte=now
    )
    closed = _each(due_to_close, surveys.survey_close, now, "closed")
    due_to_open = running.filter(
        status=SurveyStatus.SCHEDULED, opens_at__lte=now, closes_at__gt=now
    )
    opened = _each(due_to_open, surveys.survey_open, now, "opened")
    return opened, closed


def _each(queryset, step, now, what) -> int:
    done = 0
    for pk in list(queryset.values_list("pk", flat=True)):
        try:
            step(survey=Survey(pk=pk), now=now)
        except Exception:
            logger.exception("Survey %s could not be %s on time", pk, what)
        else:
            done += 1
    return done
