"""A hearing's life: kladde → planlagt → åben → frist udløbet → afsluttet → arkiveret, or
trukket tilbage; an extended deadline reopens it. One function per transition; each
writes its own log and sends its own mails (no signals)."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from lokalfora.models import (
    Forum,
    Hearing,
    HearingDeadlineChange,
    HearingInvitation,
    HearingKindRule,
    HearingParty,
    HearingStatus,
    InvitationStatus,
    LocalArea,
    ResponseVisibility,
)
from lokalfora.services import hearing_invitations

# What staff may change in each state; dates change by extending the deadline once open.
EDITABLE = (HearingStatus.DRAFT, HearingStatus.PLANNED, HearingStatus.OPEN, HearingStatus.CLOSED)
DATES_EDITABLE = (HearingStatus.DRAFT, HearingStatus.PLANNED)
HEARING_FIELDS = (
    "title",
    "summary",
    "case_number",
    "department",
    "contact_email",
    "contact_phone",
    "kind",
    "legal_hearing_url",
    "starts_at",
    "deadline",
    "short_period_reason",
    "open_to_public",
    "asks_for_address",
    "response_visibility",
    "decision_title",
    "decision_url",
)


def locked(hearing: Hearing) -> Hearing:
    """The hearing's row, read afresh and locked until the transaction ends: every write
    that depends on its status takes this first (the hearing before its invitations)."""
    return Hearing.objects.select_for_update().get(pk=hearing.pk)


def minimum_days(kind: str) -> int | None:
    rule = HearingKindRule.objects.filter(kind=kind).first()
    return rule.minimum_days if rule else None


# From the strictest to the loosest: a published hearing's rule may only get stricter, as
# those who answered were told when their answers would be public.
VISIBILITY_ORDER = (
    ResponseVisibility.NEVER,
    ResponseVisibility.AFTER_DEADLINE,
    ResponseVisibility.AT_ONCE,
)


def _visibility_problems(hearing: Hearing, old: str) -> dict:
    if (
        hearing.status == HearingStatus.DRAFT
        or not hearing.pk
        or old == hearing.response_visibility
    ):
        return {}
    if VISIBILITY_ORDER.index(hearing.response_visibility) > VISIBILITY_ORDER.index(old):
        return {
            "response_visibility": _(
                "Når høringen er sendt, kan svarene ikke offentliggøres tidligere end lovet."
            )
        }
    return {}


def _period_problems(hearing: Hearing, *, now=None) -> dict:
    problems = {}
    if hearing.starts_at and hearing.deadline:
        if hearing.deadline <= hearing.starts_at:
            problems["deadline"] = _("Høringsfristen skal ligge efter starten.")
        else:
            days = minimum_days(hearing.kind)
            start = max(hearing.starts_at, now) if now else hearing.starts_at
            short = days and hearing.deadline - start < datetime.timedelta(days=days)
            if short and not hearing.short_period_reason.strip():
                problems["short_period_reason"] = _(
                    "Høringsperioden er kortere end %(days)s dage, som er det mindste for "
                    "denne type høring. Skriv en begrundelse."
                ) % {"days": days}
    return problems


def _sync_addressees(hearing, forums, extra_areas, parties, *, now) -> None:
    """Invitations for the chosen forums; once the hearing is open a forum can be added
    (and is invited at once) but not removed: it has had the mail."""
    current = {invitation.forum_id: invitation for invitation in hearing.invitations.all()}
    wanted = {forum.pk for forum in forums}
    removed = set(current) - wanted
    if removed and hearing.status not in DATES_EDITABLE:
        raise ValidationError(
            {"forums": _("Et lokalforum, der har fået høringen, kan ikke fjernes igen.")}
        )
    if wanted - set(current) and hearing.status == HearingStatus.CLOSED:
        raise ValidationError(
            {"forums": _("Fristen er udløbet. Forlæng den for at sende høringen til flere.")}
        )
    HearingInvitation.objects.filter(hearing=hearing, forum_id__in=removed).delete()
    added = [HearingInvitation(hearing=hearing, forum_id=pk) for pk in wanted - set(current)]
    added = HearingInvitation.objects.bulk_create(added)
    areas = set(LocalArea.objects.filter(forum__in=wanted).values_list("pk", flat=True))
    hearing.areas.set(areas | {area.pk for area in extra_areas})
    names = {" ".join(name.split()) for name in parties if name.strip()}
    hearing.parties.exclude(name__in=names).delete()
    existing = set(hearing.parties.values_list("name", flat=True))
    HearingParty.objects.bulk_create(
        HearingParty(hearing=hearing, name=name) for name in sorted(names - existing)
    )
    if hearing.status == HearingStatus.OPEN:
        for invitation in added:
            hearing_invitations.invitation_send(invitation=invitation, now=now)


@transaction.atomic
def hearing_save(
    *,
    by,
    data: dict,
    forums,
    extra_areas=(),
    parties=(),
    hearing: Hearing | None = None,
    now=None,
) -> Hearing:
    """Creates a draft or changes a hearing. `forums` is every addressed forum (the form's
    "alle 18" gives them all); `parties` are other addressees' names."""
    now = now or timezone.now()
    if hearing is not None:
        hearing = Hearing.objects.select_for_update().get(pk=hearing.pk)
        if hearing.status not in EDITABLE:
            raise ValidationError(_("En afsluttet høring kan ikke ændres."))
    else:
        hearing = Hearing(created_by=by)
    old_dates = (hearing.starts_at, hearing.deadline)
    old_visibility = hearing.response_visibility
    for field, value in data.items():
        if field not in HEARING_FIELDS:
            raise ValueError(f"not a hearing field: {field}")
        setattr(hearing, field, value)
    moved = (hearing.starts_at, hearing.deadline) != old_dates
    if hearing.pk and hearing.status not in DATES_EDITABLE and moved:
        raise ValidationError(
            {"deadline": _("Når høringen er åben, ændres fristen ved at forlænge den.")}
        )
    forums = list(forums)
    problems = _period_problems(hearing)
    problems.update(_visibility_problems(hearing, old_visibility))
    if hearing.status in (HearingStatus.PLANNED, HearingStatus.OPEN) and hearing.deadline <= now:
        problems["deadline"] = _("Høringsfristen skal ligge ude i fremtiden.")
    if not forums and not hearing.open_to_public:
        problems["forums"] = _("Vælg mindst ét lokalforum, eller lad alle svare.")
    if problems:
        raise ValidationError(problems)
    hearing.full_clean(exclude=["created_by"])
    hearing.save()
    _sync_addressees(hearing, forums, extra_areas, parties, now=now)
    return hearing


