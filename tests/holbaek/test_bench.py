"""`make bench`'s own parts: the growth of the demo, wrk's report line, the tables, the
targets, the staff sessions and the nginx configuration.

The bench itself (gunicorn, wrk) is a measurement, not a test, and never runs here.
"""

import datetime
import io
import shutil
import subprocess

import pytest
from dateutil.relativedelta import relativedelta
from django.conf import settings as django_settings
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import Resolver404, resolve
from django.utils import timezone

from faelles_skabere.models import Message, ReferenceCounter, SparringRequest
from holbaek.bench import nginx
from holbaek.bench.copying import earlier_years, shift_dates
from holbaek.bench.grow import grow_demo, page_values
from holbaek.bench.pages import PAGES, STAFF
from holbaek.bench.staff import sessions_for
from holbaek.bench.table import Row, format_growth, format_table, static_baseline
from holbaek.bench.targets import CACHED, UNCACHED, Run, format_targets
from holbaek.bench.wrk import REPORT_LUA, Result, parse_report, wrk_command
from lokalfora.models import (
    Event,
    GrantLine,
    GrantPayment,
    GrantScheme,
    Hearing,
    HearingInvitation,
    HearingResponse,
    NewsPost,
    PopulationFigure,
)
from projektudvalg.models import Application, BudgetLine, Decision, Round

WRK_OUTPUT = """Running 10s test @ http://127.0.0.1:8123/
  2 threads and 16 connections
  Latency Distribution
     50%   24.10ms
  5640 requests in 10.00s, 12.00MB read
Requests/sec:    563.99
BENCH requests=5640 seconds=10.001 rps=563.94 p50=24.104 p95=61.250 p99=90.003 \
errors=0 status_errors=3
"""


def result(rps, **fields):
    values = {"requests": 100, "seconds": 10.0, "p50": 1.0, "p95": 2.0, "p99": 3.0}
    values |= {"errors": 0, "status_errors": 0}
    return Result(rps=rps, **{**values, **fields})


def test_the_lua_report_line_parses():
    parsed = parse_report(WRK_OUTPUT)
    assert parsed == Result(
        requests=5640, seconds=10.001, rps=563.94, p50=24.104, p95=61.25, p99=90.003,
        errors=0, status_errors=3,
    )  # fmt: skip


def test_output_without_the_line_is_an_error():
    with pytest.raises(ValueError, match="no BENCH line"):
        parse_report("unable to connect to 127.0.0.1:8123 Connection refused")


def test_the_lua_script_prints_every_field_the_parser_reads():
    script = REPORT_LUA.read_text()
    for field in Result.__dataclass_fields__:
        assert f"{field}=" in script
    command = wrk_command("http://127.0.0.1:1/", seconds=3, headers={"Cookie": "sessionid=x"})
    assert command[:7] == ["wrk", "-c", "16", "-t", "2", "-d", "3s"]
    assert command[7:9] == ["-H", "Cookie: sessionid=x"]
    assert command[-6:] == [
        "--timeout", "30s", "--latency", "-s", str(REPORT_LUA), "http://127.0.0.1:1/",
    ]  # fmt: skip


def test_the_table_gives_each_page_its_ratio_to_the_static_file():
    static_first, static_last = result(500), result(700, p99=5.5)
    baseline = static_baseline(static_first, static_last)
    assert baseline == 600
    rows = [
        Row("/static/css/portal.css", static_first, 0),
        Row("/", result(150), 3),
        Row("/findes-ikke/", result(300, status_errors=3000), 0, expected=404),
        Row("/konto/", result(60, errors=2), 6),
    ]
    table = format_table(rows, baseline=baseline).splitlines()
    assert table[0] == "| side | forsp./s | p50 ms | p95 ms | p99 ms | SQL | × statisk |"
    assert table[3] == "| `/` | 150 | 1.0 | 2.0 | 3.0 | 3 | 0.25 |"
    assert table[4].endswith("| 0 | 0.50 |")  # the 404 page's 404s are what it should answer
    assert table[-1].startswith("/konto/: 2 forespørgsler fejlede")


