"""A hearing's material and letter: added while it can still change, removed only from a
draft (a published hearing's material is what the forums were sent)."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from holbaek.uploads import check_document
from lokalfora.models import Hearing, HearingDocument, HearingStatus
from lokalfora.services.hearings import EDITABLE, locked


@transaction.atomic
def hearing_document_add(*, hearing: Hearing, uploaded, title: str, kind: str) -> HearingDocument:
    hearing = locked(hearing)
    if hearing.status not in EDITABLE:
        raise ValidationError(_("En afsluttet høring kan ikke ændres."))
    checked = check_document(uploaded)
    document = HearingDocument.from_upload(
        uploaded, checked, hearing=hearing, title=title.strip() or uploaded.name[:200], kind=kind
    )
    document.full_clean()
    document.save()
    return document


@transaction.atomic
def hearing_document_delete(*, document: HearingDocument) -> None:
    if locked(document.hearing).status != HearingStatus.DRAFT:
        raise ValidationError(_("Materialet i en offentliggjort høring kan ikke fjernes."))
    file = document.file
    document.delete()
    transaction.on_commit(lambda: file.delete(save=False))
