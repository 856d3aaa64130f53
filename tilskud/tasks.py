"""Background work for the grants, run by the database-backed task worker."""

from calendar import MONDAY

from django.tasks import task

from holbaek.schedule import Recurring, ensure_scheduled, weekly
from tilskud import followup


@task()
def remind_overdue_accounts() -> int:
    """Forums paid a grant whose accounts are overdue get a reminder (at most every 14 days)."""
    try:
        return followup.remind_overdue_accounts()
    finally:
        ensure_scheduled()


RECURRING = [
    Recurring(remind_overdue_accounts, weekly(MONDAY, 8), "Påmindelser om regnskab for tilskud"),
]
