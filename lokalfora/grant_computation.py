"""The annual grant per area, computed from population in exact arithmetic.

The municipality has not published its formula (FACTS §3), so a scheme is data
staff set each year. Two kinds:

- **Formula**: base amount + inhabitants times rate, or per population band its own
  base and rate; then an optional floor and cap.
- **Fixed total**: a budget shared in proportion to population, optionally after
  a base amount per area. The amounts sum exactly to the budget: each area gets
  its share rounded down to whole kroner, and the kroner left over go one each to
  the largest remainders (ties: the smaller population first, then by key).

Amounts are `Decimal` kroner in, whole kroner out; nothing is ever a float.
Every line carries an explanation in Danish words and numbers; it is stored with
an approved version and published as it is. The refusals are translated.
"""

from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from itertools import pairwise

from django.utils import translation
from django.utils.translation import gettext as _

from holbaek.text import kroner, number

ZERO = Decimal(0)
MAX_AMOUNT = 100_000_000  # kroner per area; far above any real grant, below the column's limit


@dataclass(frozen=True)
class Band:
    """Areas with `lower` to `upper` inhabitants (both included; `upper` None: no limit)."""

    lower: int
    upper: int | None
    base: Decimal
    rate: Decimal


@dataclass(frozen=True)
class Scheme:
    base: Decimal = ZERO
    rate: Decimal = ZERO
    floor: Decimal | None = None
    cap: Decimal | None = None
    bands: tuple[Band, ...] = ()
    total_budget: Decimal | None = None


@dataclass(frozen=True)
class Line:
    key: str
    population: int
    amount: int  # whole kroner
    explanation: str


@dataclass(frozen=True)
class Result:
    lines: dict[str, Line] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(line.amount for line in self.lines.values())


class SchemeError(ValueError):
    """The scheme cannot be used; `problems` are Danish sentences naming each problem."""

    def __init__(self, problems: list[str]):
        super().__init__("; ".join(problems))
        self.problems = problems


def validate(scheme: Scheme, populations: dict[str, int]) -> list[str]:
    """Every problem with the scheme for these areas, in Danish; empty if it can be used."""
    problems = []
    money = {_("Grundbeløbet"): scheme.base, _("Beløbet pr. indbygger"): scheme.rate}
    money |= {_("Bunden"): scheme.floor, _("Loftet"): scheme.cap, _("Puljen"): scheme.total_budget}
    for band in scheme.bands:
        where = {"lower": number(band.lower)}
        money |= {_("Grundbeløbet i intervallet fra %(lower)s") % where: band.base}
        money |= {_("Beløbet pr. indbygger i intervallet fra %(lower)s") % where: band.rate}
    for name, value in money.items():
        if value is not None and value < 0:
            problems.append(_("%(name)s må ikke være negativt.") % {"name": name})
        if value is not None and value != value.quantize(Decimal("0.01")):
            problems.append(_("%(name)s må højst have to decimaler (øre).") % {"name": name})
    for name, value in ((_("Bunden"), scheme.floor), (_("Loftet"), scheme.cap)):
        if value is not None and value != value.to_integral_value():
            problems.append(_("%(name)s skal være et helt antal kroner.") % {"name": name})
    if scheme.floor is not None and scheme.cap is not None and scheme.cap < scheme.floor:
        problems.append(_("Loftet må ikke være lavere end bunden."))
    problems += _band_problems(scheme.bands)
    if scheme.total_budget is not None:
        problems += _budget_problems(scheme, populations)
    for key, population in populations.items():
        if population is None:
            problems.append(_("Der mangler et befolkningstal for %(area)s.") % {"area": key})
        elif population < 0:
            problems.append(_("Befolkningstallet for %(area)s er negativt.") % {"area": key})
    if not problems:
        too_large = [
            line.key
            for line in _compute(scheme, populations).lines.values()
            if line.amount > MAX_AMOUNT
        ]
        if too_large:
            problems.append(
                _("Tilskuddet til %(areas)s bliver urimeligt stort.")
                % {"areas": ", ".join(too_large)}
            )
    return problems


