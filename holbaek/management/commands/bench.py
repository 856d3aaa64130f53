"""`make bench`: the portal as in production, under load, page by page, at several sizes.

A measurement, not a test: the numbers depend on the machine and on what else
runs on it; the ratio to the static file served by the same server in the
same run is what to compare between runs. See README.md, Benchmark.
"""

import signal
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.test.utils import override_settings

from holbaek.bench import server
from holbaek.bench.measure import UnexpectedStatus
from holbaek.bench.run import MODES, Bench

LOG_LINES = 30  # of the last server's log, shown on an error


def _stop_on_sigterm(signum, frame):
    raise KeyboardInterrupt  # the same clean-up as Ctrl-C


class Command(BaseCommand):
    help = (
        "Måler portalen som i drift (gunicorn, PostgreSQL, Redis) med wrk ved flere "
        "datastørrelser, med og uden sidecachen: forespørgsler pr. sekund, svartider og "
        "SQL-forespørgsler pr. side. Opretter og sletter sin egen database."
    )

    def add_arguments(self, parser):
        parser.add_argument("--seconds", type=int, default=5, help="sekunder pr. side")
        parser.add_argument(
            "--factors", type=int, nargs="+", default=[1, 10, 100], help="gange demoindholdet"
        )
        parser.add_argument("--mode", choices=MODES, default="gunicorn", help="målemåde")
        parser.add_argument(
            "--only", nargs="*", default=[], help="kun sider, hvis sti indeholder en af disse"
        )

    def handle(self, *args, seconds, factors, mode, only, **options):
        database = settings.DATABASES["default"]
        self._refuse_others(database)
        signal.signal(signal.SIGTERM, _stop_on_sigterm)
        with tempfile.TemporaryDirectory(prefix="holbaek-bench-") as folder:
            folder = Path(folder)
            paths = {"STATIC_ROOT": folder / "static", "MEDIA_ROOT": folder / "media"}
            bench = Bench(
                write=self.stdout.write, folder=folder, paths=paths, database=database,
                seconds=seconds, mode=mode, only=tuple(only),
            )  # fmt: skip
            with override_settings(**paths):
                try:
                    bench.run(sorted(set(factors)))
                except (UnexpectedStatus, RuntimeError) as error:
                    self._log_tail(bench)
                    raise CommandError(str(error)) from error
                except KeyboardInterrupt:
                    raise CommandError("Afbrudt: serverne stoppes og databasen slettes.") from None
                finally:
                    connections.close_all()
                    self._drop(database)

    def _refuse_others(self, database):
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

    def _log_tail(self, bench: Bench):
        if bench.logs and bench.logs[-1].exists():
            lines = bench.logs[-1].read_text(errors="replace").splitlines()
            self.stderr.write("\n".join(lines[-LOG_LINES:]))

    def _drop(self, database):
        """Drops the bench's database; a failure here is reported, never hiding the run's."""
        try:
            server.drop_database(database)
        except Exception as error:  # reported; the run's own error stands
            self.stderr.write(f"Databasen {database['NAME']} kunne ikke slettes: {error}")
