"""Working-day arithmetic around Easter, Christmas, Store Bededag and the closed days."""

import datetime

import pytest
from hypothesis import given
from hypothesis import strategies as st

from faelles_skabere.workdays import add_working_days, is_working_day, working_days_between

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (D(2026, 11, 26), 3, D(2026, 12, 1)),  # Thursday + 3 skips the weekend
        # Easter 2026: Skærtorsdag 2/4, Langfredag 3/4, Påskedag 5/4, 2. påskedag 6/4.
        (D(2026, 4, 1), 1, D(2026, 4, 7)),
        (D(2026, 3, 31), 3, D(2026, 4, 8)),
        # Christmas 2026: 25/12 Friday and 26/12 Saturday; the municipality is closed on
        # 24/12 and 31/12 (Thursdays).
        (D(2026, 12, 23), 1, D(2026, 12, 28)),
        (D(2026, 12, 24), 1, D(2026, 12, 28)),
        (D(2026, 12, 30), 2, D(2027, 1, 5)),  # 31/12 closed, Nytårsdag 1/1, the weekend
        # Store Bededag was a holiday until 2023 (5 May 2023) and is abolished from 2024.
        (D(2023, 5, 4), 1, D(2023, 5, 8)),
        (D(2024, 4, 25), 1, D(2024, 4, 26)),  # 26 April 2024 would have been Store Bededag
    ],
)
def test_add_working_days(start, days, expected):
    assert add_working_days(start, days) == expected


def test_store_bededag():
    assert not is_working_day(D(2023, 5, 5))
    assert is_working_day(D(2024, 4, 26))


def test_days_between():
    assert working_days_between(D(2026, 4, 1), D(2026, 4, 7)) == 1
    assert working_days_between(D(2026, 4, 7), D(2026, 4, 1)) == 0


@given(st.dates(min_value=D(2000, 1, 1), max_value=D(2099, 1, 1)), st.integers(0, 40))
def test_adding_then_counting_gives_the_same_number(start, days):
    end = add_working_days(start, days)
    assert working_days_between(start, end) == days
    assert days == 0 or is_working_day(end)
