"""What the pool forms share: amounts as Danes write them, within a sane maximum."""

from holbaek.forms import MoneyField

MAX_AMOUNT = 100_000_000


def money(label, *, required=False, help_text=""):
    return MoneyField(
        label=label, required=required, allow_zero=True, max_value=MAX_AMOUNT, help_text=help_text
    )
