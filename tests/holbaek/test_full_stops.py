"""Item 18e: an amount closing a sentence gives one full stop ("2.500.000 kr."), never two."""

import re
from pathlib import Path

from django.template import Context, Template
from django.utils import translation

from holbaek.text import one_full_stop

TEMPLATES = Path(__file__).resolve().parents[2] / "templates"
BLOCK = re.compile(
    r"{%\s*blocktranslate\b(?P<args>[^%]*)%}(?P<body>.*?){%\s*endblocktranslate\s*%}", re.S
)
AMOUNT_VAR = re.compile(r"(\w+)=[\w.]+\|kr\b")
ASVAR = re.compile(r"\basvar\s+(\w+)")


def test_one_full_stop():
    ends = "Rundens budget er 2.500.000\xa0kr."
    assert one_full_stop(ends + ".") == ends
    assert one_full_stop("i alt 60.000 kr.. Tak.") == "i alt 60.000 kr. Tak."
    assert one_full_stop("(I søgte 5 kr.).") == "(I søgte 5 kr.)."
    assert one_full_stop("The budget is DKK 60,000.") == "The budget is DKK 60,000."


def test_a_sentence_ending_in_an_amount_renders_one_full_stop():
    template = Template(
        "{% load i18n %}{% blocktranslate with budget=amount|kr asvar text %}Rundens budget er "
        "{{ budget }}."
        "{% endblocktranslate %}{{ text|one_full_stop }}"
    )
    with translation.override("da"):
        rendered = template.render(Context({"amount": 2500000}))
    assert rendered.replace("\xa0", " ") == "Rundens budget er 2.500.000 kr."


def test_every_template_sentence_ending_in_an_amount_takes_one_full_stop():
    unguarded = []
    for path in TEMPLATES.rglob("*.*"):
        source = path.read_text(encoding="utf-8")
        for block in BLOCK.finditer(source):
            names = AMOUNT_VAR.findall(block["args"])
            body = block["body"]
            if not any(re.search(r"{{\s*" + name + r"\s*}}\.", body) for name in names):
                continue
            asvar = ASVAR.search(block["args"])
            if not asvar or not re.search(r"{{\s*" + asvar[1] + r"\|one_full_stop\s*}}", source):
                unguarded.append(f"{path.relative_to(TEMPLATES)}: {block['body'][:60]}")
    assert unguarded == []
