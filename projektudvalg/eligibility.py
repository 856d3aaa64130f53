"""The pools' rules as code, over thresholds that are data on the pool.

`check(pool, facts)` returns every rule the application breaks, in Danish, and
never raises: the form shows them when a draft is saved, and submitting refuses
while any remain. All arithmetic is exact (`Decimal`); a share such as 10 % is
compared by multiplying out, never by rounding a percentage.

`NEEDED` is what submitting needs filled in, by the form's field names: `missing()`
names each empty one (services.application_check refuses on them), and the form marks
exactly these as needed and no others "(frivilligt)", so the two cannot disagree.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from holbaek.text import kroner, number, one_full_stop
from projektudvalg.models import ApplicantType, Application, Location, Ownership, RuleSet

ZERO = Decimal(0)


_CRAFTSMAN = gettext_lazy(
    "Arbejdet skal udføres af en momsregistreret håndværker: skriv dennes CVR-nummer."
)

# Form field -> the problem named when it is empty (None: "Udfyld »<its name>«").
NEEDED = {
    RuleSet.COMMUNITY: {
        "organisation": None,
        "applicant_type": gettext_lazy("Vælg, hvilken slags ansøger I er."),
        "area": None,
        "title": None,
        "description": None,
        "criteria": gettext_lazy("Vælg mindst ét af puljens kriterier, som projektet styrker."),
        "amount_applied": gettext_lazy("Skriv, hvor meget I søger."),
        "timeline": None,
        "contact_name": None,
        "contact_email": None,
    },
    RuleSet.VILLAGE_RENEWAL: {
        "title": None,
        "area": None,
        "property_address": None,
        "construction_year": gettext_lazy("Skriv, hvilket år bygningen er opført."),
        "location": gettext_lazy("Vælg, om bygningen ligger i en by eller i det åbne land."),
        "ownership": gettext_lazy("Vælg ejerforhold."),
        "work_description": None,
        "craftsman_name": None,
        "craftsman_cvr": _CRAFTSMAN,
        "craftsman_vat_registered": _CRAFTSMAN,
        "amount_applied": gettext_lazy("Skriv, hvor meget du søger."),
        "contact_name": None,
        "contact_email": None,
        "files": gettext_lazy("Vedhæft mindst ét foto af bygningen."),
    },
}

# Fields the rules below need only in some cases: the form says when, not "(frivilligt)".
NEEDED_WHEN = {
    RuleSet.COMMUNITY: {},
    RuleSet.VILLAGE_RENEWAL: {
        "town_population": gettext_lazy("skal udfyldes, hvis bygningen ligger i en by"),
        "owner_lives_there": gettext_lazy("skal krydses af for en ejer- eller andelsbolig"),
    },
}


def is_empty(value) -> bool:
    if isinstance(value, (list, tuple, set, frozenset)):
        return not value
    return value is None or value is False or value == ""


def missing(pool, values: dict) -> list[str]:
    """A problem for each needed field that is empty in `values` (field -> value; the
    criteria and the building's photos as lists), once per message."""
    problems = []
    for name, message in NEEDED[pool.rule_set].items():
        if not is_empty(values.get(name)):
            continue
        if message is None:
            field = Application._meta.get_field(name)
            message = _("Udfyld »%(field)s«.") % {"field": field.verbose_name}
        if str(message) not in problems:
            problems.append(str(message))
    return problems


def percent(share: Decimal) -> str:
    """A share as a percentage with the decimals it has: 0.10 -> "10 %", 0.125 -> "12,5 %"."""
    value = (share * 100).normalize()
    return f"{number(value, max(0, -value.as_tuple().exponent))} %"


@dataclass(frozen=True)
class Facts:
    """What the rules look at, taken from an application (or a test)."""

    amount_applied: Decimal | None = None
    budget_total: Decimal = ZERO
    cofinancing_cash: Decimal = ZERO
    volunteer_hours: int = 0
    cofinancing_materials: Decimal = ZERO
    other_municipal: Decimal = ZERO
    applicant_type: str = ""
    construction_year: int | None = None
    location: str = ""
    town_population: int | None = None
    ownership: str = ""
    owner_lives_there: bool = False


@dataclass(frozen=True)
class Result:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # figures the applicant should see

    def __post_init__(self):
        # Sentences that end in an amount ("... 49.999 kr.") take one full stop, not two.
        for name in ("problems", "notes"):
            texts = [one_full_stop(str(text)) for text in getattr(self, name)]
            object.__setattr__(self, name, texts)

    @property
    def ok(self) -> bool:
        return not self.problems


def volunteer_value(pool, facts: Facts) -> Decimal:
    return (pool.volunteer_hour_rate or ZERO) * facts.volunteer_hours


def cofinancing(pool, facts: Facts) -> Decimal:
    """Cash, volunteer hours at the pool's rate and materials; never other municipal money."""
    return facts.cofinancing_cash + volunteer_value(pool, facts) + facts.cofinancing_materials


def check(pool, facts: Facts) -> Result:
    if pool.rule_set == RuleSet.VILLAGE_RENEWAL:
        return _village_renewal(pool, facts)
    return _community(pool, facts)


def _community(pool, facts: Facts) -> Result:
    own = cofinancing(pool, facts)
    problems = [
        *_below_minimum(pool, facts),
        *_unbalanced_budget(facts, own),
        *_too_little_cofinancing(pool, facts, own),
        *_applicant_type_not_allowed(pool, facts),
    ]
    return Result(problems, _volunteer_notes(pool, facts))


def _below_minimum(pool, facts: Facts) -> list[str]:
    applied = facts.amount_applied  # None: missing() names it
    if applied is None or pool.min_amount is None or applied >= pool.min_amount:
        return []
    return [
        _("Der skal søges mindst %(min)s. I søger %(applied)s.")
        % {"min": kroner(pool.min_amount), "applied": kroner(applied)}
    ]


def _volunteer_notes(pool, facts: Facts) -> list[str]:
    if not facts.volunteer_hours:
        return []
    return [
        _("%(hours)s frivillige timer à %(rate)s tæller som %(value)s egenfinansiering.")
        % {
            "hours": facts.volunteer_hours,
            "rate": kroner(pool.volunteer_hour_rate or ZERO),
            "value": kroner(volunteer_value(pool, facts)),
        }
    ]


def _unbalanced_budget(facts: Facts, own: Decimal) -> list[str]:
    """The budget lines must add up to the amount applied for, the co-financing and other
    municipal money."""
    financing = (facts.amount_applied or ZERO) + own + facts.other_municipal
    if facts.budget_total <= 0:
        return [_("Skriv projektets udgifter i budgettet.")]
    if financing == facts.budget_total:
        return []
    return [
        _(
            "Budgettet hænger ikke sammen: udgifterne er %(total)s, men det ansøgte beløb, "
            "egenfinansieringen og andre kommunale tilskud er tilsammen %(financing)s."
        )
        % {"total": kroner(facts.budget_total), "financing": kroner(financing)}
    ]


def _too_little_cofinancing(pool, facts: Facts, own: Decimal) -> list[str]:
    """From the pool's amount on: a share of the total as co-financing, and a share of
    that in cash."""
    applied = facts.amount_applied
    if applied is None or pool.cofinancing_from is None or applied < pool.cofinancing_from:
        return []
    problems = []
    share_needed = pool.cofinancing_share is not None and facts.budget_total > 0
    if share_needed and own < pool.cofinancing_share * facts.budget_total:
        problems.append(
            _(
                "Når I søger %(from)s eller mere, skal egenfinansieringen være mindst "
                "%(share)s af projektets samlede beløb (%(needed)s). Jeres er %(own)s. "
                "Tilskud fra andre kommunale puljer tæller ikke med."
            )
            % {
                "from": kroner(pool.cofinancing_from),
                "share": percent(pool.cofinancing_share),
                "needed": kroner(pool.cofinancing_share * facts.budget_total),
                "own": kroner(own),
            }
        )
    cash_needed = pool.cash_share is not None and own > 0
    if cash_needed and facts.cofinancing_cash < pool.cash_share * own:
        problems.append(
            _(
                "Mindst %(share)s af egenfinansieringen skal være kontanter: %(needed)s af "
                "%(own)s. I har %(cash)s i kontanter."
            )
            % {
                "share": percent(pool.cash_share),
                "needed": kroner(pool.cash_share * own),
                "own": kroner(own),
                "cash": kroner(facts.cofinancing_cash),
            }
        )
    return problems


def _applicant_type_not_allowed(pool, facts: Facts) -> list[str]:
    allowed = pool.allowed_applicant_types or []
    if not facts.applicant_type or not allowed or facts.applicant_type in allowed:
        return []
    return [
        _("%(type)s kan ikke søge denne pulje.")
        % {"type": ApplicantType(facts.applicant_type).label}
    ]


def _village_renewal(pool, facts: Facts) -> Result:
    problems, notes = [], []
    built = facts.construction_year  # None: missing() names it
    if built is not None and pool.built_before is not None and built >= pool.built_before:
        problems.append(
            _("Bygningen skal være opført før %(year)s. Den er opført i %(built)s.")
            % {"year": pool.built_before, "built": facts.construction_year}
        )
    if facts.location == Location.TOWN:
        limit = pool.town_population_below
        if facts.town_population is None:
            problems.append(_("Skriv byens indbyggertal."))
        elif limit is not None and facts.town_population >= limit:
            problems.append(
                _(
                    "Bygningen skal ligge i det åbne land eller i en by med færre end "
                    "%(limit)s indbyggere. Byen har %(population)s."
                )
                % {
                    "limit": number(limit),
                    "population": number(facts.town_population),
                }
            )
    if facts.ownership == Ownership.NOT_OWNER:
        problems.append(_("Kun bygningens ejer kan søge."))
    elif facts.ownership == Ownership.OWNER_OCCUPIED and not facts.owner_lives_there:
        problems.append(_("I en ejer- eller andelsbolig skal ejeren selv bo i bygningen."))
    applied = facts.amount_applied
    if facts.budget_total <= 0:
        problems.append(_("Skriv arbejdets udgifter i budgettet."))
    else:
        if applied is not None and applied > facts.budget_total:
            problems.append(
                _("Du kan ikke søge mere end arbejdet koster (%(total)s).")
                % {"total": kroner(facts.budget_total)}
            )
        if pool.own_share is not None:
            notes.append(
                _("Regn med selv at betale omkring %(share)s af udgifterne: %(own)s af %(total)s.")
                % {
                    "share": percent(pool.own_share),
                    "own": kroner(pool.own_share * facts.budget_total),
                    "total": kroner(facts.budget_total),
                }
            )
    return Result(problems, notes)
