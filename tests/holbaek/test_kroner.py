"""Issue 11 item 18: one way to write an amount, `holbaek.text.kroner`, for pages, letters
and messages alike: a no-break space before the unit, "kr." in Danish, øre exactly."""

from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import translation

from holbaek.text import kroner

NBSP = "\xa0"


@pytest.mark.parametrize(
    ("value", "danish", "english"),
    [
        (29988, "29.988 kr.", "DKK 29,988"),
        (Decimal("15991.00"), "15.991 kr.", "DKK 15,991"),
        (0, "0 kr.", "DKK 0"),
        (Decimal("3.45"), "3,45 kr.", "DKK 3.45"),
        (Decimal("59999.5"), "59.999,50 kr.", "DKK 59,999.50"),
        (Decimal("0.01"), "0,01 kr.", "DKK 0.01"),
        (-1500, "-1.500 kr.", "DKK -1,500"),
        (Decimal("-29246.55"), "-29.246,55 kr.", "DKK -29,246.55"),
        (2_500_000_000, "2.500.000.000 kr.", "DKK 2,500,000,000"),
        # Beyond a float's 15-16 digits, still exact to the øre.
        (Decimal("12345678901234567.89"), "12.345.678.901.234.567,89 kr.", None),
        ("1000,5", "", ""),
        (None, "", ""),
    ],
)
def test_amounts_in_danish_and_english(value, danish, english):
    with translation.override("da"):
        assert kroner(value) == danish.replace(" ", NBSP)
    if english is not None:
        with translation.override("en"):
            assert kroner(value) == english.replace(" ", NBSP)


def test_whole_kroner_on_request_rounds_half_up():
    with translation.override("da"):
        assert kroner(Decimal("29987.50"), 0) == f"29.988{NBSP}kr."


def test_the_template_filters_and_the_messages_write_amounts_alike():
    with translation.override("da"):
        rendered = Template("{{ a|kr }}").render(Context({"a": Decimal("59999.50")}))
        assert rendered == kroner(Decimal("59999.5"))
