"""Staff exports: applications, assessments and decisions as rows, for CSV and XLSX."""

import csv
import io

from django.db.models import Prefetch

from holbaek.csvsafe import cell, xlsx_cell
from projektudvalg.models import Application, Assessment, Decision, Status

KINDS = ("ansoegninger", "vurderinger", "afgoerelser")


def _applications():
    header = ["journalnummer", "pulje", "runde", "status", "titel", "organisation", "omraade",
              "ansoegt_kr", "indsendt"]  # fmt: skip
    rows = [
        [a.reference, a.pool.name, a.round.name, a.get_status_display(),
         a.title or a.property_address, a.organisation, a.area.name if a.area else "",
         a.amount_applied, a.submitted_at or ""]
        for a in Application.objects.exclude(status=Status.DRAFT)
        .select_related("pool", "round", "area").order_by("reference")
    ]  # fmt: skip
    return header, rows


def _assessments():
    header = ["journalnummer", "vurderet_af", "kriterium", "point", "noter"]
    rows = []
    assessments = Assessment.objects.select_related("application", "assessor").prefetch_related(
        Prefetch("scores", to_attr="all_scores")
    )
    for assessment in assessments.order_by("application__reference", "id"):
        for score in assessment.all_scores or [None]:
            rows.append([
                assessment.application.reference, assessment.assessor.email,
                score.criterion.name if score else "", score.score if score else "",
                assessment.notes,
            ])  # fmt: skip
    return header, rows


def _decisions():
    header = ["journalnummer", "afgoerelse", "beloeb_kr", "vilkaar", "begrundelse", "moede",
              "dato"]  # fmt: skip
    rows = [
        [d.application.reference, d.get_outcome_display(), d.amount, d.conditions, d.reason,
         str(d.agenda_item.meeting) if d.agenda_item else "", d.decided_at]
        for d in Decision.objects.select_related("application", "agenda_item__meeting")
        .order_by("application__reference", "decided_at")
    ]  # fmt: skip
    return header, rows


def table(kind: str):
    return {"ansoegninger": _applications, "vurderinger": _assessments,
            "afgoerelser": _decisions}[kind]()  # fmt: skip


def as_csv(kind: str) -> str:
    return _csv(*table(kind))


def agenda_csv(meeting) -> str:
    """A meeting's pool applications (selectors.meeting_agenda prefetches them), one row
    each under its item's number."""
    header = ["punkt", "journalnummer", "pulje", "titel", "omraade", "ansoegt_kr",
              "indstilling", "indstillet_kr"]  # fmt: skip
    rows = []
    for item in meeting.items.all():
        for line in item.pool_lines.all():
            application = line.application
            recommendation = getattr(application, "recommendation", None)
            rows.append([
                item.number, application.reference, application.pool.name,
                application.title or application.property_address,
                application.area.name if application.area else "", application.amount_applied,
                recommendation.get_outcome_display() if recommendation else "",
                recommendation.amount if recommendation else "",
            ])  # fmt: skip
    return _csv(header, rows)


def table_csv(header, rows) -> str:
    """A table as the staff exports write CSV (see `_csv`)."""
    return _csv(header, rows)


def _csv(header, rows) -> str:
    """Semicolon-separated with a byte order mark (Excel opens it as UTF-8); no cell
    starts like a formula."""
    output = io.StringIO()
    output.write("\ufeff")
    writer = csv.writer(output, delimiter=";")
    writer.writerow(header)
    writer.writerows([cell(value) for value in row] for row in rows)
    return output.getvalue()


def as_xlsx(kind: str) -> bytes:
    """One sheet; numbers and times stay numbers and times (Danish time), text never
    starts like a formula."""
    # Imported here on purpose: openpyxl takes about 0.5 s to import, paid at start-up by
    # every worker otherwise, for an export staff download now and then.
    from openpyxl import Workbook

    header, rows = table(kind)
    book = Workbook()
    sheet = book.active
    sheet.title = kind
    sheet.append(header)
    for row in rows:
        sheet.append([xlsx_cell(value) for value in row])
    output = io.BytesIO()
    book.save(output)
    return output.getvalue()
