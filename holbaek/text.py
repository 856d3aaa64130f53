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


# "kr." closing a sentence takes the sentence's full stop too (Danish: one full stop, never
# two): "Rundens budget er 2.500.000 kr." and not "... kr..". The abbreviation may be followed
# by the no-break space of an amount, or by markup, but not by anything else.
_DOUBLE_STOP = re.compile(r"(\bkr\.)\.(?!\.)")


def one_full_stop(text: str) -> str:
    return _DOUBLE_STOP.sub(r"\1", text)
