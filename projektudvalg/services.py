"""One service per step of an application's life. Views only call these.

The money rules: a decision can never commit more than the round's budget (the
round's row is locked while the check and the commitment happen), and payouts
never exceed what was granted (the application's row is locked).
"""

import calendar
import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from holbaek import uploads
from projektudvalg import eligibility, mails, versions
from projektudvalg.eligibility import kr
from projektudvalg.models import (
    AdvisoryNote,
    Application,
    ApplicationFile,
    Assessment,
    AttachmentKind,
    CriterionScore,
    Decision,
    FinalReport,
    GrantPool,
    Outcome,
    Payout,
    Recommendation,
    Round,
    RuleSet,
    Status,
    SubmittedVersion,
)
from projektudvalg.workflow import transition

MAX_FILES = 10

REQUIRED = {
    RuleSet.COMMUNITY: [
        "organisation", "applicant_type", "area", "title", "description", "amount_applied",
        "timeline", "contact_name", "contact_email",
    ],
    RuleSet.VILLAGE_RENEWAL: [
        "title", "area", "property_address", "construction_year", "ownership", "work_description",
        "craftsman_name", "amount_applied", "contact_name", "contact_email",
    ],
}  # fmt: skip


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day (31 January + 1 -> 28/29 Feb)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    last = calendar.monthrange(year, month)[1]
    return day.replace(year=year, month=month, day=min(day.day, last))


# --- The applicant ------------------------------------------------------------------


def start(*, pool: GrantPool, round_id, user) -> Application:
    """A new draft in the pool's open round (the round id comes from the form: checked)."""
    now = timezone.now()
    found = Round.objects.filter(pk=round_id, pool=pool).first() if round_id else None
    if found is None:
        raise ValidationError(_("Ansøgningsrunden findes ikke i denne pulje."), code="round")
    if not found.is_open(now):
        raise ValidationError(_("Ansøgningsrunden er ikke åben."), code="closed")
    return Application.objects.create(pool=pool, round=found, applicant=user)


def budget_total(application: Application) -> Decimal:
    return sum((line.amount for line in application.budget_lines.all()), Decimal(0))


def facts(application: Application) -> eligibility.Facts:
    return eligibility.Facts(
        amount_applied=application.amount_applied,
        budget_total=budget_total(application),
        cofinancing_cash=application.cofinancing_cash,
        volunteer_hours=application.volunteer_hours,
        cofinancing_materials=application.cofinancing_materials,
        other_municipal=application.other_municipal,
        applicant_type=application.applicant_type,
        criteria_count=len(application.criteria.all()),
        construction_year=application.construction_year,
        location=application.location,
        town_population=application.town_population,
        ownership=application.ownership,
        owner_lives_there=application.owner_lives_there,
        craftsman_vat_registered=application.craftsman_vat_registered,
        craftsman_cvr=application.craftsman_cvr,
    )


def check(application: Application) -> eligibility.Result:
    """The pool's rules and the missing required fields, as the form shows them on save."""
    result = eligibility.check(application.pool, facts(application))
    missing = [
        _("Udfyld »%(field)s«.") % {"field": Application._meta.get_field(name).verbose_name}
        for name in REQUIRED[application.pool.rule_set]
        if getattr(application, name) in (None, "")
    ]
    if application.pool.rule_set == RuleSet.VILLAGE_RENEWAL and not any(
        f.kind == AttachmentKind.PHOTO for f in application.files.all()
    ):
        missing.append(_("Vedhæft mindst ét foto af bygningen."))
    return eligibility.Result(missing + result.problems, result.notes)


def _editable(application: Application) -> None:
    if application.status not in (Status.DRAFT, Status.RETURNED):
        raise ValidationError(
            _("Ansøgningen er indsendt og kan ikke ændres nu."), code="not_editable"
        )


