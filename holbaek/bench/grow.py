"""Grows the demo content to FACTOR times its size, for the bench.

Every row the demo made is copied FACTOR - 1 times with bulk_create, in
fictional variants (holbaek/bench/copying.py): each app that has a `bench_data.py`
grows its own content there (`grow(copies=…)`) and names the values the page list
asks for (`page_values()`), so core imports no app. The 18 areas, their forums,
the pools and the fælles-skabere stay as they are.
"""

from django.db import transaction

from holbaek.hooks import call_app_hooks


@transaction.atomic
def grow_demo(*, factor: int) -> dict[str, int]:
    """FACTOR times the demo content; returns the number of rows of each kind afterwards."""
    counts = {}
    for _app, app_counts in call_app_hooks("bench_data", "grow", copies=max(factor - 1, 0)):
        counts |= app_counts
    return counts


def page_values() -> dict[str, str]:
    """The paths holbaek.bench.pages names by a placeholder, e.g. {news}."""
    values = {}
    for _app, app_values in call_app_hooks("bench_data", "page_values"):
        values |= app_values
    return values