def test_every_page_resolves():
    values = {"news": "/lokalomraader/tollose/nyheder/1/", "event": "/kalender/1/"}
    values |= {"grant_year": "2030", "static": "/static/css/portal.css"}
    values["event_day"] = "/kalender/2030-01-02/"
    values["meeting"] = "1"  # an id: pages.py has /udvalget/moeder/{meeting}/...
    values["effort"] = "/saerlige-indsatser/knabstrup-saetter-kurs/"
    values["hearing"] = "1"  # an id: pages.py has /hoeringer/{hearing}/kontrol/
    values["municipal_news"] = "1"  # an id: pages.py has /nyheder/kommunen/{municipal_news}/...
    values |= {"newsletter": "/nyhedsbreve/1/", "newsletter_draft": "/nyhedsbreve/1/modtagere/"}
    values["newsletter_edit"] = "/nyhedsbreve/1/rediger/"
    values["newsletter_unsubscribe"] = "/nyhedsbreve/afmeld/x/"
    values["follow_preferences"] = "/foelg/indstillinger/x/"
    values |= {"survey": "1", "survey_open": "2"}  # ids: /undersoegelser/{survey}/...
    for page in PAGES:
        path = page.url_path(values).split("?")[0]
        if page.status == 404:
            with pytest.raises(Resolver404):
                resolve(path)
        else:
            resolve(path)


def test_dates_and_years_move_back():
    assert earlier_years("Demo-runde 2031", 2) == "Demo-runde 2029"
    assert earlier_years("RTF-2031-0001", 1) == "RTF-2030-0001"
    assert earlier_years("Tølløse", 1) == "Tølløse"


COUNTED = [NewsPost, Event, Round, Application, BudgetLine, Decision, SparringRequest, Message,
           Hearing, HearingInvitation, HearingResponse]  # fmt: skip


@pytest.mark.django_db
def test_growing_by_two_doubles_the_demo(reference_data):
    call_command("demo", force=True, stdout=io.StringIO())
    before = {model: model.objects.count() for model in COUNTED}
    dated = PopulationFigure.objects.filter(reference_date__isnull=False).count()
    approved = GrantScheme.objects.filter(versions__isnull=False).count()
    lines, payments = GrantLine.objects.count(), GrantPayment.objects.count()
    grow_demo(factor=2)
    assert {model: model.objects.count() for model in COUNTED} == {
        model: 2 * count for model, count in before.items()
    }
    assert all(before.values())
    assert PopulationFigure.objects.filter(reference_date__isnull=False).count() == 2 * dated
    assert GrantScheme.objects.filter(versions__isnull=False).count() == 2 * approved
    assert (GrantLine.objects.count(), GrantPayment.objects.count()) == (2 * lines, 2 * payments)
    references = list(Application.objects.exclude(reference="").values_list("reference", flat=True))
    assert len(set(references)) == len(references) == 4
    for year, last in ReferenceCounter.objects.values_list("year", "last"):
        assert SparringRequest.objects.filter(year=year, number__gt=last).count() == 0
    assert set(page_values()) == {
        "news", "event", "event_day", "grant_year", "meeting", "effort", "hearing",
        "municipal_news",
        "newsletter", "newsletter_draft", "newsletter_edit", "newsletter_unsubscribe",
        "follow_preferences", "survey", "survey_open",
    }  # fmt: skip


def test_shifting_moves_every_date_on_a_row():
    starts = datetime.datetime(2031, 3, 1, 19, tzinfo=datetime.UTC)
    event = Event(title="Møde", starts_at=starts, ends_at=starts + datetime.timedelta(hours=2))
    shift_dates(event, relativedelta(years=-1))
    assert (event.starts_at, event.ends_at.hour) == (starts.replace(year=2030), 21)
    assert event.title == "Møde"


