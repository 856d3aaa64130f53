"""A special effort's working groups (set up by committee staff or the project lead; the
members join on the public page) and its documents (the selection basis, the
cooperation agreement).

A group's contact person's name is public only with their consent
(`contact_name_public`); the consent without a name means nothing, so it is refused.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from holbaek import uploads
from projektudvalg.models import CommitteeDocument, DocumentKind, SpecialEffort, WorkingGroup

GROUP_FIELDS = (
    "name", "theme", "description", "contact", "contact_name", "contact_name_public",
    "open_for_new_members", "order",
)  # fmt: skip
EFFORT_DOCUMENT_KINDS = (DocumentKind.SELECTION, DocumentKind.AGREEMENT, DocumentKind.OTHER)
MAX_DOCUMENTS = 40


@transaction.atomic
def group_save(
    *, effort: SpecialEffort, data: dict, group: WorkingGroup | None = None
) -> WorkingGroup:
    """Creates or changes a working group of the effort (`data`: GROUP_FIELDS)."""
    unknown = set(data) - set(GROUP_FIELDS)
    if unknown:
        raise ValueError(f"not a group field: {sorted(unknown)}")
    if group is not None and group.effort_id != effort.pk:
        raise ValueError("the group is another effort's")
    group = group or WorkingGroup(effort=effort)
    for name, value in data.items():
        setattr(group, name, value)
    problems = {}
    if not group.name.strip():
        problems["name"] = _("Skriv gruppens navn.")
    if group.contact_name_public and not group.contact_name.strip():
        problems["contact_name"] = _("Skriv kontaktpersonens navn, eller fjern samtykket.")
    duplicate = effort.working_groups.filter(name__iexact=group.name.strip())
    if group.pk:
        duplicate = duplicate.exclude(pk=group.pk)
    if group.name.strip() and duplicate.exists():
        problems["name"] = _("Indsatsen har allerede en gruppe med det navn.")
    if problems:
        raise ValidationError(problems)
    group.full_clean()
    group.save()
    return group


@transaction.atomic
def document_add(
    *, effort: SpecialEffort, uploaded, title: str, kind: str, by
) -> CommitteeDocument:
    """Stores a document of the effort (its type read from the content)."""
    if kind not in EFFORT_DOCUMENT_KINDS:
        raise ValidationError({"kind": _("Vælg hvilken slags dokument det er.")})
    if not title.strip():
        raise ValidationError({"title": _("Skriv dokumentets titel.")})
    if effort.documents.count() >= MAX_DOCUMENTS:
        raise ValidationError(
            _("En indsats kan højst have %(max)d dokumenter.") % {"max": MAX_DOCUMENTS}
        )
    found = uploads.check_document(uploaded)
    document = CommitteeDocument.from_upload(
        uploaded, found, effort=effort, title=title.strip(), kind=kind, uploaded_by=by
    )
    document.full_clean(exclude=["file"])
    document.save()
    return document


@transaction.atomic
def document_remove(*, document: CommitteeDocument) -> None:
    """Deletes the document and its stored file."""
    storage, name = document.file.storage, document.file.name
    document.delete()
    storage.delete(name)
