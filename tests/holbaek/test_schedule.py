"""Recurring tasks are queued for their next Danish wall-clock time, once."""

import contextlib
import datetime
import threading
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.tasks import TaskResultStatus
from django_tasks_db.models import DBTaskResult
from hypothesis import given
from hypothesis import strategies as st

from holbaek import schedule
from holbaek.schedule import Recurring, daily, ensure_scheduled, monthly, recurring_tasks, weekly
from lokalfora.tasks import send_weekly_digest

CPH = ZoneInfo("Europe/Copenhagen")
MONDAY = 0


def cph(*args):
    return datetime.datetime(*args, tzinfo=CPH)


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (cph(2026, 11, 26, 12, 0), cph(2026, 11, 30, 7, 0)),  # Thursday -> Monday
        (cph(2026, 11, 30, 6, 59), cph(2026, 11, 30, 7, 0)),  # Monday before seven
        (cph(2026, 11, 30, 7, 0), cph(2026, 12, 7, 7, 0)),  # exactly then: next week
        # Summer time ends on 25 October 2026: still 07:00 in Denmark, an hour later in UTC.
        (cph(2026, 10, 20, 9, 0), cph(2026, 10, 26, 7, 0)),
    ],
)
def test_weekly(now, expected):
    assert weekly(MONDAY, 7)(now) == expected


def test_the_summer_time_change_keeps_the_danish_hour():
    before = weekly(MONDAY, 7)(cph(2026, 10, 13, 9, 0))
    after = weekly(MONDAY, 7)(cph(2026, 10, 20, 9, 0))
    assert before.astimezone(datetime.UTC).hour == 5
    assert after.astimezone(datetime.UTC).hour == 6


@pytest.mark.parametrize(
    ("now", "expected"),
    [
        (cph(2026, 11, 26, 12, 0), cph(2026, 12, 1, 8, 0)),
        (cph(2026, 12, 1, 9, 0), cph(2027, 1, 1, 8, 0)),
        (cph(2026, 12, 1, 7, 0), cph(2026, 12, 1, 8, 0)),
    ],
)
def test_monthly(now, expected):
    assert monthly(1, 8)(now) == expected


def test_monthly_refuses_days_some_months_lack():
    with pytest.raises(ValueError, match="1 to 28"):
        monthly(31, 8)


@given(
    st.datetimes(
        min_value=datetime.datetime(2000, 1, 1),
        max_value=datetime.datetime(2100, 1, 1),
        timezones=st.just(CPH),
    )
)
def test_next_runs_are_after_now_and_at_the_danish_hour(now):
    for next_run, horizon in [(daily(6, 30), 2), (weekly(MONDAY, 7), 8), (monthly(1, 8), 32)]:
        when = next_run(now)
        assert now < when <= now + datetime.timedelta(days=horizon)
        local = when.astimezone(CPH)
        assert (local.hour, local.minute) in {(6, 30), (7, 0), (8, 0)}


@pytest.fixture
def database_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


@pytest.mark.django_db
def test_each_recurring_task_is_queued_once(database_tasks):
    paths = {entry.task.module_path for entry in recurring_tasks()}
    assert "lokalfora.tasks.send_weekly_digest" in paths
    now = cph(2026, 11, 26, 12, 0)
    queued = ensure_scheduled(now=now)
    assert {entry.task.module_path for entry, _when in queued} == paths
    assert ensure_scheduled(now=now) == []
    digest = DBTaskResult.objects.get(task_path="lokalfora.tasks.send_weekly_digest")
    assert digest.run_after == cph(2026, 11, 30, 7, 0)


@pytest.mark.django_db
def test_a_finished_run_queues_the_next(database_tasks):
    send_weekly_digest.call()  # as the worker runs it, with no run waiting
    waiting = DBTaskResult.objects.filter(
        task_path="lokalfora.tasks.send_weekly_digest", status=TaskResultStatus.READY
    )
    assert waiting.count() == 1


@pytest.mark.django_db
def test_the_command_reports_and_is_safe_to_repeat(database_tasks, capsys):
    call_command("schedule_tasks")
    first = capsys.readouterr().out
    assert "lagt i kø til" in first
    call_command("schedule_tasks")
    assert "venter allerede" in capsys.readouterr().out


@pytest.mark.django_db
def test_without_a_deferring_backend_nothing_is_queued():
    assert ensure_scheduled() == []


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_workers_starting_at_once_queue_each_task_once(settings, monkeypatch):
    """Both check "is one waiting?" before either has queued, unless the check and the
    queueing hold one lock: the barrier lets each thread past the check only together with
    the other (or after a second, when the lock keeps the other one out)."""
    if connection.vendor != "postgresql":
        pytest.skip("two connections at once need PostgreSQL")
    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    entry = next(e for e in recurring_tasks() if e.task.module_path.endswith("weekly_digest"))
    barrier = threading.Barrier(2)

    def next_run(now):
        with contextlib.suppress(threading.BrokenBarrierError):
            barrier.wait(timeout=1)
        return entry.next_run(now)

    slow = Recurring(task=entry.task, next_run=next_run, description=entry.description)
    monkeypatch.setattr(schedule, "recurring_tasks", lambda: [slow])
    errors = []

    def start_worker():
        try:
            ensure_scheduled(now=cph(2026, 11, 26, 12, 0))
        except Exception as error:  # reported below, not lost in the thread
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=start_worker) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    assert DBTaskResult.objects.filter(task_path=entry.task.module_path).count() == 1
