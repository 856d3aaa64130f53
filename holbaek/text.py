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
