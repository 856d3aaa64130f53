"""The applicant's side: start, save and submit a draft, add and remove files, withdraw."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from holbaek import uploads
from projektudvalg import eligibility, mails, versions
from projektudvalg.models import (
    Application,
    ApplicationFile,
    AttachmentKind,
    GrantPool,
    Round,
    RuleSet,
    Status,
    SubmittedVersion,
)
from projektudvalg.workflow import transition

MAX_FILES = 10


@transaction.atomic
def application_create(*, pool: GrantPool, round_id: int | None, user) -> Application:
    """A new draft in the pool's open round (the round id comes from the form: checked)."""
    now = timezone.now()
    found = Round.objects.filter(pk=round_id, pool=pool).first() if round_id else None
    if found is None:
        raise ValidationError(_("Ansøgningsrunden findes ikke i denne pulje."), code="round")
    if not found.is_open(now):
        raise ValidationError(_("Ansøgningsrunden er ikke åben."), code="closed")
    return Application.objects.create(pool=pool, round=found, applicant=user)


def _budget_total(application: Application) -> Decimal:
    return sum((line.amount for line in application.budget_lines.all()), Decimal(0))


def _facts(application: Application) -> eligibility.Facts:
    return eligibility.Facts(
        amount_applied=application.amount_applied,
        budget_total=_budget_total(application),
        cofinancing_cash=application.cofinancing_cash,
        volunteer_hours=application.volunteer_hours,
        cofinancing_materials=application.cofinancing_materials,
        other_municipal=application.other_municipal,
        applicant_type=application.applicant_type,
        construction_year=application.construction_year,
        location=application.location,
        town_population=application.town_population,
        ownership=application.ownership,
        owner_lives_there=application.owner_lives_there,
    )


def _needed_values(application: Application) -> dict:
    """The values of the fields submitting needs (eligibility.NEEDED), by form field name:
    the chosen criteria, and for `files` the photos of the building."""
    lists = {
        "criteria": lambda: list(application.criteria.all()),
        "files": lambda: [f for f in application.files.all() if f.kind == AttachmentKind.PHOTO],
    }
    return {
        name: lists[name]() if name in lists else getattr(application, name)
        for name in eligibility.NEEDED[application.pool.rule_set]
    }


def application_check(*, application: Application) -> eligibility.Result:
    """The missing needed fields and the pool's rules, as the form shows them on save."""
    result = eligibility.check(application.pool, _facts(application))
    missing = eligibility.missing(application.pool, _needed_values(application))
    return eligibility.Result(missing + result.problems, result.notes)


def _editable(application: Application) -> None:
    if application.status not in (Status.DRAFT, Status.RETURNED):
        raise ValidationError(
            _("Ansøgningen er indsendt og kan ikke ændres nu."), code="not_editable"
        )


@transaction.atomic
def application_save_draft(
    *, application: Application, values: dict, criteria=None, lines=None
) -> Application:
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


@transaction.atomic
def attachment_add(
    *, application: Application, uploaded, kind: str = AttachmentKind.APPLICATION
) -> ApplicationFile:
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


@transaction.atomic
def attachment_remove(*, attachment: ApplicationFile) -> None:
    """Removes a file from a draft, and from storage. A file that was part of a submitted
    version stays (staff keep what they reviewed)."""
    application = Application.objects.select_for_update().get(pk=attachment.application_id)
    _editable(application)
    attachment.application = application  # as committed now, not as the caller read it
    if not attachment.removable:
        raise ValidationError(
            _("Bilaget var med i en indsendt version og bliver derfor. Tilføj en ny udgave."),
            code="kept",
        )
    storage, name = attachment.file.storage, attachment.file.name
    attachment.delete()
    storage.delete(name)


def _next_reference(application: Application) -> str:
    """POOL-YEAR-NNNN, numbered per pool and year under a lock on the pool's row."""
    pool = GrantPool.objects.select_for_update().get(pk=application.pool_id)
    year = timezone.localdate().year
    prefix = f"{pool.code}-{year}-"
    taken = Application.objects.filter(reference__startswith=prefix).count()
    return f"{prefix}{taken + 1:04d}"


@transaction.atomic
def application_submit(*, application: Application, user, now=None) -> Application:
    """Checks the deadline, the fields and the rules, keeps a version and sends a receipt;
    the area's fælles-skaber is asked for their advice (a task)."""
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
    result = application_check(application=application)
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
    transaction.on_commit(lambda: mails.ask_for_advice.enqueue(application.pk))
    return application


@transaction.atomic
def application_withdraw(*, application: Application, user) -> Application:
    """The applicant withdraws the application (until the committee has decided)."""
    return transition(application, "withdraw", by=user)
