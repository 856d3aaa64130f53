from django.utils.text import slugify

# As the municipality writes Danish place names in web addresses: Mørkøv -> morkov.
_DANISH = str.maketrans({"æ": "ae", "ø": "o", "å": "aa", "Æ": "Ae", "Ø": "O", "Å": "Aa"})


def danish_slugify(value: str) -> str:
    return slugify(value.translate(_DANISH))
