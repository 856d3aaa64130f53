"""The surveys' background work: the nightly deletion of raw answers on each survey's
retention date (services/survey_retention.py), and every 5 minutes the surveys' own
times: planned surveys open, and surveys close when their time is up
(services/survey_steps.py). Listed in projektudvalg/tasks.py RECURRING."""

from django.tasks import task

from holbaek.schedule import Recurring, daily, ensure_scheduled, every
from projektudvalg.services.survey_retention import survey_answers_delete_due
from projektudvalg.services.survey_steps import surveys_run_schedule


@task()
def delete_survey_answers() -> int:
    """Deletes the raw answers of the surveys whose retention date has come."""
    try:
        return survey_answers_delete_due()
    finally:
        ensure_scheduled()


@task()
def open_and_close_surveys() -> list[int]:
    """Opens the planned surveys whose time has come and closes those whose time is up."""
    try:
        return list(surveys_run_schedule())
    finally:
        ensure_scheduled()


RECURRING = [
    Recurring(delete_survey_answers, daily(2, 45), "Sletning af svar på undersøgelser"),
    Recurring(open_and_close_surveys, every(5), "Undersøgelser åbner og lukker til tiden"),
]
