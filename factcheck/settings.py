"""Settings for the newsroom fact-checking app.

Everything that differs between a laptop and production comes from the
environment: DATABASE_URL, DJANGO_SECRET_KEY, DJANGO_DEBUG, DJANGO_ALLOWED_HOSTS
and the few FACTCHECK_* knobs below.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_int(name: str, default: int) -> int:
    value = os.environ.get(name, "")
    return int(value) if value.strip() else default


def env_float(name: str, default: float) -> float:
    value = os.environ.get(name, "")
    return float(value) if value.strip() else default


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = env_bool("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string in production "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))'), "
            "or set DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = "insecure-development-key-only-used-with-DJANGO_DEBUG"  # noqa: S105

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.postgres",
    "django_htmx",
    "template_partials",
    "simple_history",
    "axes",
    "claims",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # NUL bytes are refused in every parameter, before any view or query sees them.
    "claims.middleware.RejectNulBytes",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Every page needs a login unless its view says @login_not_required.
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    # ... and a role to read anything (Viewer at least).
    "claims.middleware.RoleRequired",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "factcheck.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
                "claims.context_processors.organization",
            ],
        },
    },
]

WSGI_APPLICATION = "factcheck.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        # Persistent connections with health checks: cheap reuse under gunicorn.
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 600),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql" and env_int("DATABASE_POOL_MAX_SIZE", 0):
    # psycopg's connection pool, shared by a worker's threads (instead of one connection per thread).
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": env_int("DATABASE_POOL_MIN_SIZE", 2),
        "max_size": env_int("DATABASE_POOL_MAX_SIZE", 0),
        "timeout": env_int("DATABASE_POOL_TIMEOUT", 10),
    }
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite is for one person on a laptop; a timeout avoids "database is locked"
    # when the dev server, the worker and a management command write at the same time, and
    # IMMEDIATE transactions take the write lock up front (a deferred one that reads, then
    # writes, fails at once instead of waiting).
    DATABASES["default"]["CONN_MAX_AGE"] = 0
    DATABASES["default"].setdefault("OPTIONS", {}).update(timeout=20, transaction_mode="IMMEDIATE")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# A cache for what is expensive and shared (the desk's counts): Redis when REDIS_URL is set,
# so every web server sees the same values; this process's memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

AUTHENTICATION_BACKENDS = [
    # Throttles repeated failed logins per user name and address.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = env_int("FACTCHECK_LOGIN_FAILURE_LIMIT", 10)
AXES_COOLOFF_TIME = 1  # hours
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-us"
FORMAT_MODULE_PATH = ["factcheck.formats"]  # one house style for dates: "14 Mar 2026"
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# Strict Content Security Policy: no inline scripts or styles anywhere.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
        "base-uri": [SELF],
        "object-src": [NONE],
    }
}

SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # htmx reads the token from the page, not the cookie
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    # Behind a proxy that terminates HTTPS and says so in X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
    CSRF_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
# HTTPS only in production: plain-HTTP requests are redirected and browsers told to remember it.
# Turn off where the proxy already redirects (DJANGO_SECURE_SSL_REDIRECT=0), or for plain-HTTP tests.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", False)
# Preloading is a one-way promise for the whole domain that only its owner can make:
# off by default, and the deploy check's reminder about it silenced.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]

# Email, for password resets. Without EMAIL_HOST (and outside DEBUG, where mail goes to the
# console) no mail can be sent, so the password-reset pages are not offered at all.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
if EMAIL_HOST:
    EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_PORT = env_int("EMAIL_PORT", 587)
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
    EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
    EMAIL_TIMEOUT = env_int("EMAIL_TIMEOUT", 10)
elif DEBUG:
    EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "factcheck@localhost")
FACTCHECK_PASSWORD_RESET = bool(EMAIL_HOST) or DEBUG

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# An upload of a few hundred files at once (each with its outlet field) is a normal import.
DATA_UPLOAD_MAX_NUMBER_FILES = env_int("FACTCHECK_MAX_UPLOAD_FILES", 500)
DATA_UPLOAD_MAX_NUMBER_FIELDS = 2 * DATA_UPLOAD_MAX_NUMBER_FILES + 100

# --- The product's own knobs ------------------------------------------------
# Largest file accepted by the importers, in bytes.
FACTCHECK_MAX_IMPORT_BYTES = env_int("FACTCHECK_MAX_IMPORT_BYTES", 2_000_000)
# Matching: above the lower score a link is suggested, above the higher it is
# confirmed automatically.
FACTCHECK_SUGGEST_THRESHOLD = env_float("FACTCHECK_SUGGEST_THRESHOLD", 0.35)
FACTCHECK_AUTO_CONFIRM_THRESHOLD = env_float("FACTCHECK_AUTO_CONFIRM_THRESHOLD", 0.75)
# Two-person rule for publishing verdicts; a one-person desk may relax it.
FACTCHECK_ALLOW_SELF_PUBLISH = env_bool("FACTCHECK_ALLOW_SELF_PUBLISH")
# Who publishes the fact-checks, for ClaimReview.
FACTCHECK_ORGANIZATION_NAME = os.environ.get("FACTCHECK_ORGANIZATION_NAME", "Newsroom Fact Desk")
FACTCHECK_ORGANIZATION_URL = os.environ.get("FACTCHECK_ORGANIZATION_URL", "https://factcheck.example.org/")
# A logo for the public pages (an absolute URL or a path under static/); none by default.
FACTCHECK_ORGANIZATION_LOGO = os.environ.get("FACTCHECK_ORGANIZATION_LOGO", "")
FACTCHECK_SITE_URL = os.environ.get("FACTCHECK_SITE_URL", "http://127.0.0.1:8000")
# Fetching URLs users give (links to import, feeds, fact-check files): loopback and private
# addresses are refused unless this is set (tests serve files on 127.0.0.1).
FACTCHECK_FETCH_ALLOW_PRIVATE = env_bool("FACTCHECK_FETCH_ALLOW_PRIVATE")
# Seconds to wait for a page, and the least time between two requests to one host (politeness,
# shared by all workers through the cache when REDIS_URL is set).
FACTCHECK_FETCH_TIMEOUT = env_float("FACTCHECK_FETCH_TIMEOUT", 20.0)
FACTCHECK_FETCH_HOST_INTERVAL = env_float("FACTCHECK_FETCH_HOST_INTERVAL", 1.0)

# --- Background work (claims.jobs, claims.tasks) ------------------------------
# Celery with Redis as the broker. Processes: `celery -A factcheck worker` runs jobs,
# `celery -A factcheck beat` polls the feeds that are due. FACTCHECK_TASKS says where jobs run:
# "auto" (on a worker when Redis answers and a worker is up, else in this process, said once in
# the log), "celery" (always queued) or "inline" (always in this process; tests, scripts).
CELERY_BROKER_URL = REDIS_URL or "redis://127.0.0.1:6379/0"
CELERY_TASK_IGNORE_RESULT = True  # outcomes are kept on the Job rows, not in a result backend
CELERY_TASK_ACKS_LATE = True  # a worker that dies mid-job leaves it to another
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_BEAT_SCHEDULE = {
    "poll-due-feeds": {"task": "claims.tasks.poll_due_feeds", "schedule": 60.0},
}
FACTCHECK_TASKS = os.environ.get("FACTCHECK_TASKS", "auto")
# The queue jobs go to and workers read (one Redis may serve several installations or benchmarks).
CELERY_TASK_DEFAULT_QUEUE = os.environ.get("FACTCHECK_TASK_QUEUE", "celery")
# How the matcher weighs a pair of claims: "rules" (hand-set weights) or "learned" (the logistic
# regression in claims/matcher_model.json, retrained by `manage.py train_matcher`).
FACTCHECK_MATCHER = os.environ.get("FACTCHECK_MATCHER", "rules")
# Seconds before a transient failure (database gone, server unreachable) is retried; doubled each time.
FACTCHECK_TASK_RETRY_DELAY = env_float("FACTCHECK_TASK_RETRY_DELAY", 5.0)
