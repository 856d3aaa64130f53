"""Item 18g: every wide table sits in the one scrolling, keyboard-focusable wrapper
(`{% scrolling_table %}`), so no column is cut off on a phone."""

import re
from pathlib import Path

from django.template import Context, Template

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
WRAPPED = re.compile(r"{%\s*scrolling_table\s*%}.*?{%\s*endscrolling_table\s*%}", re.S)
HAND_MADE_REGION = re.compile(
    r'<div class="table--responsive-scroll" tabindex="0" role="region"[^>]*>.*?</table>', re.S
)
TABLE = re.compile(r'<table class="([^"]*)"')
# Two-column key/value lists (structured-list) fit a phone as they are.
NARROW = "structured-list"


def test_every_wide_table_is_in_the_scrolling_wrapper():
    bare = []
    for path in TEMPLATES.rglob("*.html"):
        name = str(path.relative_to(TEMPLATES))
        if name.startswith("allauth/"):
            continue
        rest = HAND_MADE_REGION.sub("", WRAPPED.sub("", path.read_text(encoding="utf-8")))
        bare += [name for classes in TABLE.findall(rest) if NARROW not in classes]
    assert bare == []


def test_the_wrapper_is_a_focusable_region_named_after_the_caption():
    rendered = Template(
        "{% scrolling_table %}<table><caption class='sr-only'>Tilskud &amp; <b>udregning</b>"
        "</caption></table>{% endscrolling_table %}"
    ).render(Context())
    assert rendered.startswith(
        '<div class="table--responsive-scroll" tabindex="0" role="region" '
        'aria-label="Tilskud &amp; udregning"><table>'
    )
