"""Background work for the pools, run by the database-backed task worker."""

from calendar import MONDAY

from django.tasks import task

from holbaek.schedule import Recurring, ensure_scheduled, weekly
from projektudvalg import news_schedule, newsletter_tasks, services, survey_tasks


@task()
def remind_final_reports() -> int:
    """Applicants whose final report is overdue get a reminder (at most every 14 days)."""
    try:
        return services.final_report_remind_overdue()
    finally:
        ensure_scheduled()


RECURRING = [
    Recurring(remind_final_reports, weekly(MONDAY, 8, 30), "Påmindelser om slutrapporter"),
]

# Track 3: scheduled municipal news, told to the page cache when its time comes.
RECURRING += news_schedule.RECURRING
# Track 3's newsletters (projektudvalg/newsletter_tasks.py).
RECURRING += newsletter_tasks.RECURRING
# Track 3's surveys: the retention date (projektudvalg/survey_tasks.py).
RECURRING += survey_tasks.RECURRING
