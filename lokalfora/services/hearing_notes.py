"""The høringsnotat's lines: per submitted answer a summary, the municipality's comment,
and whether it leads to a change. Published with `hearing_conclude`."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from lokalfora.models import Hearing, HearingNoteLine, HearingResponse, HearingStatus
from lokalfora.services.hearings import locked


@transaction.atomic
def note_line_save(
    *, hearing, response: HearingResponse, summary: str, comment: str, leads_to_change: bool
) -> HearingNoteLine:
    Hearing.objects.select_for_update().get(pk=hearing.pk)  # a double click waits here
    response = HearingResponse.objects.select_related("hearing").get(pk=response.pk)
    if response.hearing_id != hearing.pk:
        raise ValidationError(_("Linjen hører ikke til et svar i denne høring."))
    if not response.is_submitted:
        raise ValidationError(_("Kun et afgivet svar kommer med i høringsnotatet."))
    if response.hearing.status != HearingStatus.CLOSED:
        raise ValidationError(
            _("Høringsnotatet skrives, når fristen er udløbet, og før det offentliggøres.")
        )
    line = HearingNoteLine.objects.filter(response=response).first() or HearingNoteLine(
        response=response
    )
    line.summary, line.comment, line.leads_to_change = summary, comment, leads_to_change
    line.full_clean()
    line.save()
    return line


@transaction.atomic
def hearing_note_intro_save(*, hearing: Hearing, intro: str, by) -> Hearing:
    hearing = locked(hearing)
    if hearing.status != HearingStatus.CLOSED:
        raise ValidationError(
            _("Høringsnotatet skrives, når fristen er udløbet, og før det offentliggøres.")
        )
    hearing.note_intro = intro
    hearing.full_clean(exclude=["created_by"])
    hearing.save(update_fields=["note_intro", "updated_at"])
    return hearing
