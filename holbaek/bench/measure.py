"""One page measured: its status over the wire, its SQL queries in-process, then wrk."""

import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from holbaek.bench import server
from holbaek.bench.pages import Page
from holbaek.bench.table import Row
from holbaek.bench.wrk import run_wrk

# The reverse proxy in production terminates TLS and says so; the settings trust it
# (SECURE_PROXY_SSL_HEADER), so plain http on 127.0.0.1 is served as in production.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
WARM_UP_SECONDS = 1


class UnexpectedStatus(Exception):
    pass


@dataclass(frozen=True)
class Target:
    port: int
    seconds: int
    staff_session: str
    values: dict[str, str]


def headers_for(page: Page, staff_session: str) -> dict[str, str]:
    if not page.staff:
        return dict(PROXY_HEADERS)
    return {**PROXY_HEADERS, "Cookie": f"{settings.SESSION_COOKIE_NAME}={staff_session}"}


def count_queries(page: Page, path: str, staff_session: str) -> int:
    """SQL queries of one warm request (the first one fills the caches, as wrk's do)."""
    client = Client(HTTP_HOST="127.0.0.1")
    if page.staff:
        client.cookies[settings.SESSION_COOKIE_NAME] = staff_session
    logging.disable(logging.WARNING)  # "Not Found: /findes-ikke/" is expected here
    try:
        client.get(path, secure=True)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(path, secure=True)
    finally:
        logging.disable(logging.NOTSET)
    if response.status_code != page.status:
        raise UnexpectedStatus(f"{path}: {response.status_code} in-process, not {page.status}")
    return len(queries)


def _url(page: Page, target: Target) -> str:
    return f"http://127.0.0.1:{target.port}{page.url_path(target.values)}"


def check_and_warm_up(page: Page, target: Target) -> None:
    """The page answers as expected; then WARM_UP_SECONDS of load, so that every worker
    has loaded its templates and opened its database connection before the measurement."""
    path = page.url_path(target.values)
    headers = headers_for(page, target.staff_session)
    status = server.status_of(target.port, path, headers)
    if status != page.status:
        raise UnexpectedStatus(f"{path}: gunicorn answered {status}, not {page.status}")
    run_wrk(_url(page, target), seconds=WARM_UP_SECONDS, headers=headers)


def measure(page: Page, target: Target) -> Row:
    path = page.url_path(target.values)
    headers = headers_for(page, target.staff_session)
    queries = count_queries(page, path, target.staff_session)
    result = run_wrk(_url(page, target), seconds=target.seconds, headers=headers)
    return Row(label=path, result=result, queries=queries, expected=page.status)