@transaction.atomic
def save_draft(*, application: Application, values: dict, criteria=None, lines=None):
    """Saves what the applicant wrote. `lines`: [(description, amount)], replacing the old."""
    application = Application.objects.select_for_update().get(pk=application.pk)
    _editable(application)
    for name, value in values.items():
        setattr(application, name, value)
    application.save()
    if criteria is not None:
        application.criteria.set(c for c in criteria if c.pool_id == application.pool_id)
    if lines is not None:
        application.budget_lines.all().delete()
        application.budget_lines.bulk_create(
            application.budget_lines.model(application=application, description=d, amount=a)
            for d, a in lines
        )
    return application


def attach(*, application: Application, uploaded, kind=AttachmentKind.APPLICATION):
    """A file checked by content (an .exe named .pdf is refused) and stored privately.

    Photos of a Landsbyfornyelse building are recognised by their content.
    """
    if application.files.filter(kind=kind).count() >= MAX_FILES:
        raise ValidationError(
            _("Der kan højst være %(max)d bilag til en ansøgning.") % {"max": MAX_FILES}
        )
    found = uploads.check_document(uploaded)
    is_image = found.content_type.startswith("image/")
    if kind == AttachmentKind.PHOTO and not is_image:
        raise ValidationError(_("%(name)s er ikke et billede.") % {"name": uploaded.name})
    village = application.pool.rule_set == RuleSet.VILLAGE_RENEWAL
    if kind == AttachmentKind.APPLICATION and village and is_image:
        kind = AttachmentKind.PHOTO
    stored = ApplicationFile.from_upload(uploaded, found, application=application, kind=kind)
    stored.save()
    return stored


def _next_reference(application: Application) -> str:
    """POOL-YEAR-NNNN, numbered per pool and year under a lock on the pool's row."""
    pool = GrantPool.objects.select_for_update().get(pk=application.pool_id)
    year = timezone.localdate().year
    prefix = f"{pool.code}-{year}-"
    taken = Application.objects.filter(reference__startswith=prefix).count()
    return f"{prefix}{taken + 1:04d}"


@transaction.atomic
def submit(*, application: Application, user, now=None) -> Application:
    """Checks the deadline, the fields and the rules, keeps a version and sends a receipt."""
    now = now or timezone.now()
    application = (
        Application.objects.select_for_update()
        .select_related("pool", "round")
        .get(pk=application.pk)
    )
    if application.status not in (Status.DRAFT, Status.RETURNED):
        raise ValidationError(_("Ansøgningen er allerede indsendt."), code="submitted")
    deadline = application.round.deadline
    if now > deadline and application.status == Status.DRAFT:
        raise ValidationError(
            _(
                "Fristen var %(deadline)s. Ansøgningen kan ikke indsendes nu, men din kladde "
                "er gemt."
            )
            % {"deadline": timezone.localtime(deadline).strftime("%d.%m.%Y kl. %H.%M")},
            code="deadline",
        )
    result = check(application)
    if not result.ok:
        raise ValidationError(result.problems, code="rules")
    if not application.reference:
        application.reference = _next_reference(application)
    application.submitted_at = now
    application.save(update_fields=["reference", "submitted_at", "updated_at"])
    number = application.versions.count() + 1
    SubmittedVersion.objects.create(
        application=application, number=number, data=versions.snapshot(application)
    )
    transition(application, "submit", by=user)
    transaction.on_commit(lambda: mails.receipt(application.pk))
    return application


# --- Review ---------------------------------------------------------------------------


@transaction.atomic
def start_review(*, application: Application, user) -> Application:
    return transition(application, "start_review", by=user)


@transaction.atomic
def assess(*, application: Application, user, scores: dict, notes: str) -> Assessment:
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


def add_advisory_note(*, application: Application, user, text: str) -> AdvisoryNote:
    application = Application.objects.get(pk=application.pk)
    if application.status == Status.DRAFT:
        raise ValidationError(_("Ansøgningen er ikke indsendt endnu."))
    if not text.strip():
        raise ValidationError({"text": _("Skriv en bemærkning.")})
    return AdvisoryNote.objects.create(application=application, author=user, text=text.strip())


def recommend(*, application: Application, user, outcome, amount, text) -> Recommendation:
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
                    % {"applied": kr(application.amount_applied)}
                }
            )


