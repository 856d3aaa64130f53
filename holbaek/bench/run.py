"""The bench's run: at each data size, the database built and grown, then each mode.

Mode "gunicorn" (`make bench`): one gunicorn with the page cache off (PAGE_CACHE_SECONDS=0,
"ucachet") measures every page, then one with it on ("cachet") the anonymous public pages.
Mode "nginx" (`make bench-nginx`): two gunicorn instances behind nginx rendered from
deploy/nginx.conf, the anonymous public pages through nginx's cache. Each mode compares
with the static file served by the same server, in the same run.
"""

import io
import os
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.cache import caches
from django.core.management import call_command
from django.db import connections

from holbaek.bench import nginx, server
from holbaek.bench.grow import grow_demo, page_values
from holbaek.bench.measure import Target, check_and_warm_up, measure
from holbaek.bench.pages import PAGES, PUBLIC, STATIC, Page
from holbaek.bench.staff import sessions_for
from holbaek.bench.table import format_growth, format_table, static_baseline
from holbaek.bench.targets import CACHED, NGINX, UNCACHED, Run, format_targets
from holbaek.bench.wrk import CONNECTIONS, THREADS

MODES = ("gunicorn", "nginx")
CACHED_SECONDS = 300  # the page cache's default max-age (PAGE_CACHE_SECONDS)
HEADINGS = {
    UNCACHED: "Ucachet: gunicorn med PAGE_CACHE_SECONDS=0, alle sider",
    CACHED: f"Cachet: gunicorn med PAGE_CACHE_SECONDS={CACHED_SECONDS}, de anonyme sider",
    NGINX: "nginx: to gunicorn-instanser bag nginx' proxy_cache (deploy/nginx.conf), "
    "de anonyme sider",
}


def load_average() -> str:
    return " ".join(f"{load:.1f}" for load in os.getloadavg())


def _quiet() -> dict:
    return {"verbosity": 0, "stdout": io.StringIO()}


