import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.utils.formats import number_format
from django.utils.text import slugify
from django.utils.translation import gettext, override

# As the municipality writes Danish place names in web addresses: Mørkøv -> morkov.
_DANISH = str.maketrans({"æ": "ae", "ø": "o", "å": "aa", "Æ": "Ae", "Ø": "O", "Å": "Aa"})


def danish_slugify(value: str) -> str:
    return slugify(value.translate(_DANISH))


NO_BREAK_SPACE = "\N{NO-BREAK SPACE}"


def to_decimal(value) -> Decimal | None:
    try:
        return Decimal(str(value))
    except (InvalidOperation, TypeError, ValueError):
        return None


def number(value, decimal_places=0) -> str:
    """A number grouped as the active language writes it: 27000 -> "27.000", 3.45 -> "3,45"."""
    amount = to_decimal(value)
    if amount is None:
        return ""
    places = int(decimal_places)
    quantum = Decimal(1).scaleb(-places)
    return number_format(
        amount.quantize(quantum, rounding=ROUND_HALF_UP), places, force_grouping=True
    )


def danish_amount(value) -> str:
    """An amount as a form field shows it for editing, in Danish whatever the page's language,
    since the field reads Danish (holbaek.forms.MoneyField): 16000.5 -> "16.000,50"."""
    amount = to_decimal(value)
    if amount is None:
        return ""
    places = 0 if amount == amount.to_integral_value() else 2
    with override("da"):
        return number(amount, places)


def kroner(value, decimal_places=None) -> str:
    """An amount in kroner, the one way the portal writes one, on pages, in letters and in
    messages: 29988 -> "29.988 kr.", Decimal("59999.5") -> "59.999,50 kr." (English
    "DKK 29,988"), with a no-break space so an amount never wraps onto two lines.

    Øre are shown when there are any (never rounded away: a letter states the exact amount
    granted); `decimal_places=0` rounds to whole kroner on purpose, e.g. in charts. Exact:
    Decimal throughout, never float. A sentence ending in an amount gets one full stop
    through `one_full_stop`, not "kr..". Anything that is not a number gives "".
    """
    amount = to_decimal(value)
    if amount is None or not amount.is_finite():
        return ""
    if decimal_places is None:
        decimal_places = 0 if amount == amount.to_integral_value() else 2
    text = gettext("%(amount)s kr.") % {"amount": number(amount, decimal_places)}
    return text.replace(" ", NO_BREAK_SPACE)


# The longest free text each kind of field takes, in characters. A model's TextField gets
# one of these as max_length, so its model form, the admin and full_clean() refuse more;
# tests/holbaek/test_plain_text.py fails for a text field without a maximum.
SHORT_TEXT = 2_000  # a note, a reason, a source, a short presentation
TEXT = 5_000  # an assessment, an advisory note, a recommendation, a decision's conditions
LONG_TEXT = 10_000  # a description: of a project, a forum, an event, a final report
PAGE_TEXT = 20_000  # a page of its own: a news post, a pool's purpose and rules


# "kr." closing a sentence takes the sentence's full stop too (Danish: one full stop, never
# two): "Rundens budget er 2.500.000 kr." and not "... kr..". The abbreviation may be followed
# by the no-break space of an amount, or by markup, but not by anything else.
_DOUBLE_STOP = re.compile(r"(\bkr\.)\.(?!\.)")


def one_full_stop(text: str) -> str:
    return _DOUBLE_STOP.sub(r"\1", text)
