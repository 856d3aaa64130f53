"""The pools' rules at their boundaries, with the published thresholds as data."""

from decimal import Decimal

import pytest

from projektudvalg.eligibility import Facts, check, missing
from projektudvalg.models import GrantPool

pytestmark = pytest.mark.django_db


@pytest.fixture
def rtf(reference_data):
    return GrantPool.objects.get(slug="rum-til-faellesskab")


@pytest.fixture
def lbf(reference_data):
    return GrantPool.objects.get(slug="landsbyfornyelse")


def community(applied, *, cash=0, hours=0, materials=0, municipal=0, total=None, **extra):
    """A Rum til fællesskab application whose budget adds up unless `total` is given."""
    applied = Decimal(applied)
    own = Decimal(cash) + 125 * hours + Decimal(materials)
    return Facts(
        amount_applied=applied,
        budget_total=Decimal(total) if total is not None else applied + own + Decimal(municipal),
        cofinancing_cash=Decimal(cash),
        volunteer_hours=hours,
        cofinancing_materials=Decimal(materials),
        other_municipal=Decimal(municipal),
        applicant_type=extra.get("applicant_type", "local_forum"),
    )


@pytest.mark.parametrize(("applied", "ok"), [("49999", False), ("50000", True)])
def test_at_least_50000_kr(rtf, applied, ok):
    result = check(rtf, community(applied))
    assert result.ok is ok, result.problems
    if not ok:
        assert result.problems == ["Der skal søges mindst 50.000\xa0kr. I søger 49.999\xa0kr."]


def test_below_100000_no_cofinancing_is_needed(rtf):
    assert check(rtf, community("99999")).ok


def test_from_100000_cofinancing_is_needed(rtf):
    result = check(rtf, community("100000"))
    assert any("mindst 10 % af projektets samlede beløb" in p for p in result.problems)


@pytest.mark.parametrize(
    ("own", "ok"),
    # total = 100.000 + own; 10 % of the total: own >= 11.111,11...
    [("11111.11", False), ("11111.12", True)],
)
def test_cofinancing_ten_percent_of_the_total_exactly(rtf, own, ok):
    result = check(rtf, community("100000", cash=own))
    assert result.ok is ok, result.problems


@pytest.mark.parametrize(
    ("materials", "ok"), [("49900", False), ("50000", True)], ids=["9.99 %", "10 %"]
)
def test_cofinancing_of_9_99_and_10_percent(rtf, materials, ok):
    """A 1.000.000 kr project: 99.900 kr of own money is 9,99 %, 100.000 kr is 10 %."""
    own = Decimal(50000) + Decimal(materials)  # half or more in cash either way
    facts = community(Decimal(1_000_000) - own, cash=50000, materials=materials)
    assert facts.budget_total == 1_000_000
    result = check(rtf, facts)
    assert result.ok is ok, result.problems


@pytest.mark.parametrize(("cash_share", "ok"), [(49, False), (50, True)])
def test_half_of_the_cofinancing_in_cash(rtf, cash_share, ok):
    own = Decimal(20000)
    cash = own * cash_share / 100
    result = check(rtf, community("100000", cash=cash, materials=own - cash))
    cash_problems = [p for p in result.problems if "kontanter" in p]
    assert (not cash_problems) is ok, result.problems


def test_volunteer_hours_count_at_125_kr_and_other_municipal_money_does_not(rtf):
    # 12.000 kr cash + 80 hours (10.000 kr) = 22.000 kr own money of a 220.000 kr project.
    assert check(rtf, community("198000", cash=12000, hours=80)).ok
    # 50.000 kr from another municipal pool: in the budget, not co-financing.
    result = check(rtf, community("198000", cash=12000, hours=80, municipal=50000))
    assert any("tæller ikke med" in p for p in result.problems)


def test_the_budget_must_add_up(rtf):
    result = check(rtf, community("60000", total="70000"))
    assert any("Budgettet hænger ikke sammen" in p for p in result.problems)


@pytest.mark.parametrize(
    ("applicant_type", "ok"),
    [("local_forum", True), ("association", True), ("self_organised", True),
     ("user_council", True), ("institution_board", True), ("owner", False)],
)  # fmt: skip
def test_who_may_apply(rtf, applicant_type, ok):
    assert check(rtf, community("60000", applicant_type=applicant_type)).ok is ok


def test_at_least_one_criterion(rtf):
    assert "Vælg mindst ét af puljens kriterier, som projektet styrker." in missing(
        rtf, {"criteria": []}
    )
    assert not any("kriterier" in p for p in missing(rtf, {"criteria": ["et kriterium"]}))


def test_thresholds_are_data_on_the_pool(rtf):
    rtf.min_amount = Decimal(40000)
    assert check(rtf, community("45000")).ok


def renewal(**changes):
    values = {
        "amount_applied": Decimal(100000), "budget_total": Decimal(200000),
        "construction_year": 1959, "location": "town", "town_population": 3999,
        "ownership": "owner_occupied", "owner_lives_there": True,
    }  # fmt: skip
    return Facts(**(values | changes))


@pytest.mark.parametrize(("year", "ok"), [(1959, True), (1960, False)])
def test_built_before_1960(lbf, year, ok):
    assert check(lbf, renewal(construction_year=year)).ok is ok


@pytest.mark.parametrize(("population", "ok"), [(3999, True), (4000, False)])
def test_a_town_under_4000(lbf, population, ok):
    assert check(lbf, renewal(town_population=population)).ok is ok


def test_the_open_country_needs_no_town(lbf):
    assert check(lbf, renewal(location="open_country", town_population=None)).ok


def test_the_owner_applies_and_lives_there(lbf):
    assert not check(lbf, renewal(ownership="not_owner")).ok
    assert not check(lbf, renewal(owner_lives_there=False)).ok
    assert check(lbf, renewal(ownership="rental", owner_lives_there=False)).ok


def test_a_vat_registered_craftsman(lbf):
    rule = "Arbejdet skal udføres af en momsregistreret håndværker: skriv dennes CVR-nummer."
    registered = {"craftsman_vat_registered": True, "craftsman_cvr": "12345678"}
    assert rule not in missing(lbf, registered)
    assert missing(lbf, registered | {"craftsman_vat_registered": False}).count(rule) == 1
    assert missing(lbf, registered | {"craftsman_cvr": ""}).count(rule) == 1
    assert missing(lbf, {}).count(rule) == 1  # named once, though two fields are empty


def test_the_expected_own_payment_is_shown(lbf):
    result = check(lbf, renewal())
    assert result.notes == [
        "Regn med selv at betale omkring 50 % af udgifterne: 100.000\xa0kr. af 200.000\xa0kr."
    ]
