"""A hearing's answers for the case file, as one ZIP: each submitted or withdrawn answer as
a PDF with the original text (hidden, sensitive and redacted ones too, with the redacted
text), its attachments (withheld ones too) under svar-<n>/, and index.csv.

The ZIP is written to a spooled temporary file: in memory up to SPOOL_BYTES, on disk
beyond, so a hearing with many large attachments never fills a worker's memory."""

import csv
import io
import shutil
import tempfile
import zipfile

from django.core.exceptions import SuspiciousFileOperation
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from holbaek.csvsafe import cell
from lokalfora import hearing_mails
from lokalfora.selectors.hearings import responses_for_export

SPOOL_BYTES = 20 * 1024 * 1024


def export_name(hearing) -> str:
    return f"hoeringssvar-{hearing.pk}.zip"


def _header() -> list[str]:
    return [
        _("nr."),
        _("modtaget"),
        _("på vegne af"),
        _("lokalforum eller organisation"),
        _("navn"),
        _("e-mail"),
        _("status"),
        _("kontrol"),
        _("følsomme oplysninger"),
        _("bilag"),
        _("fil"),
    ]


def _row(response, filename: str) -> list:
    organisation = response.forum.name if response.forum_id else response.organisation_name
    return [
        cell(value)
        for value in (
            response.number,
            response.submitted_at,
            response.get_on_behalf_of_display(),
            organisation,
            response.author_name,
            response.author_email,
            response.get_status_display(),
            response.get_screening_display(),
            _("ja") if response.contains_sensitive_information else _("nej"),
            len(response.attachments.all()),
            filename,
        )
    ]


def _attachment_names(response) -> list[tuple[object, str]]:
    """Each attachment with its name in the ZIP, unique within the answer's folder."""
    used, named = set(), []
    for index, attachment in enumerate(response.attachments.all(), start=1):
        try:
            name = get_valid_filename(attachment.name)
        except SuspiciousFileOperation:  # a name of only punctuation, such as "()"
            name = f"bilag-{index}.{attachment.extension}"
        if name.lower() in used:
            name = f"{index}-{name}"
        used.add(name.lower())
        named.append((attachment, f"svar-{response.number}/{name}"))
    return named


def hearing_zip(hearing):
    """The ZIP as an open file, at its start."""
    spooled = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115 (returned)
    index = io.StringIO()
    writer = csv.writer(index, delimiter=";")
    writer.writerow(_header())
    with zipfile.ZipFile(spooled, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for response in responses_for_export(hearing):
            folder = f"svar-{response.number}"
            pdf_name = f"{folder}/{hearing_mails.response_pdf_name(response)}"
            archive.writestr(pdf_name, hearing_mails.response_pdf(response, internal=True))
            for attachment, name in _attachment_names(response):
                try:
                    source = attachment.file.open("rb")
                except FileNotFoundError:
                    continue
                with source, archive.open(name, "w") as target:
                    shutil.copyfileobj(source, target)
            writer.writerow(_row(response, pdf_name))
        archive.writestr("index.csv", "\ufeff" + index.getvalue())
    spooled.seek(0)
    return spooled
