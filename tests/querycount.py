"""Asserting that a page's number of SQL queries does not grow with the data."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def count_queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
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
