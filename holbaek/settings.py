"""Settings for Holbæk lokalportal: one module, configured from the environment.

Every value that differs between a laptop and production is read from an
environment variable (or a `.env` file beside manage.py). Production fails
fast: no DEBUG means a SECRET_KEY and ALLOWED_HOSTS must be given.
"""

import json
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

from holbaek import limits
from holbaek.mailconfig import mailer_from_url

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()
if env.bool("DJANGO_READ_DOT_ENV", default=True):
    environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)

SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY skal sættes, når DEBUG er slået fra.")
    SECRET_KEY = "django-insecure-only-for-local-development"  # noqa: S105

ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"] if DEBUG else [])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS skal sættes, når DEBUG er slået fra.")
ADMINS = env.list("ADMINS", default=[])  # e-mail addresses that get error reports
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")
# How many reverse proxies append to X-Forwarded-For before a request reaches gunicorn.
# Rate limits per client address (ours and allauth's) read the address from there.
TRUSTED_PROXIES = env.int("TRUSTED_PROXIES", default=0)
ALLAUTH_TRUSTED_PROXY_COUNT = TRUSTED_PROXIES

INSTALLED_APPS = [
    "holbaek",
    "holbaek.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sites",
    "django.contrib.sitemaps",
    "django.contrib.postgres",  # SearchVectorField (lokalfora search); harmless on SQLite
    "django.forms",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "django_tasks_db",
    "simple_history",
    "lokalfora",
    "faelles_skabere",
    "projektudvalg",
]

MIDDLEWARE = [
    "holbaek.middleware.RequestBodyLimitMiddleware",  # first: before anything reads the body
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Right after WhiteNoise: a cached anonymous page skips everything below.
    "holbaek.pagecache.middleware.PageCacheMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",  # ETag, 304 on If-None-Match
    "django.contrib.sessions.middleware.SessionMiddleware",
    "holbaek.middleware.ChosenLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "holbaek.middleware.PrivateResponseMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "holbaek.middleware.RequireStaffMFAMiddleware",
]

ROOT_URLCONF = "holbaek.urls"
FORM_RENDERER = "holbaek.forms.PortalFormRenderer"
WSGI_APPLICATION = "holbaek.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "holbaek.context_processors.portal",
            ],
            "builtins": ["holbaek.templatetags.holbaek"],
        },
    },
]

