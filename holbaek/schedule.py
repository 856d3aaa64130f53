"""Recurring background tasks, without cron.

Django's tasks framework runs work in a worker but has no clock. Each recurring
task is kept queued once, with `run_after` set to its next time (Europe/Copenhagen
wall-clock time, so 07:00 stays 07:00 across summer time). When it has run, the
worker's run of `ensure_scheduled()` queues the next one. `manage.py schedule_tasks`
does the same at deploy time, and is safe to repeat: a task already waiting is
left alone, also when two workers start at the same moment (the check and the queueing
hold one lock, see `_lock`).

Apps list their recurring tasks in `RECURRING` in their `tasks.py`.
"""

import datetime
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.db import connection, transaction
from django.tasks import TaskResultStatus, default_task_backend
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from holbaek.dates import add_months

NextRun = Callable[[datetime.datetime], datetime.datetime]


@dataclass(frozen=True)
class Recurring:
    task: object  # a django.tasks Task
    next_run: NextRun
    description: str


def _local(now: datetime.datetime) -> datetime.datetime:
    return timezone.localtime(now, ZoneInfo(settings.TIME_ZONE))


def _at(day: datetime.date, hour: int, minute: int) -> datetime.datetime:
    naive = datetime.datetime.combine(day, datetime.time(hour, minute))
    return timezone.make_aware(naive, ZoneInfo(settings.TIME_ZONE))


def daily(hour: int, minute: int = 0) -> NextRun:
    def next_run(now):
        today = _local(now).date()
        candidate = _at(today, hour, minute)
        return (
            candidate if candidate > now else _at(today + datetime.timedelta(days=1), hour, minute)
        )

    return next_run


def every(minutes: int) -> NextRun:
    """Every `minutes` minutes, on the clock (every 5: :00, :05, ...); 1 to 60."""
    if not 1 <= minutes <= 60:
        raise ValueError("minutes must be 1 to 60")

    def next_run(now):
        # In UTC: Danish time is a whole hour off it, so the minutes agree, and UTC has
        # no hour that is skipped or repeated when summer time starts or ends.
        utc = now.astimezone(datetime.UTC).replace(second=0, microsecond=0)
        return utc + datetime.timedelta(minutes=minutes - utc.minute % minutes)

    return next_run


def weekly(weekday: int, hour: int, minute: int = 0) -> NextRun:
    """weekday: 0 is Monday."""

    def next_run(now):
        today = _local(now).date()
        for offset in range(8):
            day = today + datetime.timedelta(days=offset)
            if day.weekday() == weekday and _at(day, hour, minute) > now:
                return _at(day, hour, minute)
        raise AssertionError("unreachable")

    return next_run


def monthly(day: int, hour: int, minute: int = 0) -> NextRun:
    """day: 1 to 28, so every month has it."""
    if not 1 <= day <= 28:
        raise ValueError("day must be 1 to 28")

    def next_run(now):
        local = _local(now).date()
        candidate = _at(local.replace(day=day), hour, minute)
        if candidate > now:
            return candidate
        return _at(add_months(local.replace(day=day), 1), hour, minute)

    return next_run


def recurring_tasks() -> list[Recurring]:
    found = []
    for app in apps.get_app_configs():
        try:
            module = importlib.import_module(f"{app.name}.tasks")
        except ModuleNotFoundError as error:
            if error.name != f"{app.name}.tasks":
                raise
            continue
        found.extend(getattr(module, "RECURRING", []))
    return found


# Any fixed number: the key of the PostgreSQL advisory lock the scheduling holds.
_SCHEDULE_LOCK = 7_142_026


def _lock() -> None:
    """Serialises "is one waiting? then queue one" between processes, until the transaction
    ends. Without it two workers starting at once both see nothing waiting and both queue.
    PostgreSQL: a transaction-level advisory lock. SQLite (the run command's database) opens
    its transactions IMMEDIATE (settings.py), which takes the database's write lock."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_SCHEDULE_LOCK])


def ensure_scheduled(*, now=None) -> list[tuple[Recurring, datetime.datetime | None]]:
    """Queues every recurring task that has no run waiting. Returns what it queued, and when.

    Needs a task backend that can defer (the database backend); with another
    backend nothing is queued and the list is empty.
    """
    if not default_task_backend.supports_defer:
        return []
    now = now or timezone.now()
    queued = []
    with transaction.atomic():
        _lock()
        for entry in recurring_tasks():
            waiting = DBTaskResult.objects.filter(
                task_path=entry.task.module_path, status=TaskResultStatus.READY
            ).exists()
            if waiting:
                continue
            when = entry.next_run(now)
            entry.task.using(run_after=when).enqueue()
            queued.append((entry, when))
    return queued
