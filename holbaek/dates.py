"""Date arithmetic, the one way the portal does it: calendar months through
`dateutil.relativedelta`, Danish wall-clock time through the default time zone.

"One month after 31 January" is the last day of February, as a person counts.
"""

import datetime

from dateutil.relativedelta import relativedelta
from django.utils import timezone


def add_months[Day: datetime.date](day: Day, months: int) -> Day:
    """The same day `months` later (or earlier), or that month's last day:
    31 January + 1 -> 28 or 29 February. A datetime keeps its time of day."""
    return day + relativedelta(months=months)


def month_bounds(year: int, month: int) -> tuple[datetime.datetime, datetime.datetime]:
    """The month as an aware half-open range [first 00:00, next month's first 00:00) in
    Danish time, so a month is a month across summer time."""
    zone = timezone.get_default_timezone()
    start = datetime.datetime(year, month, 1, tzinfo=zone)
    following = start.date() + relativedelta(months=1)
    end = datetime.datetime(following.year, following.month, 1, tzinfo=zone)
    return start, end


def query_year(value) -> int | None:
    """A plausible year from the query string, or None (nonsense is ignored, never a 500)."""
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None
    return year if 2000 <= year <= 2100 else None
