import datetime as dt
from decimal import Decimal

import pytest
from django.utils import translation

from holbaek.templatetags.holbaek import iso_datetime, kr, number


@pytest.mark.parametrize(
    ("value", "places", "expected"),
    [
        (27000, 0, "27.000"),
        (867, 0, "867"),
        (Decimal("3.45"), 2, "3,45"),
        (Decimal("1234567.891"), 2, "1.234.567,89"),
        ("2.5", 0, "3"),  # half up, never banker's rounding
        (None, 0, ""),
        ("ikke et tal", 0, ""),
    ],
)
def test_number_uses_danish_grouping_and_decimal_comma(value, places, expected):
    with translation.override("da"):
        assert number(value, places) == expected


def test_amounts_in_kroner():
    with translation.override("da"):
        assert kr(29988) == "29.988\xa0kr."
        assert kr(Decimal("15991.00")) == "15.991\xa0kr."
        assert kr(Decimal("15.50")) == "15,50\xa0kr."
        assert kr("") == ""


def test_iso_datetime_has_seconds_precision_in_danish_time():
    moment = dt.datetime(2026, 3, 4, 18, 0, 5, 496863, tzinfo=dt.UTC)
    assert iso_datetime(moment) == "2026-03-04T19:00:05+01:00"
    summer = dt.datetime(2026, 7, 1, 10, 0, tzinfo=dt.UTC)
    assert iso_datetime(summer) == "2026-07-01T12:00:00+02:00"
    assert iso_datetime(dt.date(2026, 3, 4)) == "2026-03-04"
    assert iso_datetime(None) == ""
