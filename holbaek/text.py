import re
from decimal import Decimal

from django.utils.text import slugify

# As the municipality writes Danish place names in web addresses: Mørkøv -> morkov.
_DANISH = str.maketrans({"æ": "ae", "ø": "o", "å": "aa", "Æ": "Ae", "Ø": "O", "Å": "Aa"})


def danish_slugify(value: str) -> str:
    return slugify(value.translate(_DANISH))


def kroner(value) -> str:
    """An amount in Danish notation for sentences: 29988 -> "29.988 kr", 3.45 -> "3,45 kr".

    No period after "kr": the messages it goes into end their own sentences.
    """
    amount = Decimal(value)
    places = 0 if amount == amount.to_integral_value() else 2
    text = f"{amount:,.{places}f}".replace(",", "X").replace(".", ",").replace("X", ".")
    return f"{text} kr"


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