def all_forums():
    return Forum.objects.select_related("area").order_by("area__name")


@transaction.atomic
def hearing_publish(*, hearing: Hearing, by, now=None) -> Hearing:
    """Kladde → planlagt (or åben at once, when it has started): the hearing, its material
    and its addressees become public; the forums are invited when it opens."""
    now = now or timezone.now()
    hearing = Hearing.objects.select_for_update().get(pk=hearing.pk)
    if hearing.status != HearingStatus.DRAFT:
        raise ValidationError(_("Høringen er allerede offentliggjort."))
    problems = []
    if hearing.deadline <= now:
        problems.append(_("Høringsfristen er overskredet. Ret fristen først."))
    if not hearing.documents.exists():
        problems.append(_("Læg høringsmaterialet eller høringsbrevet ved, før høringen sendes."))
    if not hearing.invitations.exists() and not hearing.open_to_public:
        problems.append(_("Vælg mindst ét lokalforum, eller lad alle svare."))
    # Measured from now when the start has passed: the period the forums really get.
    problems += list(_period_problems(hearing, now=now).values())
    if problems:
        raise ValidationError(problems)
    hearing.status = HearingStatus.PLANNED
    hearing.published_at = now
    hearing.save(update_fields=["status", "published_at", "updated_at"])
    if hearing.starts_at <= now:
        _open(hearing, now)
    return hearing


