"""The annual grant: exact arithmetic, explanations, refusals, and its invariants (hypothesis)."""

from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from lokalfora.grant_computation import Band, Scheme, SchemeError, compute, validate

D = Decimal
# Illustrative: matches the published Orø (867 inh., 16.000 kr) and Jyderup (4.924, ~30.000 kr).
ILLUSTRATIVE = Scheme(base=D("13000"), rate=D("3.45"))


def test_the_illustrative_scheme_matches_the_published_amounts():
    result = compute(ILLUSTRATIVE, {"Orø": 867, "Jyderup": 4924})
    assert result.lines["Orø"].amount == 15991  # 16.000 kr published
    assert result.lines["Jyderup"].amount == 29988  # "about 30.000 kr"
    assert result.lines["Jyderup"].explanation == (
        "Grundbeløb 13.000\xa0kr. + 4.924 indbyggere × 3,45\xa0kr. = 29.988\xa0kr."
    )


def test_rounding_is_half_up_to_whole_kroner():
    scheme = Scheme(base=D("0"), rate=D("0.50"))
    assert compute(scheme, {"a": 1, "b": 3}).lines["a"].amount == 1  # 0,50 -> 1
    assert compute(scheme, {"b": 3}).lines["b"].amount == 2  # 1,50 -> 2


def test_floor_and_cap_are_explained():
    scheme = Scheme(base=D("13000"), rate=D("3.45"), floor=D("20000"), cap=D("60000"))
    result = compute(scheme, {"Orø": 867, "Holbæk By": 27000})
    assert result.lines["Orø"].amount == 20000
    assert "hævet til bunden på 20.000\xa0kr." in result.lines["Orø"].explanation
    assert result.lines["Holbæk By"].amount == 60000
    assert "sat ned til loftet på 60.000\xa0kr." in result.lines["Holbæk By"].explanation


def test_bands_have_their_own_base_and_rate():
    bands = (
        Band(0, 999, D("10000"), D("5")),
        Band(1000, 4999, D("12000"), D("3.45")),
        Band(5000, None, D("30000"), D("1")),
    )
    result = compute(Scheme(bands=bands), {"a": 500, "b": 4924, "c": 27000})
    assert [result.lines[k].amount for k in "abc"] == [12500, 28988, 57000]


def test_bands_may_not_give_more_inhabitants_less_money():
    bands = (Band(0, 4999, D("12000"), D("3.45")), Band(5000, None, D("20000"), D("1")))
    problems = validate(Scheme(bands=bands), {"a": 1})
    assert problems == [
        "Ved 5.000 indbyggere falder tilskuddet fra 29.246,55\xa0kr. til 25.000\xa0kr.: "
        "flere indbyggere må ikke give færre penge."
    ]


def test_floor_and_cap_are_whole_kroner_and_amounts_stay_sane():
    assert "Loftet skal være et helt antal kroner." in validate(Scheme(cap=D("10.50")), {"a": 1})
    with pytest.raises(SchemeError, match="urimeligt stort"):
        compute(Scheme(rate=D("999999")), {"a": 60000})


def test_a_fixed_total_is_shared_exactly():
    scheme = Scheme(base=D("10000"), total_budget=D("100000"))
    result = compute(scheme, {"a": 1, "b": 1, "c": 1})
    assert result.total == 100000
    # 70.000 kr shared in three: 23.333,33 each; the one krone left goes to "a" (by key).
    assert sorted(line.amount for line in result.lines.values()) == [33333, 33333, 33334]
    assert result.lines["a"].amount == 33334


def band(lower, upper):
    return Band(lower, upper, D(1), D(1))