def _band_problems(bands) -> list[str]:
    if not bands:
        return []
    problems = []
    ordered = sorted(bands, key=lambda band: band.lower)
    if ordered[0].lower != 0:
        problems.append(_("Det første interval skal begynde ved 0 indbyggere."))
    for band in ordered:
        if band.upper is not None and band.upper < band.lower:
            problems.append(
                _("Intervallet fra %(lower)s slutter, før det begynder.")
                % {"lower": number(band.lower)}
            )
    for previous, following in pairwise(ordered):
        if previous.upper is None or following.lower <= previous.upper:
            problems.append(
                _("Intervallerne fra %(first)s og fra %(second)s overlapper.")
                % {"first": number(previous.lower), "second": number(following.lower)}
            )
        elif following.lower > previous.upper + 1:
            problems.append(
                _("Der er et hul mellem %(upper)s og %(lower)s indbyggere.")
                % {"upper": number(previous.upper), "lower": number(following.lower)}
            )
        if previous.upper is not None and following.lower == previous.upper + 1:
            before = previous.base + previous.upper * previous.rate
            after = following.base + following.lower * following.rate
            if after < before:
                problems.append(
                    _(
                        "Ved %(lower)s indbyggere falder tilskuddet fra %(before)s til "
                        "%(after)s: flere indbyggere må ikke give færre penge."
                    )
                    % {
                        "lower": number(following.lower),
                        "before": kroner(before),
                        "after": kroner(after),
                    }
                )
    if ordered[-1].upper is not None:
        problems.append(_("Det sidste interval skal gælde uden øvre grænse."))
    return problems


def _budget_problems(scheme, populations) -> list[str]:
    problems = []
    if scheme.floor is not None or scheme.cap is not None or scheme.bands:
        problems.append(_("En fast pulje kan ikke kombineres med bund, loft eller intervaller."))
    if scheme.total_budget != scheme.total_budget.to_integral_value():
        problems.append(_("Puljen skal være et helt antal kroner."))
    if scheme.base != scheme.base.to_integral_value():
        problems.append(_("Grundbeløbet skal være et helt antal kroner, når en pulje fordeles."))
    needed = scheme.base * len(populations)
    if needed > scheme.total_budget:
        problems.append(
            _(
                "Puljen på %(budget)s er mindre end grundbeløbene "
                "(%(count)d × %(base)s = %(needed)s)."
            )
            % {
                "budget": kroner(scheme.total_budget),
                "count": len(populations),
                "base": kroner(scheme.base),
                "needed": kroner(needed),
            }
        )
    if sum(p or 0 for p in populations.values()) == 0 and scheme.total_budget > needed:
        problems.append(_("Puljen kan ikke fordeles efter befolkningstal, når alle tal er 0."))
    return problems


def compute(scheme: Scheme, populations: dict[str, int]) -> Result:
    """The grant for each area (key: the area's name), or SchemeError listing every problem."""
    problems = validate(scheme, populations)
    if problems:
        raise SchemeError(problems)
    return _compute(scheme, populations)


def _compute(scheme: Scheme, populations: dict[str, int]) -> Result:
    """The amounts of a scheme `validate` found nothing wrong with (except their size)."""
    if scheme.total_budget is not None:
        return _share_budget(scheme, populations)
    return Result({key: _formula_line(scheme, key, p) for key, p in populations.items()})


def _round(amount: Decimal) -> int:
    return int(amount.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def _band_for(scheme: Scheme, population: int):
    for band in scheme.bands:
        if band.lower <= population and (band.upper is None or population <= band.upper):
            return band
    raise AssertionError("validated bands cover every population")


def _formula_line(scheme: Scheme, key: str, population: int) -> Line:
    base, rate = scheme.base, scheme.rate
    if scheme.bands:
        band = _band_for(scheme, population)
        base, rate = band.base, band.rate
    raw = base + population * rate
    with translation.override("da"):  # stored and published in Danish (see above)
        text = (
            f"Grundbeløb {kroner(base)} + {number(population)} indbyggere × {kroner(rate)} "
            f"= {kroner(_round(raw))}"
        )
        amount = raw
        if scheme.floor is not None and amount < scheme.floor:
            amount = scheme.floor
            text += f", hævet til bunden på {kroner(scheme.floor)}"
        if scheme.cap is not None and amount > scheme.cap:
            amount = scheme.cap
            text += f", sat ned til loftet på {kroner(scheme.cap)}"
    return Line(key=key, population=population, amount=_round(amount), explanation=text)


def _share_budget(scheme: Scheme, populations: dict[str, int]) -> Result:
    total_population = sum(populations.values())
    base = int(scheme.base)
    rest = int(scheme.total_budget) - base * len(populations)
    exact = {
        key: base + (Fraction(rest * population, total_population) if total_population else 0)
        for key, population in populations.items()
    }
    amounts = {key: int(value) for key, value in exact.items()}  # rounded down
    left = int(scheme.total_budget) - sum(amounts.values())
    order = sorted(exact, key=lambda key: (amounts[key] - exact[key], populations[key], key))
    for key in order[:left]:
        amounts[key] += 1
    lines = {}
    for key, population in populations.items():
        with translation.override("da"):  # stored and published in Danish (see above)
            share = f"{number(population)} af {number(total_population)} indbyggere"
            text = (
                f"Grundbeløb {kroner(base)} + andel af resten af puljen ({share}) "
                f"= {kroner(amounts[key])}"
            )
        lines[key] = Line(key, population, amounts[key], text)
    return Result(lines)
