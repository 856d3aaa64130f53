"""The log of staff's exports of a survey's answers: each download of the answers (CSV or
XLSX) leaves a `SurveyEvent` (exported) with who and the format, and no respondent's data.
The codebook holds no answers and is not logged."""

from django.db import transaction

from projektudvalg.models import SurveyEvent, SurveyEventKind

FORMATS = ("csv", "xlsx")


@transaction.atomic
def survey_export_log(*, survey, by, fmt: str) -> SurveyEvent:
    if fmt not in FORMATS:
        raise ValueError(fmt)
    return SurveyEvent.objects.create(
        survey=survey, kind=SurveyEventKind.EXPORTED, by=by, note=f"Svarene hentet som {fmt}."
    )