def _open(hearing: Hearing, now) -> None:
    hearing.status = HearingStatus.OPEN
    hearing.opened_at = now
    hearing.save(update_fields=["status", "opened_at", "updated_at"])
    for invitation in hearing.invitations.select_related("forum"):
        if invitation.sent_at is None:
            hearing_invitations.invitation_send(invitation=invitation, now=now)


def _close(hearing: Hearing, now) -> None:
    hearing.status = HearingStatus.CLOSED
    hearing.closed_at = now
    hearing.save(update_fields=["status", "closed_at", "updated_at"])
    hearing.invitations.exclude(
        status__in=[
            InvitationStatus.ANSWERED,
            InvitationStatus.NO_COMMENTS,
            InvitationStatus.DECLINED,
        ]
    ).update(status=InvitationStatus.NO_REACTION, status_changed_at=now)


def _invite_unsent(now) -> int:
    """Open hearings' forums not invited yet, each under its own lock: a run beside this
    one, or a resend, skips it. Returns how many were sent."""
    unsent = HearingInvitation.objects.filter(
        hearing__status=HearingStatus.OPEN, hearing__deadline__gt=now, sent_at__isnull=True
    )
    invited = 0
    for pk in list(unsent.values_list("pk", flat=True)):
        with transaction.atomic():
            invitation = (
                unsent.select_for_update(skip_locked=True, of=("self",))
                .select_related("hearing", "forum__area")
                .filter(pk=pk)
                .first()
            )
            if invitation is not None:
                invited += hearing_invitations.invitation_send(invitation=invitation, now=now)
    return invited


def hearings_advance(*, now=None) -> dict:
    """The task's work: planned hearings that have started open (and invite), open ones
    past their deadline close (open invitations become "ingen reaktion"), and an open
    hearing's forums not invited yet (no contact with an address then, or a mail server
    that refused) are tried again. One transaction per hearing; safe to repeat."""
    now = now or timezone.now()
    opened = closed = 0
    for pk in Hearing.objects.filter(status=HearingStatus.PLANNED, starts_at__lte=now).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            hearing = (
                Hearing.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, status=HearingStatus.PLANNED, starts_at__lte=now)
                .first()
            )
            if hearing is None:
                continue
            if hearing.deadline <= now:  # planned, then moved past: closed, nobody mailed
                hearing.status = HearingStatus.OPEN
                _close(hearing, now)
                closed += 1
            else:
                _open(hearing, now)
                opened += 1
    for pk in Hearing.objects.filter(status=HearingStatus.OPEN, deadline__lte=now).values_list(
        "pk", flat=True
    ):
        with transaction.atomic():
            hearing = (
                Hearing.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, status=HearingStatus.OPEN, deadline__lte=now)
                .first()
            )
            if hearing is not None:
                _close(hearing, now)
                closed += 1
    invited = _invite_unsent(now)
    return {"opened": opened, "closed": closed, "invited": invited}


