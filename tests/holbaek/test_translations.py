"""The English catalogue is complete and compiled."""

import gettext
import re
from pathlib import Path

PO = Path(__file__).resolve().parents[2] / "locale" / "en" / "LC_MESSAGES" / "django.po"


def po_entries():
    for block in PO.read_text(encoding="utf-8").split("\n\n"):
        if "\nmsgid " not in f"\n{block}":
            continue
        msgid = "".join(
            re.findall(r'^(?:msgid|msgid_plural)? ?"(.*)"$', block.split("msgstr")[0], re.M)
        )
        strings = re.findall(r'^msgstr(?:\[\d\])? "(.*)"((?:\n".*")*)', block, re.M)
        yield (
            block,
            msgid,
            ["".join([first, *re.findall(r'"(.*)"', rest)]) for first, rest in strings],
        )


def test_every_string_is_translated_and_none_is_fuzzy():
    problems = [
        msgid
        for block, msgid, translations in po_entries()
        if msgid and ("#, fuzzy" in block or not all(translations))
    ]
    assert problems == []


def test_the_compiled_catalogue_matches_the_source():
    mo = PO.with_suffix(".mo")
    with mo.open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    translated = sum(1 for _block, msgid, _t in po_entries() if msgid)
    # The .mo holds one entry per message (plural forms add one key each) plus the header.
    assert len(catalogue._catalog) >= translated, "run `make messages` (compilemessages)"
    assert catalogue.gettext("Lokalområder") == "Local areas"