@pytest.mark.filterwarnings("ignore:Overriding setting DATABASES")
@pytest.mark.parametrize(
    ("database_name", "cache_backend", "refusal"),
    [
        ("holbaek", "django.core.cache.backends.redis.RedisCache", "'_bench'"),
        ("benchmarks_of_mine", "django.core.cache.backends.redis.RedisCache", "'_bench'"),
        ("holbaek_bench", "django.core.cache.backends.locmem.LocMemCache", "Redis"),
    ],
)
def test_the_bench_refuses_a_database_or_cache_that_is_not_its_own(
    settings, database_name, cache_backend, refusal
):
    """It drops and recreates its database: never one that is not named as the bench's."""
    settings.DEBUG = False
    settings.DATABASES = {
        "default": {**settings.DATABASES["default"], "ENGINE": "django.db.backends.postgresql",
                    "NAME": database_name}
    }  # fmt: skip
    settings.CACHES = {"default": {"BACKEND": cache_backend}}
    with pytest.raises(CommandError, match=refusal):
        call_command("bench", seconds=1, factors=[1])


def sized(rps_by_key, *, staff=()):
    return [Row(key, result(rps), 1, key=key, user="x@example.org" if key in staff else "")
            for key, rps in rps_by_key.items()]  # fmt: skip


def test_the_growth_table_flags_a_public_page_that_slows_down_with_the_data():
    rows = {
        1: sized({"{static}": 1000, "/": 100, "/kalender/": 100, "/konto/": 50}, staff={"/konto/"}),
        10: sized({"{static}": 1000, "/": 95, "/kalender/": 40, "/konto/": 10}, staff={"/konto/"}),
        100: sized({"{static}": 500, "/": 90, "/kalender/": 20, "/konto/": 5}, staff={"/konto/"}),
    }
    table = format_growth(rows, {1: 1000, 10: 1000, 100: 500}).splitlines()
    assert table[0] == "| side | 1× | 10× | 100× | 100× ÷ 1× | i forhold til statisk | |"
    assert table[2] == (
        "| statisk fil (gennemsnit af første og sidste) | 1000 | 1000 | 500 | 0.50 | 1.00 | |"
    )
    assert table[3] == "| `/` | 100 | 95 | 90 | 0.90 | 1.80 |  |"
    assert table[4] == "| `/kalender/` | 100 | 40 | 20 | 0.20 | 0.40 | **under 70 %** |"
    assert table[5].endswith("| 0.10 | 0.20 |  |")  # staff pages are not held to it
    assert len(table) == 6


def test_the_targets_say_what_is_met_and_by_how_much_the_rest_is_missed():
    fast, slow = result(600, p95=20.0), result(100, p95=300.0)
    runs = [
        Run(1, UNCACHED, [Row("/", fast, 3, key="/"), Row("/kalender/", slow, 2, key="/k")], 1000),
        Run(1, CACHED, [Row("/", fast, 0, key="/")], 1000),
        Run(10, UNCACHED, [Row("/", fast, 3, key="/"), Row("/kalender/", slow, 2, key="/k")], 1000),
        Run(10, CACHED, [Row("/", fast, 0, key="/"),
                         Row("/findes-ikke/", slow, 0, key="/f", expected=404)], 1000),
    ]  # fmt: skip
    lines = format_targets(runs).splitlines()
    assert (
        lines[1] == "  ✓ Cachede anonyme sider ≥ 50 % af statisk, p95 ≤ 50 ms: opfyldt (2 målinger)"
    )
    assert lines[2].startswith("  ✗ Ucachede anonyme sider ≥ 15 % af statisk")
    assert lines[2].endswith("ikke opfyldt i 2 af 4 målinger")
    assert lines[3] == (
        "    1× ucachet `/kalender/`: 0.10 af statisk (mål 0.15, mangler 0.05); "
        "p95 300 ms (mål 250, 50 ms over)"
    )
    assert "Personalesider ved 10× ≥ 10 % af statisk: ikke målt" in lines[5]
    assert lines[6].startswith("  ✓ Ingen offentlig side under 70 %")


