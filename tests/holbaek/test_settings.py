"""Production configuration: fails fast, and `check --deploy` is clean."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from holbaek import checks

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "k3y-" + "x9Q!pL2#vR7&mZ4^" * 4,
    "ALLOWED_HOSTS": "lokalportal.holbaek.dk",
    "CSRF_TRUSTED_ORIGINS": "https://lokalportal.holbaek.dk",
    "EMAIL_URL": "smtp+tls://portal:hemmelig@smtp.example.org:587",
    "CACHE_URL": "redis://127.0.0.1:6379/8",
    "PAGE_CACHE_URL": "redis://127.0.0.1:6380/0",  # a Redis of its own (holbaek.W003)
}


def run_manage(*args, env_overrides):
    ours = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "EMAIL_URL", "OIDC_PROVIDERS", "STATIC_ROOT",
            "CACHE_URL", "PAGE_CACHE_URL"}  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k not in ours}
    # Only the given environment counts, not a developer's .env file.
    env["DJANGO_READ_DOT_ENV"] = "0"
    env["PYTHONWARNINGS"] = "ignore"
    env.update(env_overrides)
    env["DJANGO_SETTINGS_MODULE"] = "holbaek.settings"
    return subprocess.run(  # noqa: S603
        [sys.executable, str(ROOT / "manage.py"), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
        check=False,
    )


def test_check_deploy_reports_no_issues_with_production_settings():
    result = run_manage("check", "--deploy", "--fail-level", "DEBUG", env_overrides=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_secret_key():
    env = {**PRODUCTION_ENV, "SECRET_KEY": ""}
    result = run_manage("check", env_overrides=env)
    assert result.returncode != 0
    assert "SECRET_KEY skal sættes" in result.stderr


def test_openid_connect_providers_come_from_configuration():
    providers = [
        {
            "provider_id": "nemlogin",
            "name": "MitID",
            "client_id": "portal",
            "secret": "hemmelig",
            "settings": {
                "server_url": "https://broker.example.org/.well-known/openid-configuration"
            },
        }
    ]
    code = (
        "import django, json; django.setup(); from django.conf import settings; "
        "print(json.dumps(settings.SOCIALACCOUNT_PROVIDERS['openid_connect']['APPS']))"
    )
    env = {
        **PRODUCTION_ENV,
        "OIDC_PROVIDERS": json.dumps(providers),
        "DJANGO_SETTINGS_MODULE": "holbaek.settings",
        "DJANGO_READ_DOT_ENV": "0",
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, **env},
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout.strip().splitlines()[-1]) == providers


def test_malformed_openid_connect_configuration_is_refused():
    result = run_manage("check", env_overrides={**PRODUCTION_ENV, "OIDC_PROVIDERS": "[{"})
    assert result.returncode != 0
    assert "OIDC_PROVIDERS er ikke gyldig JSON" in result.stderr


@pytest.mark.django_db
def test_security_headers_on_every_page(client, reference_data):
    response = client.get("/")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert response.headers["Referrer-Policy"] == "same-origin"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


@pytest.mark.django_db
def test_a_configured_provider_is_offered_on_the_login_page(client, settings):
    settings.SOCIALACCOUNT_PROVIDERS = {
        "openid_connect": {
            "APPS": [
                {
                    "provider_id": "nemlogin",
                    "name": "MitID via NemLog-in",
                    "client_id": "portal",
                    "secret": "hemmelig",
                    "settings": {"server_url": "https://broker.example.org"},
                }
            ]
        }
    }
    response = client.get("/konto/login/")
    assert response.status_code == 200
    assert "MitID via NemLog-in" in response.text


def test_production_refuses_to_start_without_a_mail_server():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "EMAIL_URL"}
    result = run_manage("check", env_overrides=env)
    assert result.returncode != 0
    assert "EMAIL_URL" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = run_manage("check", env_overrides={**PRODUCTION_ENV, "ALLOWED_HOSTS": ""})
    assert result.returncode != 0
    assert "ALLOWED_HOSTS skal sættes" in result.stderr


@pytest.mark.parametrize("cache_url", ["locmemcache://", "dummycache://", "filecache:///tmp/c"])
def test_check_deploy_fails_with_a_cache_the_workers_do_not_share(cache_url):
    env = {**PRODUCTION_ENV, "CACHE_URL": cache_url}
    result = run_manage("check", "--deploy", env_overrides=env)
    assert result.returncode != 0
    assert "holbaek.E001" in result.stderr


def test_check_deploy_fails_without_a_cache_url():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "CACHE_URL"}
    result = run_manage("check", "--deploy", env_overrides=env)
    assert result.returncode != 0
    assert "holbaek.E001" in result.stderr


def test_gunicorn_refuses_to_start_with_a_per_process_cache():
    code = "import holbaek.wsgi"
    ours = {"DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "EMAIL_URL", "CACHE_URL", "STATIC_ROOT"}
    env = {k: v for k, v in os.environ.items() if k not in ours}
    env |= PRODUCTION_ENV | {"DJANGO_READ_DOT_ENV": "0", "PYTHONWARNINGS": "ignore"}
    run = {"capture_output": True, "text": True, "cwd": ROOT, "timeout": 120, "check": False}
    shared = subprocess.run([sys.executable, "-c", code], env=env, **run)  # noqa: S603
    assert shared.returncode == 0, shared.stderr
    local = subprocess.run(  # noqa: S603
        [sys.executable, "-c", code], env=env | {"CACHE_URL": "locmemcache://"}, **run
    )
    assert local.returncode != 0
    assert "deles ikke mellem processerne" in local.stderr


@pytest.mark.parametrize(
    ("backend", "errors"),
    [
        ("django.core.cache.backends.locmem.LocMemCache", ["holbaek.E001"]),
        ("django.core.cache.backends.dummy.DummyCache", ["holbaek.E001"]),
        ("django.core.cache.backends.filebased.FileBasedCache", ["holbaek.E001"]),
        ("django.core.cache.backends.redis.RedisCache", []),
        ("django.core.cache.backends.db.DatabaseCache", ["holbaek.E001"]),  # incr is not atomic
    ],
)
def test_the_cache_check_accepts_only_caches_shared_between_processes(settings, backend, errors):
    settings.DEBUG = False
    redis = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "x"}
    settings.CACHES = {"default": {"BACKEND": backend, "LOCATION": "x"}, "pages": redis}
    assert [error.id for error in checks.check_shared_cache()] == errors
    # The pages cache, too: a per-process one would keep each worker's versions to itself.
    settings.CACHES = {"default": redis, "pages": {"BACKEND": backend, "LOCATION": "x"}}
    pages_errors = ["holbaek.E002"] if errors else []
    assert [error.id for error in checks.check_shared_cache()] == pages_errors
    settings.DEBUG = True
    assert checks.check_shared_cache() == []


def test_check_deploy_warns_when_pages_share_the_rate_limits_redis():
    env = {k: v for k, v in PRODUCTION_ENV.items() if k != "PAGE_CACHE_URL"}
    result = run_manage("check", "--deploy", env_overrides=env)
    assert "holbaek.W003" in result.stderr + result.stdout
    env["PAGE_CACHE_URL"] = "redis://127.0.0.1:6379/3"  # another database, the same server
    result = run_manage("check", "--deploy", env_overrides=env)
    assert "holbaek.W003" in result.stderr + result.stdout
