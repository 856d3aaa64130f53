"""Hearings in the search: public ones are found, drafts never."""

import pytest

from lokalfora.search import full_text_search
from tests.lokalfora.hearings import make_hearing

pytestmark = pytest.mark.django_db


def test_a_public_hearing_is_found_and_a_draft_is_not(clock, area):
    clock.set("2026-12-01 10:00")
    make_hearing(["tollose"], title="Høring om cykelstier i Tølløse")
    make_hearing(["tollose"], publish=False, title="Kladde om cykelstier")
    hits = list(full_text_search("cykelstier"))
    assert [hit.title for hit in hits] == ["Høring om cykelstier i Tølløse"]
    assert hits[0].area_name == "Tølløse"
