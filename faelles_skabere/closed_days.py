"""The municipality's closed days: dates (month and day) it is closed every year.

They are not public holidays, yet no one answers on them; sparring deadlines
and reminders skip them (faelles_skabere/workdays.py). Staff change the list in the
admin (SparringSettings.closed_days). Stored as "MM-DD" strings, sorted.
"""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# 1 May, Grundlovsdag, Juleaftensdag, Nytårsaftensdag.
DEFAULT = ("05-01", "06-05", "12-24", "12-31")
STORED = re.compile(r"^(\d\d)-(\d\d)$")
TYPED = re.compile(r"^(\d{1,2})\s*[./-]\s*(\d{1,2})\.?$")  # "24.12", "24/12", "5-6."
DAYS_IN_MONTH = (31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)  # 29/2 is not there every year


def default_closed_days() -> list[str]:
    return list(DEFAULT)


def _checked(month: int, day: int, shown: str) -> str:
    if not (1 <= month <= 12 and 1 <= day <= DAYS_IN_MONTH[month - 1]):
        raise ValidationError(
            _("%(value)s er ikke en dato, der findes hvert år. Skriv dag og måned, fx 24.12."),
            params={"value": shown},
            code="invalid_closed_day",
        )
    return f"{month:02d}-{day:02d}"


def validate_closed_days(value) -> None:
    """The stored form: a list of distinct "MM-DD" strings of dates that exist every year."""
    if not isinstance(value, list):
        raise ValidationError(_("Lukkedagene skal være en liste af datoer."), code="invalid")
    for item in value:
        match = STORED.match(item) if isinstance(item, str) else None
        if match is None:
            raise ValidationError(
                _("%(value)s er ikke en dato på formen MM-DD."),
                params={"value": item},
                code="invalid_closed_day",
            )
        _checked(int(match[1]), int(match[2]), item)
    if len(set(value)) != len(value):
        raise ValidationError(_("Hver dato må kun stå én gang."), code="duplicate_closed_day")


def parse(text: str) -> list[str]:
    """Staff's list ("24.12, 31.12", one or more a line) in the stored form."""
    days = set()
    for part in re.split(r"[,;\n]+", text):
        part = part.strip()
        if not part:
            continue
        match = TYPED.match(part)
        if match is None:
            raise ValidationError(
                _("%(value)s er ikke en dato. Skriv dag og måned, fx 24.12."),
                params={"value": part},
                code="invalid_closed_day",
            )
        days.add(_checked(int(match[2]), int(match[1]), part))
    return sorted(days)


def month_days(value) -> tuple[tuple[int, int], ...]:
    """The stored list as (month, day) pairs."""
    return tuple((int(item[:2]), int(item[3:])) for item in value)


def display(value) -> str:
    """The stored list as staff write it: "1.5, 5.6, 24.12, 31.12"."""
    return ", ".join(f"{day}.{month}" for month, day in month_days(value))
