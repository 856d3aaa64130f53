"""The surveys' background work: the nightly deletion of raw answers on each survey's
retention date (services/survey_retention.py). Listed in projektudvalg/tasks.py RECURRING."""

from django.tasks import task

from holbaek.schedule import Recurring, daily, ensure_scheduled
from projektudvalg.services.survey_retention import survey_answers_delete_due


@task()
def delete_survey_answers() -> int:
    """Deletes the raw answers of the surveys whose retention date has come."""
    try:
        return survey_answers_delete_due()
    finally:
        ensure_scheduled()


RECURRING = [
    Recurring(delete_survey_answers, daily(2, 45), "Sletning af svar på undersøgelser"),
]
