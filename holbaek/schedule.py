"""Recurring background tasks, without cron.

Django's tasks framework runs work in a worker but has no clock. Each recurring
task is kept queued once, with `run_after` set to its next time (Europe/Copenhagen
wall-clock time, so 07:00 stays 07:00 across summer time). When it has run, the
worker's run of `ensure_scheduled()` queues the next one. `manage.py schedule_tasks`
does the same at deploy time, and is safe to repeat: a task already waiting is
left alone.

Apps list their recurring tasks in `RECURRING` in their `tasks.py`.
"""

import datetime
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.apps import apps
from django.conf import settings
from django.utils import timezone

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
        year, month = (local.year + 1, 1) if local.month == 12 else (local.year, local.month + 1)
        return _at(datetime.date(year, month, day), hour, minute)

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


def ensure_scheduled(*, now=None) -> list[tuple[Recurring, datetime.datetime | None]]:
    """Queues every recurring task that has no run waiting. Returns what it queued, and when.

    Needs a task backend that can defer (the database backend); with another
    backend nothing is queued and the list is empty.
    """
    from django.tasks import TaskResultStatus, default_task_backend
    from django_tasks_db.models import DBTaskResult

    if not default_task_backend.supports_defer:
        return []
    now = now or timezone.now()
    queued = []
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
