"""The suite's one controllable clock, on top of time-machine.

`TEST_TODAY=2030-01-02` runs every test at noon Danish time on that day (see
`_test_today` in tests/conftest.py); the `clock` fixture lets a test set and move
"now" itself. Both move Python's clock only: the code passes the Python time to the
database instead of using SQL's now().
"""

import datetime
import os
import zoneinfo

import time_machine
from django.utils import timezone

CPH = zoneinfo.ZoneInfo("Europe/Copenhagen")
NOON = datetime.time(12)


def danish(value) -> datetime.datetime:
    """An aware datetime from "2026-12-10", "2026-12-10 09:00", a date or a datetime.

    Naive values are Danish time; a bare date means noon, so a test is never an hour
    from the previous or next day.
    """
    if isinstance(value, str):
        value = (
            datetime.datetime.fromisoformat(value)
            if " " in value or "T" in value
            else (datetime.date.fromisoformat(value))
        )
    if not isinstance(value, datetime.datetime):
        value = datetime.datetime.combine(value, NOON)
    if timezone.is_naive(value):
        value = value.replace(tzinfo=CPH)
    return value


def travel_from_env() -> time_machine.travel | None:
    """The travel `TEST_TODAY` asks for (a date, or a date and time), or None."""
    today = os.environ.get("TEST_TODAY", "").strip()
    return time_machine.travel(danish(today), tick=True) if today else None


class Clock:
    """`clock.set("2026-12-10 09:00")`, `clock.shift(days=1)`, `clock.now()`, `clock.today()`.

    A thin layer over time-machine's `time_machine` fixture, so a test may use both.
    Before the first `set`, "now" is the suite's now (TEST_TODAY or the real time).
    """

    def __init__(self, machine):
        self._machine = machine
        self._set = False

    def set(self, when, *, tick: bool = True) -> datetime.datetime:
        self._machine.move_to(danish(when), tick=tick)
        self._set = True
        return self.now()

    def shift(self, delta: datetime.timedelta | None = None, **units) -> datetime.datetime:
        if not self._set:
            self.set(self.now())
        self._machine.shift(delta if delta is not None else datetime.timedelta(**units))
        return self.now()

    def now(self) -> datetime.datetime:
        """Now, in Danish time."""
        return timezone.localtime()

    def today(self) -> datetime.date:
        """Today in Denmark."""
        return timezone.localdate()
