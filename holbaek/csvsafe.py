"""Cells for the staff exports (CSV and XLSX): safe from spreadsheet formulas, and every
point in time in Danish time (Europe/Copenhagen), never the database's UTC."""

import datetime

from django.utils import timezone

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
LOCAL_FORMAT = "%Y-%m-%d %H:%M"


def local(value):
    """An aware datetime as a naive one in Danish time; anything else as it is."""
    if isinstance(value, datetime.datetime) and timezone.is_aware(value):
        return timezone.localtime(value).replace(tzinfo=None)
    return value


def cell(value):
    """A CSV cell: a point in time in Danish time (2026-06-30 00:15), a date as 2026-06-30,
    text starting like a formula with a leading apostrophe; numbers and None as they are."""
    value = local(value)
    if isinstance(value, datetime.datetime):
        return value.strftime(LOCAL_FORMAT)
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def xlsx_cell(value):
    """An XLSX cell: dates and times stay dates and times (in Danish time: the format has
    no time zone), numbers stay numbers, text is made safe as in `cell`."""
    value = local(value)
    if isinstance(value, str):
        return cell(value)
    return value
