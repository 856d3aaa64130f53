"""The suite's clock: TEST_TODAY, the clock fixture, and no test reading the wall clock."""

import ast
import datetime
import pathlib
import time

import pytest
from django.utils import timezone

from tests.clock import CPH, danish, travel_from_env

TESTS = pathlib.Path(__file__).parent
# now()/today() always read the clock; localtime(value) and datetime.time(12) do not.
CLOCK_READS = {"now", "today", "time_ns"}
CLOCK_READS_WITHOUT_ARGUMENTS = {"localdate", "localtime", "time"}
SYSTEM_READS = {("date", "today"), ("datetime", "now"), ("datetime", "today")}


def test_danish_times_are_read_in_danish_time():
    assert danish("2026-12-10 09:00") == datetime.datetime(2026, 12, 10, 9, tzinfo=CPH)
    assert danish("2026-07-01T09:00") == datetime.datetime(2026, 7, 1, 9, tzinfo=CPH)
    assert danish("2026-12-10") == datetime.datetime(2026, 12, 10, 12, tzinfo=CPH)
    assert danish(datetime.date(2030, 1, 2)).hour == 12
    aware = datetime.datetime(2026, 12, 10, 23, 30, tzinfo=datetime.UTC)
    assert danish(aware) == aware


def test_the_clock_sets_and_moves_now(clock):
    clock.set("2026-12-31 23:30", tick=False)
    assert clock.today() == datetime.date(2026, 12, 31)
    assert timezone.now() == datetime.datetime(2026, 12, 31, 22, 30, tzinfo=datetime.UTC)
    clock.shift(hours=1)
    assert clock.today() == datetime.date(2027, 1, 1)
    assert clock.now().hour == 0
    clock.shift(datetime.timedelta(days=-1))
    assert clock.today() == datetime.date(2026, 12, 31)


def test_the_clock_ticks_unless_told_not_to(clock):
    clock.set("2027-03-04 10:00")
    first = time.time()
    time.sleep(0.01)
    assert time.time() > first
    assert clock.today() == datetime.date(2027, 3, 4)


def test_test_today_travels_to_noon_danish_time(monkeypatch):
    monkeypatch.delenv("TEST_TODAY", raising=False)
    assert travel_from_env() is None
    monkeypatch.setenv("TEST_TODAY", "2030-01-02")
    with travel_from_env():
        assert timezone.localtime() - datetime.datetime(2030, 1, 2, 12, tzinfo=CPH) < (
            datetime.timedelta(seconds=5)
        )


def is_clock_read(call):
    name = getattr(call.func, "attr", None)
    return name in CLOCK_READS or (name in CLOCK_READS_WITHOUT_ARGUMENTS and not call.args)


def module_level_clock_reads(tree):
    """Calls like timezone.now() that run when the module is imported, before any travel."""
    pending = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            pending += node.decorator_list + node.args.defaults
            pending += [default for default in node.args.kw_defaults if default is not None]
            continue
        if isinstance(node, ast.Lambda):
            continue
        if isinstance(node, ast.Call) and is_clock_read(node):
            yield node
        pending += ast.iter_child_nodes(node)


def system_clock_reads(tree):
    """date.today() and datetime.now() without a zone: the machine's day, not Denmark's."""
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or node.args or node.keywords:
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Attribute | ast.Name):
            owner = func.value.attr if isinstance(func.value, ast.Attribute) else func.value.id
            if (owner, func.attr) in SYSTEM_READS:
                yield node


@pytest.mark.parametrize("check", [module_level_clock_reads, system_clock_reads])
def test_no_test_reads_the_wall_clock_behind_the_clocks_back(check):
    found = []
    for path in sorted(TESTS.rglob("*.py")):
        tree = ast.parse(path.read_text(), filename=str(path))
        found += [f"{path.relative_to(TESTS)}:{node.lineno}" for node in check(tree)]
    assert found == [], "use the clock fixture (tests/clock.py) or timezone.localdate() in a test"


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        ("import datetime\nLATER = timezone.localtime() + datetime.timedelta(days=7)", 1),
        ("@pytest.mark.parametrize('d', [date.today()])\ndef test_x(d): pass", 1),
        ("def test_x():\n    return timezone.now()", 0),
        ("NOON = datetime.time(12)\nWHEN = timezone.localtime(EVENT)", 0),
    ],
)
def test_the_module_level_check_sees_import_time_reads(source, flagged):
    assert len(list(module_level_clock_reads(ast.parse(source)))) == flagged


@pytest.mark.parametrize(
    ("source", "flagged"),
    [
        ("datetime.date.today()", 1),
        ("datetime.datetime.now()", 1),
        ("datetime.datetime.now(tz=datetime.UTC)", 0),
        ("timezone.now()", 0),
    ],
)
def test_the_system_clock_check_sees_zone_less_reads(source, flagged):
    assert len(list(system_clock_reads(ast.parse(source)))) == flagged