@transaction.atomic
def hearing_extend_deadline(
    *, hearing: Hearing, new_deadline: datetime.datetime, reason: str, by, now=None
) -> Hearing:
    """A later deadline, with a reason; logged. A closed hearing opens again, its forums
    without reaction are back to where they were, and the reminders follow the new date."""
    now = now or timezone.now()
    hearing = Hearing.objects.select_for_update().get(pk=hearing.pk)
    if hearing.status not in (HearingStatus.OPEN, HearingStatus.CLOSED):
        raise ValidationError(
            _("Kun en åben høring, eller en hvis frist lige er udløbet, kan forlænges.")
        )
    problems = {}
    if not reason.strip():
        problems["reason"] = _("Skriv, hvorfor fristen forlænges.")
    if new_deadline <= max(hearing.deadline, now):
        problems["new_deadline"] = _("Den nye frist skal ligge efter den gamle og ude i fremtiden.")
    if problems:
        raise ValidationError(problems)
    HearingDeadlineChange.objects.create(
        hearing=hearing,
        old_deadline=hearing.deadline,
        new_deadline=new_deadline,
        reason=reason.strip(),
        changed_by=by,
    )
    hearing.deadline = new_deadline
    fields = ["deadline", "updated_at"]
    if hearing.status == HearingStatus.CLOSED:
        hearing.status, hearing.closed_at = HearingStatus.OPEN, None
        fields += ["status", "closed_at"]
        waiting = hearing.invitations.filter(status=InvitationStatus.NO_REACTION)
        waiting.filter(opened_at__isnull=False).update(
            status=InvitationStatus.OPENED, status_changed_at=now
        )
        waiting.filter(opened_at__isnull=True).update(
            status=InvitationStatus.INVITED, status_changed_at=now
        )
    hearing.save(update_fields=fields)
    return hearing


@transaction.atomic
def hearing_withdraw(*, hearing: Hearing, reason: str, by, now=None) -> Hearing:
    hearing = Hearing.objects.select_for_update().get(pk=hearing.pk)
    if hearing.status not in (HearingStatus.PLANNED, HearingStatus.OPEN, HearingStatus.CLOSED):
        raise ValidationError(_("Høringen kan ikke trækkes tilbage nu."))
    if not reason.strip():
        raise ValidationError({"reason": _("Skriv, hvorfor høringen trækkes tilbage.")})
    hearing.withdrawn_reason = reason.strip()
    hearing.status = HearingStatus.WITHDRAWN
    hearing.save(update_fields=["status", "withdrawn_reason", "updated_at"])
    return hearing


@transaction.atomic
def hearing_delete(*, hearing: Hearing) -> None:
    """Only a draft is deleted; a published hearing is withdrawn, and kept."""
    hearing = locked(hearing)
    if hearing.status != HearingStatus.DRAFT:
        raise ValidationError(_("En offentliggjort høring kan ikke slettes. Træk den tilbage."))
    files = [document.file for document in hearing.documents.all()]
    hearing.delete()
    transaction.on_commit(lambda: [file.delete(save=False) for file in files])


@transaction.atomic
def hearing_conclude(*, hearing: Hearing, by, now=None) -> Hearing:
    """Publishes the høringsnotat: every submitted answer needs its line first."""
    now = now or timezone.now()
    hearing = Hearing.objects.select_for_update().get(pk=hearing.pk)
    if hearing.status != HearingStatus.CLOSED:
        raise ValidationError(_("Høringsnotatet offentliggøres, når høringsfristen er udløbet."))
    missing = list(
        hearing.responses.submitted()
        .filter(note_line__isnull=True)
        .order_by("number")
        .values_list("number", flat=True)
    )
    if missing:
        raise ValidationError(
            _("Skriv et resumé og kommunens bemærkning til svar nr. %(numbers)s.")
            % {"numbers": ", ".join(str(number) for number in missing)}
        )
    hearing.status = HearingStatus.CONCLUDED
    hearing.note_published_at = now
    hearing.save(update_fields=["status", "note_published_at", "updated_at"])
    return hearing


@transaction.atomic
def hearing_archive(*, hearing: Hearing, by) -> Hearing:
    hearing = Hearing.objects.select_for_update().get(pk=hearing.pk)
    if hearing.status != HearingStatus.CONCLUDED:
        raise ValidationError(_("Kun en afsluttet høring kan arkiveres."))
    hearing.status = HearingStatus.ARCHIVED
    hearing.save(update_fields=["status", "updated_at"])
    return hearing
