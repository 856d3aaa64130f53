"""Working days: Monday to Friday, except Danish public holidays and the municipality's closed days.

The public holidays come from the `holidays` package (Easter-dependent days
included; Store Bededag until 2023, abolished from 2024), and so does the
working-day arithmetic (`is_working_day`, `get_nth_working_day`,
`get_working_days_count`). The closed days (by default 1 May, Grundlovsdag,
Juleaftensdag and Nytårsaftensdag, which are not public holidays) are a staff
setting: SparringSettings.closed_days, see faelles_skabere/closed_days.py.
"""

import datetime
from functools import lru_cache

from holidays.countries import Denmark

from faelles_skabere.closed_days import month_days
from faelles_skabere.models import SparringSettings

CLOSED_DAY_NAME = "Kommunen holder lukket"


class MunicipalCalendar(Denmark):
    """Denmark's public holidays plus the given closed days (month, day) in every year."""

    def __init__(self, closed_days: tuple[tuple[int, int], ...] = (), **kwargs):
        self.closed_days = closed_days  # read by _populate, which __init__ may call
        super().__init__(**kwargs)

    def _populate(self, year: int) -> None:
        super()._populate(year)
        for month, day in self.closed_days:
            self._add_holiday(CLOSED_DAY_NAME, datetime.date(year, month, day))


@lru_cache(maxsize=8)
def _calendar(closed_days: tuple[tuple[int, int], ...]) -> MunicipalCalendar:
    return MunicipalCalendar(closed_days)


def municipal_calendar(settings: SparringSettings | None = None) -> MunicipalCalendar:
    """The calendar for the closed days staff have set now (one query without `settings`)."""
    settings = settings or SparringSettings.current()
    return _calendar(month_days(settings.closed_days))


def is_working_day(day: datetime.date, *, calendar: MunicipalCalendar | None = None) -> bool:
    return (calendar or municipal_calendar()).is_working_day(day)


def add_working_days(
    start: datetime.date, days: int, *, calendar: MunicipalCalendar | None = None
) -> datetime.date:
    """The date `days` working days after `start` (the start day itself does not count)."""
    if days < 0:
        raise ValueError("days must not be negative")
    if days == 0:
        return start
    return (calendar or municipal_calendar()).get_nth_working_day(start, days)


def working_days_between(
    start: datetime.date, end: datetime.date, *, calendar: MunicipalCalendar | None = None
) -> int:
    """Working days after `start` up to and including `end` (0 if end is not after start)."""
    if end <= start:
        return 0
    calendar = calendar or municipal_calendar()
    return calendar.get_working_days_count(start + datetime.timedelta(days=1), end)
