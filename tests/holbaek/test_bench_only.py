"""`make bench BENCH_ONLY=...` measures only the chosen pages (the new pages of an issue)."""

from pathlib import Path

from holbaek.bench.pages import PAGES
from holbaek.bench.run import Bench


def _bench(only=()):
    return Bench(write=print, folder=Path("."), paths={}, database={}, seconds=1, only=only)


def test_only_keeps_the_pages_whose_path_has_one_of_the_parts():
    chosen = _bench(("/udvalget/", "/saerlige-indsatser/"))._chosen(PAGES)
    assert chosen
    assert all("/udvalget/" in p.path or "/saerlige-indsatser/" in p.path for p in chosen)
    assert len(chosen) < len(PAGES)


def test_without_only_every_page_is_measured():
    assert _bench()._chosen(PAGES) == PAGES
