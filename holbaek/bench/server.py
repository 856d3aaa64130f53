"""The bench's own PostgreSQL database and its gunicorn, started and stopped."""

import http.client
import os
import runpy
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import psycopg
from django.conf import settings
from psycopg import sql

GUNICORN_CONF = Path(settings.BASE_DIR) / "gunicorn.conf.py"
GUNICORN = [sys.executable, "-m", "gunicorn", "-c", str(GUNICORN_CONF)]
STARTUP_SECONDS = 60


def _maintenance_connection(database: dict) -> psycopg.Connection:
    """A connection to the server's `postgres` database, to create and drop the bench's."""
    return psycopg.connect(
        dbname="postgres",
        host=database.get("HOST") or None,
        port=database.get("PORT") or None,
        user=database.get("USER") or None,
        password=database.get("PASSWORD") or None,
        autocommit=True,
    )


def drop_database(database: dict) -> None:
    with _maintenance_connection(database) as connection:
        connection.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(
                sql.Identifier(database["NAME"])
            )
        )


def recreate_database(database: dict) -> None:
    drop_database(database)
    with _maintenance_connection(database) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(database["NAME"])))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def gunicorn_config(bind: str) -> dict:
    """gunicorn.conf.py's values as gunicorn will read them (workers, threads ...)."""
    previous = os.environ.get("GUNICORN_BIND")
    os.environ["GUNICORN_BIND"] = bind
    try:
        return runpy.run_path(str(GUNICORN_CONF))
    finally:
        if previous is None:
            del os.environ["GUNICORN_BIND"]
        else:
            os.environ["GUNICORN_BIND"] = previous


# Over the command line, on top of gunicorn.conf.py: no worker recycling. The static
# file's thousands of requests would make every worker reach max_requests at once, and
# the next page would measure five workers starting instead of itself.
OVERRIDES = ["--max-requests", "0"]


def start_gunicorn(*, bind: str, env: dict[str, str], log: Path) -> subprocess.Popen:
    """gunicorn -c gunicorn.conf.py holbaek.wsgi, its log (access lines too) in `log`."""
    with log.open("ab") as output:
        return subprocess.Popen(  # noqa: S603 - our own gunicorn and its config
            [*GUNICORN, *OVERRIDES, "holbaek.wsgi"],
            cwd=settings.BASE_DIR,
            env={**os.environ, **env, "GUNICORN_BIND": bind},
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # Ctrl-C reaches the bench, which stops gunicorn itself
        )


def response_of(port: int, path: str, headers: dict[str, str]) -> tuple[int, dict[str, str]]:
    """The status and headers of one GET, redirects not followed."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        response.read()
        return response.status, dict(response.getheaders())
    finally:
        connection.close()


def status_of(port: int, path: str, headers: dict[str, str]) -> int:
    return response_of(port, path, headers)[0]


def wait_until_up(process: subprocess.Popen, port: int, name: str = "gunicorn") -> None:
    deadline = time.monotonic() + STARTUP_SECONDS
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{name} stoppede ved opstart (slutkode {process.returncode})")
        try:
            status_of(port, "/robots.txt", {})
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{name} svarede ikke inden for {STARTUP_SECONDS} s")


def stop_gunicorn(process: subprocess.Popen) -> None:
    """SIGTERM: gunicorn stops its workers gracefully, nginx stops at once; both exit."""
    if process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=35)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
