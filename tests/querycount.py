"""Asserting that a page's number of SQL queries does not grow with the data."""

from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings


def count_queries(client, url) -> int:
    """The queries of rendering the page: the page cache (holbaek/pagecache/) is bypassed, or
    an anonymous page's second visit would cost none (tests/holbaek/test_pagecache.py)."""
    with override_settings(PAGE_CACHE_SECONDS=0), CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(queries)


def assert_constant_queries(client, url, grow, *, limit):
    """The query count is the same before and after `grow()` adds data, and at most `limit`."""
    count_queries(client, url)  # warm per-process caches (content types, site, translations)
    before = count_queries(client, url)
    grow()
    after = count_queries(client, url)
    assert before == after, f"{url}: {before} queries with little data, {after} with much"
    assert after <= limit, f"{url}: {after} queries, more than {limit}"
    return after
