"""The English catalogue is complete and compiled."""

import gettext
import re
from pathlib import Path

PO = Path(__file__).resolve().parents[2] / "locale" / "en" / "LC_MESSAGES" / "django.po"


def unescape(text):
    replacements = {"n": "\n", "t": "\t", '"': '"', "\\": "\\"}
    return re.sub(r"\\(.)", lambda match: replacements.get(match.group(1), match.group(0)), text)


def po_entries():
    for block in PO.read_text(encoding="utf-8").split("\n\n"):
        if "\nmsgid " not in f"\n{block}":
            continue
        msgid = "".join(
            re.findall(r'^(?:msgid|msgid_plural)? ?"(.*)"$', block.split("msgstr")[0], re.M)
        )
        strings = re.findall(r'^msgstr(?:\[\d\])? "(.*)"((?:\n".*")*)', block, re.M)
        translations = ["".join([first, *re.findall(r'"(.*)"', rest)]) for first, rest in strings]
        yield block, unescape(msgid), [unescape(text) for text in translations]


def test_every_string_is_translated_and_none_is_fuzzy():
    problems = [
        msgid
        for block, msgid, translations in po_entries()
        if msgid and ("#, fuzzy" in block or not all(translations))
    ]
    assert problems == []


def test_the_compiled_catalogue_matches_the_source():
    with PO.with_suffix(".mo").open("rb") as handle:
        catalogue = gettext.GNUTranslations(handle)
    stale = [
        msgid
        for block, msgid, translations in po_entries()
        if msgid
        and "msgid_plural" not in block
        and "msgctxt" not in block
        and catalogue.gettext(msgid) != translations[0]
    ]
    assert stale == [], "the .mo is older than the .po: run `make messages`"
    assert catalogue.gettext("Lokalområder") == "Local areas"
