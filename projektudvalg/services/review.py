"""Committee staff's side: review, recommend, decide within the round's budget (the agenda
is services.agenda)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from holbaek.dates import add_months
from holbaek.text import kroner, one_full_stop
from projektudvalg import mails
from projektudvalg.models import (
    AdvisoryNote,
    AgendaItem,
    Application,
    Assessment,
    CriterionScore,
    Decision,
    MeetingStatus,
    Outcome,
    Recommendation,
    Round,
    Status,
)
from projektudvalg.selectors import committed
from projektudvalg.workflow import lock, transition


@transaction.atomic
def review_start(*, application: Application, user) -> Application:
    return transition(application, "start_review", by=user)


@transaction.atomic
def assessment_save(*, application: Application, user, scores: dict, notes: str) -> Assessment:
    """scores: {criterion: 0-5}. One assessment per reviewer, updated when saved again."""
    application = Application.objects.get(pk=application.pk)
    if application.status not in (Status.SUBMITTED, Status.IN_REVIEW):
        raise ValidationError(_("Kun indsendte ansøgninger under behandling kan vurderes."))
    for criterion, score in scores.items():
        if criterion.pool_id != application.pool_id:
            raise ValidationError(_("Kriteriet hører ikke til puljen."))
        if score is not None and not 0 <= score <= 5:
            raise ValidationError(_("Point skal være fra 0 til 5."))
    assessment, _created = Assessment.objects.update_or_create(
        application=application, assessor=user, defaults={"notes": notes.strip()}
    )
    for criterion, score in scores.items():
        if score is None:
            assessment.scores.filter(criterion=criterion).delete()
        else:
            CriterionScore.objects.update_or_create(
                assessment=assessment, criterion=criterion, defaults={"score": score}
            )
    return assessment


@transaction.atomic
def advisory_note_create(*, application: Application, user, text: str) -> AdvisoryNote:
    application = Application.objects.get(pk=application.pk)
    if application.status == Status.DRAFT:
        raise ValidationError(_("Ansøgningen er ikke indsendt endnu."))
    if not text.strip():
        raise ValidationError({"text": _("Skriv en bemærkning.")})
    return AdvisoryNote.objects.create(application=application, author=user, text=text.strip())


@transaction.atomic
def recommendation_save(
    *, application: Application, user, outcome: str, amount: Decimal | None, text: str
) -> Recommendation:
    application = Application.objects.get(pk=application.pk)
    if application.status not in (Status.SUBMITTED, Status.IN_REVIEW):
        raise ValidationError(
            _("Der kan kun indstilles om indsendte ansøgninger under behandling.")
        )
    _check_amount(application, outcome, amount)
    if not text.strip():
        raise ValidationError({"text": _("Skriv indstillingens begrundelse.")})
    recommendation, _created = Recommendation.objects.update_or_create(
        application=application,
        defaults={"outcome": outcome, "amount": amount, "text": text.strip(), "author": user},
    )
    return recommendation


def _check_amount(application, outcome, amount):
    if outcome in (Outcome.GRANTED, Outcome.PARTLY):
        if amount is None or amount <= 0:
            raise ValidationError({"amount": _("Skriv det bevilgede beløb.")})
        if application.amount_applied is not None and amount > application.amount_applied:
            raise ValidationError(
                {
                    "amount": _("Der kan højst bevilges det ansøgte beløb (%(applied)s).")
                    % {"applied": kroner(application.amount_applied)}
                }
            )


def _action_for(outcome, reason: str) -> str:
    if outcome in (Outcome.GRANTED, Outcome.PARTLY):
        return "grant"
    if outcome == Outcome.REFUSED:
        if not reason.strip():
            raise ValidationError({"reason": _("Skriv begrundelsen for afslaget.")})
        return "refuse"
    if outcome == Outcome.RETURNED:
        if not reason.strip():
            raise ValidationError({"reason": _("Skriv, hvad ansøgeren skal rette.")})
        return "send_back"
    raise ValidationError(_("Vælg en afgørelse."))


def _check_budget(application: Application, amount: Decimal) -> None:
    """Locks the round's row (after the application's: always in that order) and refuses a
    grant larger than what is left of the budget."""
    round_ = Round.objects.select_for_update().get(pk=application.round_id)
    left = round_.budget - committed(round_)
    if amount > left:
        raise ValidationError(
            {
                "amount": one_full_stop(
                    _(
                        "Runden har kun %(left)s tilbage af budgettet på %(budget)s. "
                        "Der kan ikke bevilges %(amount)s."
                    )
                    % {
                        "left": kroner(left),
                        "budget": kroner(round_.budget),
                        "amount": kroner(amount),
                    }
                )
            }
        )


def _check_agenda_item(item: AgendaItem, application: Application) -> None:
    """A decision under an agenda item: the application is on it, the meeting was held."""
    item = AgendaItem.objects.select_related("meeting").get(pk=item.pk)
    if not item.pool_lines.filter(application=application).exists():
        raise ValidationError({"agenda_item": _("Ansøgningen er ikke på dette dagsordenspunkt.")})
    if item.meeting.status != MeetingStatus.HELD:
        raise ValidationError(
            {
                "agenda_item": _(
                    "Afgørelser registreres på et punkt, når mødet er afholdt og før "
                    "referatet offentliggøres."
                )
            }
        )


@transaction.atomic
def decision_record(
    *, application: Application, user, outcome: str, amount: Decimal | None = None,
    conditions: str = "", reason: str = "", agenda_item: AgendaItem | None = None,
) -> Decision:  # fmt: skip
    """The committee's decision. First the application's row is locked and the step checked
    against its committed status, then a grant against the round's budget, under a lock."""
    action = _action_for(outcome, reason)
    application = lock(application, action)
    if agenda_item is not None:
        _check_agenda_item(agenda_item, application)
    if action == "grant":
        if application.amount_applied is None:
            raise ValidationError(
                _("Ansøgningen har intet ansøgt beløb, så der kan ikke bevilges et tilskud.")
            )
        _check_amount(application, outcome, amount)
        if amount < application.amount_applied:
            outcome = Outcome.PARTLY
        _check_budget(application, amount)
    else:
        amount = None
    transition(application, action, by=user, note=reason.strip())
    report_due = None
    if action == "grant":
        report_due = add_months(timezone.localdate(), application.round.report_months)
    decision = Decision.objects.create(
        application=application,
        outcome=outcome,
        amount=amount,
        conditions=conditions.strip(),
        reason=reason.strip(),
        agenda_item=agenda_item,
        report_due=report_due,
        decided_by=user,
    )
    if action in ("grant", "refuse"):
        transaction.on_commit(lambda: mails.decision_letter(decision.pk))
    return decision
