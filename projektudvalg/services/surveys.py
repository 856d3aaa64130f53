"""A survey's status, one function per step: kladde → planlagt → åben → lukket →
resultater offentliggjort → arkiveret. Every step locks the survey's row, checks the
status on the locked row and leaves a `SurveyEvent`.

The anonymity mode and the ways to answer are locked at the first answer
(`Survey.locked_at`, set by `responses.response_store` in the answer's transaction):
`survey_save` refuses to change them afterwards, whoever asks (the staff pages, the
admin, a command).
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from holbaek.pagecache.models import row_changed
from projektudvalg.models import Anonymity, Survey, SurveyEvent, SurveyEventKind, SurveyStatus
from projektudvalg.services.survey_tallies import tallies_refresh

LOCKED_FIELDS = (
    "kind",
    "anonymity",
    "audience_public",
    "audience_signed_in",
    "audience_invited",
    "audience_forums",
)
EDITABLE = {SurveyStatus.PROPOSED, SurveyStatus.DRAFT, SurveyStatus.SCHEDULED, SurveyStatus.OPEN}
LOCKED = _(
    "Undersøgelsen har fået svar, så anonymitet og måder at svare på kan ikke længere ændres."
)
NO_NOTICE = _(
    "Skriv oplysningen om behandling af personoplysninger (den dataansvarlige, formålet, "
    "retsgrundlaget, opbevaring og kontakt), før undersøgelsen kan åbne."
)
NO_TIMES = _("Angiv, hvornår undersøgelsen åbner og lukker.")
NO_TARGET = _("Vælg hele kommunen eller mindst ét lokalområde.")
BOTH_TARGETS = _("Vælg enten hele kommunen eller lokalområder, ikke begge.")
NO_AUDIENCE = _("Vælg mindst én måde at svare på.")
CLOSES_BEFORE = _("Undersøgelsen skal lukke efter, den åbner.")
RETENTION_BEFORE = _("Svarene kan tidligst slettes dagen efter, undersøgelsen lukker.")
AUDIENCES = ("audience_public", "audience_signed_in", "audience_invited", "audience_forums")


def _log(survey, kind, by, note=""):
    SurveyEvent.objects.create(survey=survey, kind=kind, by=by, note=note[:500])


def _locked(pk) -> Survey:
    return Survey.objects.select_for_update().get(pk=pk)


def _refuse_unless(survey, *statuses):
    if survey.status not in statuses:
        raise ValidationError(
            _("Det kan ikke lade sig gøre, mens undersøgelsen er %(status)s.")
            % {"status": survey.get_status_display()}
        )


@transaction.atomic
def survey_save(*, survey: Survey, by=None, areas=None) -> Survey:
    """Create or change a survey (its fields set on `survey` by the caller)."""
    if survey.pk is not None:
        stored = _locked(survey.pk)
        _refuse_unless(stored, *EDITABLE)
        if stored.is_locked and any(
            getattr(stored, name) != getattr(survey, name) for name in LOCKED_FIELDS
        ):
            raise ValidationError(LOCKED)
        for name in ("locked_at", "status", "results_published_at", "answers_deleted_at"):
            setattr(survey, name, getattr(stored, name))  # only the steps change these
    elif survey.status != SurveyStatus.PROPOSED:
        survey.status = SurveyStatus.DRAFT  # a new survey starts as a draft (or a proposal)
    creating = survey.pk is None
    if creating and by is not None:
        survey.created_by = by
    check_rules(survey, areas)
    survey.full_clean(exclude=["created_by"])
    survey.save()
    if areas is not None:
        survey.areas.set(areas)
    _log(survey, SurveyEventKind.CREATED if creating else SurveyEventKind.CHANGED, by)
    return survey


def check_rules(survey, areas) -> None:
    """The target (given `areas`: the pages always give them), the ways to answer, the
    window, and a retention date after it."""
    errors = {}
    if areas is not None and survey.whole_municipality and len(areas):
        errors["areas"] = BOTH_TARGETS
    elif areas is not None and not survey.whole_municipality and not len(areas):
        errors["areas"] = NO_TARGET
    if not survey.is_external and not any(getattr(survey, name) for name in AUDIENCES):
        errors["audience_public"] = NO_AUDIENCE
    opens, closes = survey.opens_at, survey.closes_at
    if opens is not None and closes is not None and closes <= opens:
        errors["closes_at"] = CLOSES_BEFORE
    retention = survey.retention_until
    if closes and retention and retention <= timezone.localtime(closes).date():
        errors["retention_until"] = RETENTION_BEFORE
    if errors:
        raise ValidationError(errors)


def _ready_to_open(survey) -> None:
    errors = []
    if not survey.controller_notice.strip():
        errors.append(NO_NOTICE)
    if survey.opens_at is None or survey.closes_at is None:
        errors.append(NO_TIMES)
    if not survey.whole_municipality and not survey.areas.exists():
        errors.append(NO_TARGET)
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def survey_open(*, survey: Survey, by=None, now=None) -> Survey:
    """Planned (it opens at `opens_at`) or open now, when that time has come. Refused
    without the GDPR notice or the times, and once the closing time has passed."""
    survey = _locked(survey.pk)
    _refuse_unless(survey, SurveyStatus.DRAFT, SurveyStatus.SCHEDULED)
    _ready_to_open(survey)
    now = now or timezone.now()
    if survey.closes_at <= now:
        raise ValidationError(_("Lukketiden er passeret. Vælg en senere lukketid."))
    opening = survey.opens_at <= now
    survey.status = SurveyStatus.OPEN if opening else SurveyStatus.SCHEDULED
    survey.save(update_fields=["status", "updated_at"])
    _log(survey, SurveyEventKind.OPENED if opening else SurveyEventKind.SCHEDULED, by)
    return survey


@transaction.atomic
def survey_close(*, survey: Survey, by=None, now=None) -> Survey:
    """No more answers; the counts are stored (they outlive the raw answers)."""
    survey = _locked(survey.pk)
    _refuse_unless(survey, SurveyStatus.SCHEDULED, SurveyStatus.OPEN)
    survey.status = SurveyStatus.CLOSED
    closing_times(survey, now or timezone.now())
    survey.save(update_fields=["status", "closes_at", "opens_at", "updated_at"])
    tallies_refresh(survey=survey)
    _log(survey, SurveyEventKind.CLOSED, by)
    return survey


def closing_times(survey, now) -> None:
    """Close now: `closes_at` no later than now, `opens_at` before it (a planned survey
    closed before it opened keeps the constraint that it closes after opening)."""
    if survey.closes_at is None or survey.closes_at > now:
        survey.closes_at = now
    if survey.opens_at is None or survey.opens_at >= survey.closes_at:
        survey.opens_at = survey.closes_at - datetime.timedelta(seconds=1)


@transaction.atomic
def survey_lock(*, survey: Survey, now=None) -> None:
    """Called in the transaction of an answer: the first one locks the survey's mode. In
    an anonymous survey the time kept is the day's start, as the answers' own, so it
    cannot put a time on the first answer."""
    at = now or timezone.now()
    if survey.anonymity == Anonymity.ANONYMOUS:
        at = timezone.localtime(at).replace(hour=0, minute=0, second=0, microsecond=0)
    updated = Survey.objects.filter(pk=survey.pk, locked_at__isnull=True).update(locked_at=at)
    if updated:
        SurveyEvent.objects.create(survey=survey, kind=SurveyEventKind.LOCKED, at=at)


@transaction.atomic
def survey_unschedule(*, survey: Survey, by=None) -> Survey:
    """A planned survey back to a draft, while no one has answered."""
    survey = _locked(survey.pk)
    _refuse_unless(survey, SurveyStatus.SCHEDULED)
    if survey.is_locked:
        raise ValidationError(_("Undersøgelsen har fået svar og kan ikke blive en kladde igen."))
    row_changed(survey)  # its public page goes; a draft's save alone evicts nothing
    survey.status = SurveyStatus.DRAFT
    survey.save(update_fields=["status", "updated_at"])
    _log(survey, SurveyEventKind.CHANGED, by, "Tilbage til kladde.")
    return survey


@transaction.atomic
def survey_archive(*, survey: Survey, by=None) -> Survey:
    """Published results to the archive (they stay public)."""
    survey = _locked(survey.pk)
    _refuse_unless(survey, SurveyStatus.PUBLISHED)
    survey.status = SurveyStatus.ARCHIVED
    survey.save(update_fields=["status", "updated_at"])
    _log(survey, SurveyEventKind.ARCHIVED, by)
    return survey