def committed_by_round(round_ids) -> dict[int, Decimal]:
    """What each round's grants hold: the amount granted while a grant is open, what was
    actually paid once it is closed, and nothing for a grant that lapsed. 2 queries."""
    totals = dict.fromkeys(round_ids, Decimal(0))
    open_grants = (
        Decision.objects.filter(
            application__round__in=round_ids,
            application__status__in=[Status.GRANTED, Status.PAID],
            outcome__in=[Outcome.GRANTED, Outcome.PARTLY],
        )
        .values_list("application__round")
        .annotate(total=Sum("amount"))
    )
    paid_closed = (
        Payout.objects.filter(application__round__in=round_ids, application__status=Status.CLOSED)
        .values_list("application__round")
        .annotate(total=Sum("amount"))
    )
    for round_id, total in [*open_grants, *paid_closed]:
        totals[round_id] += total
    return totals


def committed(round_: Round) -> Decimal:
    return committed_by_round([round_.pk])[round_.pk]


@transaction.atomic
def decide(
    *, application: Application, user, outcome, amount=None, conditions="", reason="",
    meeting=None,
) -> Decision:  # fmt: skip
    """The committee's decision. A grant is checked against the round's budget under a lock."""
    application = Application.objects.select_related("round").get(pk=application.pk)
    if outcome in (Outcome.GRANTED, Outcome.PARTLY):
        _check_amount(application, outcome, amount)
        if amount < application.amount_applied:
            outcome = Outcome.PARTLY
        round_ = Round.objects.select_for_update().get(pk=application.round_id)
        left = round_.budget - committed(round_)
        if amount > left:
            raise ValidationError(
                {
                    "amount": _(
                        "Runden har kun %(left)s tilbage af budgettet på %(budget)s. "
                        "Der kan ikke bevilges %(amount)s."
                    )
                    % {"left": kr(left), "budget": kr(round_.budget), "amount": kr(amount)}
                }
            )
        action = "grant"
    elif outcome == Outcome.REFUSED:
        if not reason.strip():
            raise ValidationError({"reason": _("Skriv begrundelsen for afslaget.")})
        action, amount = "refuse", None
    elif outcome == Outcome.RETURNED:
        if not reason.strip():
            raise ValidationError({"reason": _("Skriv, hvad ansøgeren skal rette.")})
        action, amount = "send_back", None
    else:
        raise ValidationError(_("Vælg en afgørelse."))
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
        meeting=meeting,
        report_due=report_due,
        decided_by=user,
    )
    if action in ("grant", "refuse"):
        transaction.on_commit(lambda: mails.decision_letter(decision.pk))
    return decision


def granted_amount(application: Application) -> Decimal | None:
    decision = (
        application.decisions.filter(outcome__in=[Outcome.GRANTED, Outcome.PARTLY])
        .order_by("-decided_at")
        .first()
    )
    return decision.amount if decision else None


@transaction.atomic
def register_payout(
    *, application: Application, user, paid_on, amount, nemkonto_reference, cvr=""
) -> Payout:
    application = (
        Application.objects.select_for_update().select_related("pool").get(pk=application.pk)
    )
    if application.status not in (Status.GRANTED, Status.PAID):
        raise ValidationError(_("Der kan kun udbetales til bevilgede ansøgninger."))
    if paid_on > timezone.localdate():
        raise ValidationError({"paid_on": _("Datoen ligger i fremtiden.")})
    if (
        application.pool.payout_after_accounts
        and not application.final_reports.filter(accepted_at__isnull=False).exists()
    ):
        raise ValidationError(
            _(
                "Puljen udbetaler først, når arbejdet er færdigt og regnskabet er modtaget og "
                "godkendt."
            )
        )
    granted = granted_amount(application) or Decimal(0)
    paid = application.payouts.aggregate(total=Sum("amount"))["total"] or Decimal(0)
    if amount <= 0 or paid + amount > granted:
        raise ValidationError(
            {
                "amount": _("Der kan højst udbetales %(left)s mere (bevilget %(granted)s).")
                % {"left": kr(granted - paid), "granted": kr(granted)}
            }
        )
    if not nemkonto_reference.strip():
        raise ValidationError({"nemkonto_reference": _("Skriv NemKonto-referencen.")})
    if application.payouts.filter(nemkonto_reference=nemkonto_reference.strip()).exists():
        raise ValidationError(
            {"nemkonto_reference": _("En udbetaling med denne reference er allerede registreret.")}
        )
    payout = Payout.objects.create(
        application=application,
        paid_on=paid_on,
        amount=amount,
        cvr=cvr or application.cvr,
        nemkonto_reference=nemkonto_reference.strip(),
        registered_by=user,
    )
    transition(application, "pay", by=user)
    return payout