@pytest.mark.parametrize(
    ("scheme", "populations", "message"),
    [
        (Scheme(base=D("-1")), {"a": 1}, "Grundbeløbet må ikke være negativt."),
        (Scheme(rate=D("3.455")), {"a": 1}, "højst have to decimaler"),
        (Scheme(floor=D("5"), cap=D("4")), {"a": 1}, "Loftet må ikke være lavere end bunden."),
        (Scheme(bands=(band(0, 100), band(100, None))), {"a": 1}, "overlapper"),
        (Scheme(bands=(band(0, 100), band(150, None))), {"a": 1}, "hul mellem 100 og 150"),
        (Scheme(bands=(band(5, None),)), {"a": 1}, "begynde ved 0"),
        (Scheme(bands=(band(0, 100),)), {"a": 1}, "uden øvre grænse"),
        (Scheme(base=D(10000), total_budget=D(15000)), {"a": 1, "b": 1}, "mindre end grund"),
        (Scheme(total_budget=D("1000.50")), {"a": 1}, "helt antal kroner"),
        (Scheme(cap=D("5"), total_budget=D("10")), {"a": 1}, "kan ikke kombineres"),
        (Scheme(), {"a": None}, "mangler et befolkningstal for a"),
    ],
    ids=["negative", "three-decimals", "cap-below-floor", "overlap", "gap", "start", "open-end",
         "budget-too-small", "budget-øre", "budget-and-cap", "missing-population"],
)  # fmt: skip
def test_bad_schemes_are_refused_naming_the_problem(scheme, populations, message):
    assert any(message in problem for problem in validate(scheme, populations))
    with pytest.raises(SchemeError) as refused:
        compute(scheme, populations)
    assert any(message in problem for problem in refused.value.problems)


# --- Invariants ---------------------------------------------------------------------------

money = st.decimals(min_value=0, max_value=200000, places=2, allow_nan=False)
whole = st.integers(min_value=0, max_value=5_000_000).map(Decimal)
populations = st.dictionaries(
    st.text(min_size=1, max_size=8),
    st.integers(min_value=0, max_value=60000),
    min_size=1,
    max_size=18,
)


@given(populations=populations, budget=whole, base=st.integers(0, 50000).map(Decimal))
def test_a_fixed_total_always_sums_exactly_to_the_budget(populations, budget, base):
    assume(base * len(populations) <= budget)
    assume(sum(populations.values()) > 0 or budget == base * len(populations))
    result = compute(Scheme(base=base, total_budget=budget), populations)
    assert result.total == budget
    assert all(line.amount >= base for line in result.lines.values())


@given(populations=populations, budget=whole)
def test_sharing_is_deterministic(populations, budget):
    assume(sum(populations.values()) > 0)
    scheme = Scheme(total_budget=budget)
    reordered = dict(reversed(list(populations.items())))
    first, second = compute(scheme, populations), compute(scheme, reordered)
    assert {k: v.amount for k, v in first.lines.items()} == {
        k: v.amount for k, v in second.lines.items()
    }


@given(base=money, rate=money, population=st.integers(0, 100000), more=st.integers(1, 1000))
def test_more_inhabitants_never_means_less_money(base, rate, population, more):
    scheme = Scheme(base=base, rate=rate)
    assume(base + (population + more) * rate <= 100_000_000)
    result = compute(scheme, {"a": population, "b": population + more})
    assert result.lines["b"].amount >= result.lines["a"].amount


@given(base=money, rate=money, low=whole, high=whole, population=st.integers(0, 100000))
def test_floor_and_cap_are_always_respected(base, rate, low, high, population):
    floor, cap = min(low, high), max(low, high)
    line = compute(Scheme(base=base, rate=rate, floor=floor, cap=cap), {"a": population}).lines["a"]
    assert floor <= line.amount <= cap


def test_the_stored_explanation_is_danish_whatever_language_staff_browse_in():
    from django.utils import translation

    with translation.override("en"):
        result = compute(Scheme(base=D("13000"), rate=D("3.45")), {"Jyderup": 4924})
    assert result.lines["Jyderup"].explanation == (
        "Grundbeløb 13.000\xa0kr. + 4.924 indbyggere × 3,45\xa0kr. = 29.988\xa0kr."
    )
