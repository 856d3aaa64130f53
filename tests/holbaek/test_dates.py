import datetime

from holbaek import dates


def test_a_month_after_the_last_of_january_is_the_last_of_february():
    assert dates.add_months(datetime.date(2027, 1, 31), 1) == datetime.date(2027, 2, 28)
    assert dates.add_months(datetime.date(2028, 1, 31), 1) == datetime.date(2028, 2, 29)


def test_months_cross_years_both_ways():
    assert dates.add_months(datetime.date(2026, 11, 15), 3) == datetime.date(2027, 2, 15)
    assert dates.add_months(datetime.date(2027, 2, 15), -3) == datetime.date(2026, 11, 15)


def test_a_month_is_bounded_in_danish_time_across_summer_time():
    start, end = dates.month_bounds(2027, 3)
    assert start.isoformat() == "2027-03-01T00:00:00+01:00"
    assert end.isoformat() == "2027-04-01T00:00:00+02:00"
    _, december_end = dates.month_bounds(2026, 12)
    assert december_end.date() == datetime.date(2027, 1, 1)
