"""Runs wrk against one URL and reads the line report.lua prints."""

import re
import subprocess
from dataclasses import dataclass
from pathlib import Path

REPORT_LUA = Path(__file__).resolve().with_name("report.lua")
CONNECTIONS = 16
THREADS = 2
# wrk's own default (2 s) counts a slow answer as an error and leaves it out of the
# latencies; gunicorn's timeout (30 s) is the limit a visitor would meet.
TIMEOUT_SECONDS = 30
LINE = re.compile(r"^BENCH (?P<fields>.+)$", re.MULTILINE)


@dataclass(frozen=True)
class Result:
    requests: int
    seconds: float
    rps: float
    p50: float  # milliseconds
    p95: float
    p99: float
    errors: int  # connect, read, write and timeout errors
    status_errors: int  # responses with a status of 400 or more


def parse_report(output: str) -> Result:
    """The numbers from report.lua's line in wrk's output."""
    match = LINE.search(output)
    if match is None:
        raise ValueError(f"wrk printed no BENCH line:\n{output}")
    fields = dict(part.split("=", 1) for part in match["fields"].split())
    return Result(
        requests=int(fields["requests"]),
        seconds=float(fields["seconds"]),
        rps=float(fields["rps"]),
        p50=float(fields["p50"]),
        p95=float(fields["p95"]),
        p99=float(fields["p99"]),
        errors=int(fields["errors"]),
        status_errors=int(fields["status_errors"]),
    )


def wrk_command(url: str, *, seconds: int, headers: dict[str, str]) -> list[str]:
    command = ["wrk", "-c", str(CONNECTIONS), "-t", str(THREADS), "-d", f"{seconds}s"]
    for name, value in headers.items():
        command += ["-H", f"{name}: {value}"]
    command += ["--timeout", f"{TIMEOUT_SECONDS}s", "--latency"]
    return [*command, "-s", str(REPORT_LUA), url]


def run_wrk(url: str, *, seconds: int, headers: dict[str, str]) -> Result:
    completed = subprocess.run(  # noqa: S603 - wrk with our own arguments
        wrk_command(url, seconds=seconds, headers=headers),
        capture_output=True,
        text=True,
        check=True,
        timeout=seconds + 60,
    )
    return parse_report(completed.stdout)