@transaction.atomic
def submit_final_report(*, application: Application, user, text: str, files=()) -> FinalReport:
    application = Application.objects.select_for_update().get(pk=application.pk)
    if application.status not in (Status.GRANTED, Status.PAID):
        raise ValidationError(_("Slutrapporten indsendes, når ansøgningen er bevilget."))
    if not text.strip():
        raise ValidationError({"text": _("Skriv slutrapporten.")})
    report = FinalReport.objects.create(application=application, text=text.strip())
    for uploaded in files:
        attach(application=application, uploaded=uploaded, kind=AttachmentKind.FINAL_REPORT)
    return report


def accept_final_report(*, report: FinalReport, user) -> FinalReport:
    if report.accepted_at is None:
        report.accepted_at, report.accepted_by = timezone.now(), user
        report.save(update_fields=["accepted_at", "accepted_by"])
    return report


@transaction.atomic
def withdraw(*, application: Application, user) -> Application:
    """The applicant withdraws the application (until the committee has decided)."""
    return transition(application, "withdraw", by=user)


@transaction.atomic
def lapse(*, application: Application, user, reason: str) -> Application:
    """A grant that was never paid out lapses; its money goes back to the round's budget."""
    if not reason.strip():
        raise ValidationError({"reason": _("Skriv, hvorfor tilskuddet bortfalder.")})
    if Payout.objects.filter(application=application).exists():
        raise ValidationError(_("Der er udbetalt penge: afslut sagen i stedet."))
    return transition(application, "lapse", by=user, note=reason.strip())


@transaction.atomic
def close(*, application: Application, user, note="") -> Application:
    if not application.final_reports.filter(accepted_at__isnull=False).exists():
        raise ValidationError(_("Slutrapporten skal være godkendt, før sagen afsluttes."))
    return transition(application, "close", by=user, note=note)


REMINDER_INTERVAL = datetime.timedelta(days=14)


def remind_final_reports() -> int:
    """Mails applicants whose final report is overdue, at most every 14 days."""
    now = timezone.now()
    overdue = (
        Decision.objects.filter(
            outcome__in=[Outcome.GRANTED, Outcome.PARTLY],
            report_due__lt=timezone.localdate(),
            application__status__in=[Status.GRANTED, Status.PAID],
            application__final_reports__isnull=True,
        )
        .select_related("application__applicant")
        .order_by("pk")
    )
    sent = 0
    for decision in overdue:
        if decision.report_reminded_at and now - decision.report_reminded_at < REMINDER_INTERVAL:
            continue
        if mails.report_reminder(decision):
            Decision.objects.filter(pk=decision.pk).update(report_reminded_at=now)
            sent += 1
    return sent


@transaction.atomic
def add_to_agenda(*, application: Application, meeting) -> bool:
    """Puts the application on the meeting's agenda as the next item; False if it is there."""
    from projektudvalg.models import AgendaItem, Meeting

    application = Application.objects.get(pk=application.pk)
    if application.status not in (Status.SUBMITTED, Status.IN_REVIEW):
        raise ValidationError(_("Kun ansøgninger til behandling kan komme på dagsordenen."))
    meeting = Meeting.objects.select_for_update().get(pk=meeting.pk)
    if meeting.items.filter(application=application).exists():
        return False
    last = meeting.items.aggregate(last=Max("number"))["last"] or 0
    AgendaItem.objects.create(meeting=meeting, application=application, number=last + 1)
    return True
