"""Measures the public pages: time per request and SQL queries, in-process.

Not a test: speed depends on the machine. Run it on the same machine before
and after a change and compare. `--grow N` adds N fictional news items per
forum first (inside a transaction that is rolled back), to show that the
query count does not grow with the data.
"""

import statistics
import time

from django.core.management.base import BaseCommand
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext, setup_test_environment
from django.utils import timezone

PAGES = [
    "/",
    "/lokalomraader/",
    "/lokalomraader/tollose/",
    "/nyheder/",
    "/soeg/?q=Soderup",
    "/soeg/?q=m%C3%B8der",
    "/kalender/",
    "/kalender/arkiv/",
    "/nyheder/rss/",
    "/kalender/holbaek.ics",
    "/faelles-skabere/",
    "/sparring/",
    "/puljer/",
    "/puljer/rum-til-faellesskab/",
    "/puljer/bevillinger/",
]


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Måler svartid og antal SQL-forespørgsler for de offentlige sider."

    def add_arguments(self, parser):
        parser.add_argument("--requests", type=int, default=50)
        parser.add_argument("--grow", type=int, default=0, help="nyheder pr. lokalforum først")

    def handle(self, *args, requests, grow, **options):
        setup_test_environment()
        try:
            with transaction.atomic():
                if grow:
                    self._grow(grow)
                self._measure(requests)
                raise Rollback
        except Rollback:
            pass

    def _grow(self, per_forum):
        from django.utils import timezone

        from lokalfora.models import Forum, NewsPost

        now = timezone.now()
        NewsPost.objects.bulk_create(
            NewsPost(forum=forum, title=f"Benchmark {n}", summary="x", published_at=now)
            for forum in Forum.objects.all()
            for n in range(per_forum)
        )

    def _measure(self, requests):
        from lokalfora.models import NewsPost

        client = Client()
        post = NewsPost.objects.published().select_related("forum__area").first()
        pages = PAGES + ([post.get_absolute_url()] if post else [])
        pages.append(f"/tilskud/{timezone.localdate().year}/")
        self.stdout.write(f"{'side':40} {'median ms':>10} {'p95 ms':>8} {'queries':>8}")
        for url in pages:
            client.get(url)  # warm caches
            timings = []
            for _ in range(requests):
                start = time.perf_counter()
                with CaptureQueriesContext(connection) as queries:
                    response = client.get(url)
                timings.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, (url, response.status_code)
            p95 = statistics.quantiles(timings, n=20)[-1]
            self.stdout.write(
                f"{url:40} {statistics.median(timings):10.1f} {p95:8.1f} {len(queries):8d}"
            )
