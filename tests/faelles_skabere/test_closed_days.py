"""The municipality's closed days: a staff setting on top of the public holidays."""

import datetime

import pytest
from dateutil.easter import easter
from django.core.exceptions import ValidationError

from faelles_skabere import closed_days
from faelles_skabere.forms.sparring import SparringSettingsForm
from faelles_skabere.models import SparringSettings
from faelles_skabere.workdays import add_working_days, is_working_day, working_days_between

pytestmark = pytest.mark.django_db

D = datetime.date
# All four fall on a weekday in 2026 (Friday 1/5 and 5/6, Thursday 24/12 and 31/12).
CLOSED_2026 = [D(2026, 5, 1), D(2026, 6, 5), D(2026, 12, 24), D(2026, 12, 31)]


@pytest.mark.parametrize("day", CLOSED_2026, ids=str)
def test_the_four_closed_days_are_not_working_days_by_default(day):
    assert day.weekday() < 5
    assert not is_working_day(day)
    assert is_working_day(day - datetime.timedelta(days=1))


@pytest.mark.parametrize("year", [2027, 2031, 2036])
def test_the_closed_days_come_back_every_year(year):
    for month, day in [(5, 1), (6, 5), (12, 24), (12, 31)]:
        assert not is_working_day(D(year, month, day))


def test_removing_a_closed_day_in_the_setting_makes_it_a_working_day():
    settings = SparringSettings.current()
    assert settings.closed_days == ["05-01", "06-05", "12-24", "12-31"]
    settings.closed_days = ["05-01", "12-24", "12-31"]
    settings.save()
    assert is_working_day(D(2026, 6, 5))
    assert not is_working_day(D(2026, 12, 24))
    settings.closed_days = [*settings.closed_days, "06-05", "11-11"]
    settings.save()
    assert not is_working_day(D(2026, 6, 5))
    assert not is_working_day(D(2026, 11, 11))


@pytest.mark.parametrize("year", range(2024, 2033))
def test_easter_and_the_days_that_follow_it(year):
    sunday = easter(year)
    # Skærtorsdag, Langfredag, 2. påskedag, Kristi himmelfartsdag, 2. pinsedag.
    for offset in (-3, -2, 1, 39, 50):
        assert not is_working_day(sunday + datetime.timedelta(days=offset)), offset
    wednesday_before = sunday - datetime.timedelta(days=4)
    tuesday_after = sunday + datetime.timedelta(days=2)
    assert is_working_day(wednesday_before)
    assert add_working_days(wednesday_before, 1) == tuesday_after
    assert working_days_between(wednesday_before, tuesday_after) == 1


def test_a_sparring_deadline_skips_the_closed_days():
    # Confirmed on Wednesday 23/12/2026 with three working days to answer:
    # 24/12 closed, 25-27 holiday and weekend, then 28, 29, 30.
    assert add_working_days(D(2026, 12, 23), SparringSettings.current().response_days) == D(
        2026, 12, 30
    )


def test_staff_write_the_closed_days_as_day_and_month_in_the_admin_form():
    settings = SparringSettings.current()
    form = SparringSettingsForm(instance=settings)
    assert form["closed_days"].value() == "1.5, 5.6, 24.12, 31.12"
    data = {"response_days": 3, "anonymise_after_months": 24, "closed_days": "24/12\n31.12., 2.1"}
    form = SparringSettingsForm(data, instance=settings)
    assert form.is_valid(), form.errors
    form.save()
    assert SparringSettings.current().closed_days == ["01-02", "12-24", "12-31"]
    assert not is_working_day(D(2026, 1, 2))
    assert is_working_day(D(2026, 6, 5))


@pytest.mark.parametrize("typed", ["30.2", "29.2", "juleaften", "32.1", "1.13"])
def test_a_date_that_is_not_there_every_year_is_refused_in_danish(typed):
    data = {"response_days": 3, "anonymise_after_months": 24, "closed_days": typed}
    form = SparringSettingsForm(data, instance=SparringSettings.current())
    assert not form.is_valid()
    assert "Skriv dag og måned, fx 24.12." in str(form.errors["closed_days"])


def test_the_stored_list_is_checked_by_the_model_too():
    settings = SparringSettings.current()
    for bad in [["12-32"], ["24.12"], ["12-24", "12-24"], "12-24"]:
        settings.closed_days = bad
        with pytest.raises(ValidationError):
            settings.full_clean()
    assert closed_days.parse("") == []
