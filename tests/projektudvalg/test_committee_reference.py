"""The committees in the reference data: published facts only, loaded idempotently."""

import datetime

import pytest

from projektudvalg import reference
from projektudvalg.models import Committee, CommitteeMember

pytestmark = pytest.mark.django_db


def test_the_committees_and_their_order(reference_data):
    old = Committee.objects.get(slug="lokal-udvikling-2014-2017")
    pulo = Committee.objects.get(slug="projektudvalget")
    assert old.name == "14-17 Projektudvalget for Lokal Udvikling"
    assert (old.period_start, old.period_end) == (datetime.date(2014, 1, 1),
                                                  datetime.date(2017, 12, 31))  # fmt: skip
    assert old.official_url == "http://dagsordner.holbaek.dk/committee_183262/"
    assert pulo.short_name == "PULO"
    assert pulo.period_end == datetime.date(2021, 12, 31)
    assert pulo.official_url == "http://dagsordner.holbaek.dk/committee_189849/"
    assert pulo.predecessor == old
    assert Committee.objects.current() == pulo
    assert not CommitteeMember.objects.exists()  # names are not reference data


def test_loading_again_changes_nothing_and_keeps_what_staff_set(reference_data):
    Committee.objects.filter(slug="projektudvalget").update(
        function_mailbox="pulo@holbaek.dk", name="Staff's navn"
    )
    reference.load()
    reference.load()
    assert Committee.objects.count() == 2
    pulo = Committee.objects.get(slug="projektudvalget")
    assert pulo.function_mailbox == "pulo@holbaek.dk"
    assert pulo.name == "Staff's navn"


def test_a_committee_the_migration_made_gets_the_missing_facts(db):
    Committee.objects.create(slug="projektudvalget", name="Projektudvalget",
                             period_start=datetime.date(2019, 1, 1))  # fmt: skip
    reference.load_committees()
    pulo = Committee.objects.get(slug="projektudvalget")
    assert pulo.official_url == "http://dagsordner.holbaek.dk/committee_189849/"
    assert pulo.short_name == "PULO"
    assert pulo.period_start == datetime.date(2019, 1, 1)  # set: kept
    assert pulo.predecessor.slug == "lokal-udvikling-2014-2017"