# --- Database -----------------------------------------------------------------
# SQLite is the embedded default for the run command; production and CI use
# PostgreSQL through DATABASE_URL=postgres://user:password@host:5432/name.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A transaction takes the write lock when it begins, so "check, then write" in one
    # transaction cannot interleave with another process's (holbaek/schedule.py).
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DB_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rate limits (ours and allauth's) count in this cache, so with several gunicorn workers
# it must be one they share: Redis. holbaek.checks refuses a per-process cache when
# DEBUG is off (`check --deploy` fails).
# Anonymous pages (holbaek/pagecache/) are kept in a cache of their own, PAGE_CACHE_URL
# (by default the same server as CACHE_URL): in production a Redis with a memory limit
# and LRU eviction, so that a flood of pages never evicts a rate-limit count.
CACHES = {
    "default": env.cache("CACHE_URL", default="locmemcache://"),
    "pages": env.cache(
        "PAGE_CACHE_URL", default=env.str("CACHE_URL", default="locmemcache://pages")
    ),
}
CACHES["pages"].setdefault("KEY_PREFIX", "pages")
for _cache in CACHES.values():
    if _cache["BACKEND"] == "django.core.cache.backends.redis.RedisCache":
        _cache["BACKEND"] = "holbaek.redis_cache.RedisCache"  # one client per pool
# Anonymous pages are kept this long (0: not at all), and browsers and proxies (nginx, a
# CDN) may keep them PAGE_CACHE_MAX_AGE seconds.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)
PAGE_CACHE_MAX_AGE = env.int("PAGE_CACHE_MAX_AGE", default=60)

# --- Accounts -----------------------------------------------------------------
AUTH_USER_MODEL = "holbaek.User"
AUTHENTICATION_BACKENDS = [
    "django.contrib.auth.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
SITE_ID = 1
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "holbaek:account"

ACCOUNT_USER_MODEL_USERNAME_FIELD = None
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_REDIRECT_URL = "holbaek:front-page"
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[Holbæk Kommune] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "http" if DEBUG else "https"
ACCOUNT_ADAPTER = "holbaek.adapters.AccountAdapter"
# A sensitive step (setting up totrinslogin, say) asks for the password again once
# this long has passed since the last proof; the login itself is one (holbaek/adapters.py).
ACCOUNT_REAUTHENTICATION_TIMEOUT = 300

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_TOTP_ISSUER = "Holbæk lokalportal"
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG

# OpenID Connect providers (NemLog-in as MitID broker, Entra ID for staff ...)
# are added by configuration only: a JSON list of allauth "APPS" entries, e.g.
# [{"provider_id": "nemlogin", "name": "MitID", "client_id": "...",
#   "secret": "...", "settings": {"server_url": "https://.../.well-known/openid-configuration"}}]
try:
    OIDC_APPS = json.loads(env.str("OIDC_PROVIDERS", default="[]"))
except json.JSONDecodeError as error:
    raise ImproperlyConfigured(f"OIDC_PROVIDERS er ikke gyldig JSON: {error}") from error
SOCIALACCOUNT_PROVIDERS = {"openid_connect": {"APPS": OIDC_APPS, "OAUTH_PKCE_ENABLED": True}}
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_ONLY = False

# --- Internationalisation -----------------------------------------------------
LANGUAGE_CODE = "da"
LANGUAGES = [("da", _("Dansk")), ("en", _("Engelsk"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

# --- Static files and uploads -------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env.str(
            "STATICFILES_STORAGE",
            default="whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
FILE_UPLOAD_MAX_MEMORY_SIZE = 2_621_440
DATA_UPLOAD_MAX_MEMORY_SIZE = limits.MAX_FIELDS_BYTES
# No form takes more than 10 files (the application form's attachments); refuse a flood
# of them before they are written to disk.
DATA_UPLOAD_MAX_NUMBER_FILES = limits.MAX_FILES_PER_REQUEST
# A larger request body is refused with 413 before it is read (10 files of 10 MB, the
# other fields and a margin). The reverse proxy caps it too: see the README (Drift).
MAX_REQUEST_BYTES = limits.MAX_REQUEST_BYTES

# --- E-mail -------------------------------------------------------------------
# EMAIL_URL: smtp+tls://user:password@host:587, or consolemail:// (the default)
# which prints every mail in the terminal; every scheme is in holbaek/mailconfig.py.
MAILERS = {
    "default": mailer_from_url(
        env.str("EMAIL_URL", default="consolemail://" if DEBUG else environ.Env.NOTSET)
    )
}
DEFAULT_FROM_EMAIL = env.str(
    "DEFAULT_FROM_EMAIL", default="Holbæk Kommune <lokalportal@holbaek.dk>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Background tasks (Django 6 tasks, stored in the database) ----------------
TASKS = {
    "default": {
        "BACKEND": env.str("TASKS_BACKEND", default="django_tasks_db.DatabaseBackend"),
        "QUEUES": ["default"],
    }
}

# --- Security -----------------------------------------------------------------
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31_536_000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

# No inline scripts or styles anywhere: everything comes from our own origin.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "form-action": [CSP.SELF, *env.list("CSP_FORM_ACTION_EXTRA", default=[])],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# One path to the console: the root logger's handler. (Django's default also gives the
# "django" logger a console handler of its own, which printed each line twice.) A refused
# request (403, 400, a bad Host header) is one warning line, never a traceback or a mail.
LOG_LEVEL = env.str("LOG_LEVEL", default="INFO")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "refusal_as_line": {"()": "holbaek.logfilters.RefusalFilter"},
        "no_refusals": {"()": "holbaek.logfilters.RefusalFilter", "drop": True},
        "require_debug_false": {"()": "django.utils.log.RequireDebugFalse"},
    },
    "handlers": {
        "console": {"class": "logging.StreamHandler", "filters": ["refusal_as_line"]},
        "mail_admins": {
            "level": "ERROR",
            "class": "django.utils.log.AdminEmailHandler",
            "filters": ["require_debug_false", "no_refusals"],
        },
    },
    "root": {"handlers": ["console"], "level": LOG_LEVEL},
    "loggers": {
        "django": {"handlers": ["mail_admins"], "level": LOG_LEVEL, "propagate": True},
        # WeasyPrint reports each step of a PDF at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