def test_the_nginx_configuration_renders_for_the_bench_and_for_production(tmp_path):
    values = nginx.bench_values(
        folder=tmp_path, port=8123, upstreams=["127.0.0.1:8001", "127.0.0.1:8002"],
        static_root=tmp_path / "static",
    )  # fmt: skip
    bench = nginx.render(values)
    assert "listen 127.0.0.1:8123;" in bench
    assert "server 127.0.0.1:8001;\n        server 127.0.0.1:8002;" in bench
    assert f"alias {tmp_path}/static/;" in bench
    assert "proxy_cache_bypass $portal_session;" in bench
    assert "proxy_no_cache $portal_session;" in bench
    assert f"{django_settings.SESSION_COOKIE_NAME}=" in bench
    assert "ssl_certificate" not in bench
    assert "{{" not in bench
    assert "{%" not in bench
    production = nginx.render(
        values | {"tls": True, "tls_certificate": "/etc/ssl/portal.pem", "tls_key": "/k.pem"}
    )
    assert "listen 443 ssl http2;" in production
    assert "return 301 https://$host$request_uri;" in production
    with pytest.raises(ValueError, match="static_root"):
        nginx.render({key: value for key, value in values.items() if key != "static_root"})


@pytest.mark.django_db
def test_each_staff_page_answers_its_role_in_a_session_that_passed_mfa(reference_data):
    call_command("demo", force=True, stdout=io.StringIO())
    sessions = sessions_for(PAGES)
    assert set(sessions) == {page.user for page in STAFF}
    values = page_values()
    for page in STAFF:
        client = Client()
        client.cookies[django_settings.SESSION_COOKIE_NAME] = sessions[page.user]
        response = client.get(page.url_path(values), secure=True)
        assert response.status_code == page.status, page
        assert response.wsgi_request.user.email == page.user


NEAR = datetime.timedelta(days=60)  # the forums' demo events lie within -20 ... +36 days (+6)
# The forums' own events: a special effort's milestones (kept events) lie months ahead.
FORUMS_OWN = {"origin": ""}


def events_near(now):
    return Event.objects.filter(starts_at__range=(now - NEAR, now + NEAR), **FORUMS_OWN).count()


@pytest.mark.django_db
def test_growing_makes_this_month_denser_and_reaches_back_over_the_years(reference_data, clock):
    clock.set("2026-12-10 09:00")
    call_command("demo", force=True, stdout=io.StringIO())
    now, news = timezone.now(), NewsPost.objects.count()
    events = Event.objects.filter(**FORUMS_OWN).count()
    assert events_near(now) == events
    grow_demo(factor=11)  # ten copies: five near their original, five in earlier years
    assert events_near(now) == 6 * events
    assert Event.objects.filter(**FORUMS_OWN).count() == 11 * events
    oldest = Event.objects.order_by("starts_at").first().starts_at
    assert oldest < now - datetime.timedelta(days=365)
    recent = NewsPost.objects.filter(published_at__gte=now - NEAR)
    assert recent.count() == 6 * news
    assert not NewsPost.objects.filter(published_at__gt=now).exists()
    assert not Event.objects.filter(created_at__gt=now).exists()


@pytest.mark.skipif(shutil.which("nginx") is None, reason="Debian's nginx is not installed")
def test_nginx_accepts_the_rendered_configuration(tmp_path):
    values = nginx.bench_values(
        folder=tmp_path, port=8123, upstreams=["127.0.0.1:8001"], static_root=tmp_path
    )
    (tmp_path / "temp").mkdir()
    config = tmp_path / "nginx.conf"
    config.write_text(nginx.render(values))
    checked = subprocess.run(  # noqa: S603 - Debian's nginx on our own file
        [shutil.which("nginx"), "-t", "-q", "-c", str(config), "-p", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stderr
