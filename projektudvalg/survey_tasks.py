"""The surveys' background work: the nightly deletion of raw answers on each survey's
retention date (services/survey_retention.py); every 5 minutes the surveys' own times,
planned surveys open and surveys close when their time is up (services/survey_steps.py);
the invitations and reminders staff send from the invitations page, and the daily
automatic reminder for surveys closing within three days (services/survey_invitations.py).
Listed in projektudvalg/tasks.py RECURRING."""

from django.contrib.auth import get_user_model
from django.tasks import task

from holbaek.schedule import Recurring, daily, ensure_scheduled, every
from projektudvalg.models import Survey
from projektudvalg.services.survey_invitations import (
    invitations_remind,
    invitations_remind_closing,
    invitations_send,
)
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


def _user(pk):
    return get_user_model().objects.filter(pk=pk).first() if pk else None


@task()
def send_survey_invitations(survey_id: int, by_id: int | None = None) -> int:
    """Mails the personal links of a survey's invitees not sent one yet."""
    return invitations_send(survey=Survey.objects.get(pk=survey_id), by=_user(by_id))


@task()
def remind_survey_invitees(survey_id: int, by_id: int | None = None) -> int:
    """Reminds the invitees who have not answered (a new link each)."""
    return invitations_remind(survey=Survey.objects.get(pk=survey_id), by=_user(by_id))


@task()
def remind_closing_surveys() -> int:
    """One automatic reminder for each survey that closes within three days."""
    try:
        return invitations_remind_closing()
    finally:
        ensure_scheduled()


RECURRING = [
    Recurring(delete_survey_answers, daily(2, 45), "Sletning af svar på undersøgelser"),
    Recurring(open_and_close_surveys, every(5), "Undersøgelser åbner og lukker til tiden"),
    Recurring(remind_closing_surveys, daily(9, 0), "Påmindelser om undersøgelser, der lukker"),
]
