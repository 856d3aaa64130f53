"""One page measured: its status over the wire, its SQL queries in-process, then wrk."""

import logging
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings

from holbaek.bench import server
from holbaek.bench.pages import Page
from holbaek.bench.table import Row
from holbaek.bench.wrk import run_wrk

# The reverse proxy in production terminates TLS and says so; the settings trust it
# (SECURE_PROXY_SSL_HEADER), so plain http on 127.0.0.1 is served as in production.
PROXY_HEADERS = {"X-Forwarded-Proto": "https"}
WARM_UP_SECONDS = 1
CACHE_STATUS = "X-Cache-Status"  # nginx's answer: HIT, MISS, BYPASS ... (deploy/nginx.conf)


class UnexpectedStatus(Exception):
    pass


@dataclass(frozen=True)
class Target:
    """Where and how the pages are requested: a port (gunicorn's or nginx's), the
    sessions of the staff users, and the page cache the server runs with."""

    port: int
    seconds: int
    values: dict[str, str]
    sessions: dict[str, str] = field(default_factory=dict)
    page_cache_seconds: int | None = None  # None: the settings' own (the page cache on)


def headers_for(page: Page, target: Target) -> dict[str, str]:
    if page.anonymous:
        return dict(PROXY_HEADERS)
    session = target.sessions[page.user]
    return {**PROXY_HEADERS, "Cookie": f"{settings.SESSION_COOKIE_NAME}={session}"}


def _page_cache(target: Target) -> dict:
    if target.page_cache_seconds is None:
        return {}
    return {"PAGE_CACHE_SECONDS": target.page_cache_seconds}


def count_queries(page: Page, path: str, target: Target) -> int:
    """SQL queries of one warm request (the first one fills the caches, as wrk's do)."""
    client = Client(HTTP_HOST="127.0.0.1")
    if not page.anonymous:
        client.cookies[settings.SESSION_COOKIE_NAME] = target.sessions[page.user]
    logging.disable(logging.WARNING)  # "Not Found: /findes-ikke/" is expected here
    try:
        with override_settings(**_page_cache(target)):
            client.get(path, secure=True)
            with CaptureQueriesContext(connection) as queries:
                response = client.get(path, secure=True)
    finally:
        logging.disable(logging.NOTSET)
    if response.status_code != page.status:
        raise UnexpectedStatus(f"{path}: {response.status_code} i processen, ikke {page.status}")
    return len(queries)


def _url(page: Page, target: Target) -> str:
    return f"http://127.0.0.1:{target.port}{page.url_path(target.values)}"


def check_and_warm_up(page: Page, target: Target) -> str:
    """The page answers as expected; then WARM_UP_SECONDS of load, so that every worker
    has loaded its templates and opened its database connection before the measurement.
    Returns the cache's verdict on a request after the warm-up (nginx's X-Cache-Status)."""
    path = page.url_path(target.values)
    headers = headers_for(page, target)
    status, _ = server.response_of(target.port, path, headers)
    if status != page.status:
        raise UnexpectedStatus(f"{path}: serveren svarede {status}, ikke {page.status}")
    run_wrk(_url(page, target), seconds=WARM_UP_SECONDS, headers=headers)
    _, answer = server.response_of(target.port, path, headers)
    return answer.get(CACHE_STATUS, "")


def measure(page: Page, target: Target) -> Row:
    path = page.url_path(target.values)
    headers = headers_for(page, target)
    queries = count_queries(page, path, target)
    result = run_wrk(_url(page, target), seconds=target.seconds, headers=headers)
    return Row(
        label=path, result=result, queries=queries, expected=page.status, key=page.path,
        user=page.user,
    )  # fmt: skip
