"""`make bench`: the portal as in production, under load, page by page.

A measurement, not a test: the numbers depend on the machine and on what else
runs on it; the ratio to the static file served by the same gunicorn in the
same run is what to compare between runs. See README.md, Benchmark.
"""

import io
import os
import signal
import tempfile
from pathlib import Path

from django.conf import settings
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.test.utils import override_settings

from holbaek.bench import server
from holbaek.bench.grow import grow_demo, page_values
from holbaek.bench.measure import Target, UnexpectedStatus, check_and_warm_up, measure
from holbaek.bench.pages import PAGES, STATIC
from holbaek.bench.staff import staff_session_key
from holbaek.bench.table import format_table, static_baseline
from holbaek.bench.wrk import CONNECTIONS, THREADS


def _load() -> str:
    return " ".join(f"{load:.1f}" for load in os.getloadavg())


def _stop_on_sigterm(signum, frame):
    raise KeyboardInterrupt  # the same clean-up as Ctrl-C


class Command(BaseCommand):
    help = (
        "Måler portalen som i drift (gunicorn, PostgreSQL, Redis) med wrk: forespørgsler pr. "
        "sekund, svartider og SQL-forespørgsler pr. side. Opretter og sletter sin egen database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=10, help="sekunder pr. side")
        parser.add_argument("--factor", type=int, default=10, help="gange demoindholdet")

    def handle(self, *args, seconds, factor, **options):
        database = settings.DATABASES["default"]
        if database["ENGINE"] != "django.db.backends.postgresql" or not str(
            database["NAME"]
        ).endswith("_bench"):
            raise CommandError(
                "Kør med DATABASE_URL til en PostgreSQL-database, hvis navn ender på '_bench' "
                "(den slettes og oprettes igen); se `make bench`."
            )
        if not settings.CACHES["default"]["BACKEND"].endswith("RedisCache"):
            raise CommandError(
                "Kør med CACHE_URL til Redis: målingen gælder portalen med den delte cache, "
                "som i drift; se `make bench`."
            )
        if settings.DEBUG:
            raise CommandError("Kør med DEBUG=0: målingen gælder portalen, som den kører i drift.")
        signal.signal(signal.SIGTERM, _stop_on_sigterm)
        with tempfile.TemporaryDirectory(prefix="holbaek-bench-") as folder:
            folder = Path(folder)
            paths = {"STATIC_ROOT": folder / "static", "MEDIA_ROOT": folder / "media"}
            with override_settings(**paths):
                try:
                    self._run(database, folder, paths, seconds=seconds, factor=factor)
                except KeyboardInterrupt:
                    raise CommandError("Afbrudt: gunicorn stoppes og databasen slettes.") from None
                finally:
                    connections.close_all()
                    self._drop(database)

    def _drop(self, database):
        """Drops the bench's database; a failure here is reported, never hiding the run's."""
        try:
            server.drop_database(database)
        except Exception as error:  # reported; the run's own error stands
            self.stderr.write(f"Databasen {database['NAME']} kunne ikke slettes: {error}")

    def _run(self, database, folder, paths, *, seconds, factor):
        self.stdout.write(f"Database {database['NAME']}: migrate, reference and demo data ...")
        server.recreate_database(database)
        quiet = {"verbosity": 0, "stdout": io.StringIO()}
        call_command("migrate", interactive=False, **quiet)
        call_command("load_reference_data", **quiet)
        call_command("demo", force=True, **quiet)
        counts = grow_demo(factor=factor)
        staff_session = staff_session_key()
        self.stdout.write("Collecting static files ...")
        call_command("collectstatic", interactive=False, **quiet)
        port = server.free_port()
        bind = f"127.0.0.1:{port}"
        process = server.start_gunicorn(
            bind=bind, env={name: str(path) for name, path in paths.items()}, log=folder / "log"
        )
        try:
            server.wait_until_up(process, port)
            self._header(bind, seconds=seconds, factor=factor, counts=counts)
            values = {**page_values(), "static": staticfiles_storage.url("css/portal.css")}
            target = Target(port=port, seconds=seconds, staff_session=staff_session, values=values)
            self._measure(target)
        except (UnexpectedStatus, RuntimeError) as error:
            self.stderr.write("\n".join((folder / "log").read_text().splitlines()[-30:]))
            raise CommandError(str(error)) from error
        finally:
            server.stop_gunicorn(process)

    def _header(self, bind, *, seconds, factor, counts):
        config = server.gunicorn_config(bind)
        data = ", ".join(f"{count} {name}" for name, count in counts.items())
        lines = [
            f"Machine: nproc {len(os.sched_getaffinity(0))}, load average {_load()} before the run",
            f"gunicorn: {config['workers']} workers × {config['threads']} threads on {bind}"
            f" (gunicorn.conf.py; max_requests {config['max_requests']} there, off here)",
            f"Data: {factor}× the demo ({data})",
            f"wrk: {CONNECTIONS} connections, {THREADS} threads, {seconds} s per page",
        ]
        self.stdout.write("\n" + "\n".join(lines) + "\n")

    def _measure(self, target: Target):
        self.stdout.write("Checking each page's status, and warming up ...")
        for page in [STATIC, *PAGES]:
            check_and_warm_up(page, target)
        first = measure(STATIC, target)
        self.stdout.write(f"  {first.label}: {first.result.rps:.0f} req/s")
        rows = [first]
        for page in PAGES:
            row = measure(page, target)
            self.stdout.write(f"  {row.label}: {row.result.rps:.0f} req/s, {row.queries} SQL")
            rows.append(row)
        last = measure(STATIC, target)
        rows.append(last)
        baseline = static_baseline(first.result, last.result)
        self.stdout.write(
            f"\nStatic file: {first.result.rps:.0f} req/s first, {last.result.rps:.0f} last; "
            f"ratios are to their mean, {baseline:.0f}.\n"
        )
        self.stdout.write(format_table(rows, baseline=baseline))
        self.stdout.write(f"\nLoad average after the run: {_load()}")