@dataclass
class Bench:
    write: Callable[[str], None]
    folder: Path
    paths: dict[str, Path]
    database: dict
    seconds: int
    mode: str = "gunicorn"
    # Measure only the pages whose path template contains one of these ("" = every page).
    only: tuple[str, ...] = ()
    logs: list[Path] = field(default_factory=list)  # the servers' logs, the last one last

    def run(self, factors: list[int]) -> None:
        self.write(self._machine())
        self.write("Samler de statiske filer ...")
        call_command("collectstatic", interactive=False, **_quiet())
        runs: list[Run] = []
        for factor in factors:
            runs += self.size(factor)
        self._summary(runs)

    def _machine(self) -> str:
        config = server.gunicorn_config("127.0.0.1:0")
        return "\n".join(
            [
                f"Maskine: nproc {len(os.sched_getaffinity(0))}, "
                f"belastning (load average) {load_average()} før kørslen",
                f"gunicorn: {config['workers']} workers × {config['threads']} tråde pr. instans"
                f" (gunicorn.conf.py; max_requests {config['max_requests']} dér, slået fra her)",
                f"wrk: {CONNECTIONS} forbindelser, {THREADS} tråde, {self.seconds} s pr. side",
            ]
        )

    def size(self, factor: int) -> list[Run]:
        self.write(f"\n## {factor}× demoindholdet\n")
        counts = self._build(factor)
        data = ", ".join(f"{count} {name}" for name, count in counts.items())
        self.write(f"Data: {factor}× demoindholdet ({data})")
        values = {**page_values(), "static": staticfiles_storage.url("css/portal.css")}
        pages, public = self._chosen(PAGES), self._chosen(PUBLIC)
        sessions = sessions_for(pages)
        if self.mode == "nginx":
            return [self._through_nginx(factor, values, public)]
        uncached = Target(port=0, seconds=self.seconds, values=values, sessions=sessions)
        return [
            self._on_gunicorn(UNCACHED, factor, pages, uncached, page_cache=0),
            self._on_gunicorn(CACHED, factor, public, uncached, page_cache=CACHED_SECONDS),
        ]

    def _chosen(self, pages: list[Page]) -> list[Page]:
        if not self.only:
            return pages
        return [page for page in pages if any(part in page.path for part in self.only)]

    def _build(self, factor: int) -> dict[str, int]:
        """A fresh database: migrated, reference and demo data, grown FACTOR times."""
        self.write(f"Database {self.database['NAME']}: migrate, referencedata og demo ...")
        connections.close_all()
        server.recreate_database(self.database)
        call_command("migrate", interactive=False, **_quiet())
        call_command("load_reference_data", **_quiet())
        call_command("demo", force=True, **_quiet())
        started = time.monotonic()
        counts = grow_demo(factor=factor)
        self.write(f"Vokset til {factor}× på {time.monotonic() - started:.0f} s")
        for cache in caches.all():  # the previous size's counts, pages and their versions
            cache.clear()
        return counts

    def _gunicorn(self, stack: ExitStack, name: str, *, page_cache: int) -> int:
        """A gunicorn instance on a free port, stopped when the stack closes."""
        port = server.free_port()
        log = self.folder / f"{name}.log"
        self.logs.append(log)
        env = {key: str(path) for key, path in self.paths.items()}
        env["PAGE_CACHE_SECONDS"] = str(page_cache)
        process = server.start_gunicorn(bind=f"127.0.0.1:{port}", env=env, log=log)
        stack.callback(server.stop_gunicorn, process)
        server.wait_until_up(process, port)
        return port

    def _on_gunicorn(self, mode, factor, pages, target: Target, *, page_cache: int) -> Run:
        with ExitStack() as stack:
            port = self._gunicorn(stack, f"gunicorn-{factor}-{mode}", page_cache=page_cache)
            self.write(f"\n### {factor}×, {HEADINGS[mode]} (127.0.0.1:{port})\n")
            target = Target(
                port=port, seconds=self.seconds, values=target.values, sessions=target.sessions,
                page_cache_seconds=page_cache,
            )  # fmt: skip
            return self._measure(mode, factor, pages, target)

    def _through_nginx(self, factor: int, values: dict[str, str], public: list[Page]) -> Run:
        with ExitStack() as stack:
            upstreams = [
                f"127.0.0.1:{self._gunicorn(stack, name, page_cache=CACHED_SECONDS)}"
                for name in (f"gunicorn-{factor}-a", f"gunicorn-{factor}-b")
            ]
            port = server.free_port()
            folder = self.folder / f"nginx-{factor}"
            config = nginx.bench_values(
                folder=folder, port=port, upstreams=upstreams, static_root=self.paths["STATIC_ROOT"]
            )
            process = nginx.start_nginx(config, folder)
            self.logs.append(folder / "error.log")
            stack.callback(server.stop_gunicorn, process)
            server.wait_until_up(process, port, name="nginx")
            self.write(
                f"\n### {factor}×, {HEADINGS[NGINX]} (127.0.0.1:{port} → {', '.join(upstreams)})\n"
            )
            target = Target(
                port=port, seconds=self.seconds, values=values, page_cache_seconds=CACHED_SECONDS
            )
            return self._measure(NGINX, factor, public, target)

    def _measure(self, mode: str, factor: int, pages: list[Page], target: Target) -> Run:
        self.write("Tjekker hver sides status og varmer op ...")
        verdicts = {page.path: check_and_warm_up(page, target) for page in [STATIC, *pages]}
        rows = []
        for page in [STATIC, *pages, STATIC]:
            row = measure(page, target)
            verdict = f", nginx: {verdicts[page.path]}" if verdicts[page.path] else ""
            self.write(
                f"  {row.name}: {row.result.rps:.0f} forsp./s, p95 {row.result.p95:.0f} ms, "
                f"{row.queries} SQL{verdict}"
            )
            rows.append(row)
        baseline = static_baseline(rows[0].result, rows[-1].result)
        self.write(
            f"\nStatisk fil: {rows[0].result.rps:.0f} forsp./s først, "
            f"{rows[-1].result.rps:.0f} sidst; forholdstallene er til gennemsnittet, "
            f"{baseline:.0f}.\n"
        )
        self.write(format_table(rows, baseline=baseline))
        return Run(factor=factor, mode=mode, rows=rows, baseline=baseline)

    def _summary(self, runs: list[Run]) -> None:
        uncached = [run for run in runs if run.mode == UNCACHED]
        if len(uncached) > 1:
            self.write("\n## Vækst: hver sides forsp./s ved hver størrelse, ucachet\n")
            self.write(
                format_growth(
                    {run.factor: run.rows for run in uncached},
                    {run.factor: run.baseline for run in uncached},
                )
            )
        self.write("\n" + format_targets(runs))
        self.write(f"\nBelastning efter kørslen: {load_average()}")
