"""Settings for Career Ladder Explorer, driven by environment variables.

The main ones: DATABASE_URL (default: SQLite file var/db.sqlite3), DEBUG ("1"/"true"; off
unless set), SECRET_KEY (required unless DEBUG is on), ALLOWED_HOSTS (comma-separated; default
localhost names only). Every variable read here (REDIS_URL, CACHE_KEY_PREFIX, HTTPS,
BEHIND_PROXY, TRUSTED_PROXIES, CSRF_TRUSTED_ORIGINS, STATIC_ROOT, SEEDS_DIR, AXES_FAILURE_LIMIT,
LOCKOUT_FAILURES_PER_ADDRESS, LOCKOUT_FAILURES_PER_USERNAME, BENCHMARK,
...) is listed with its default in the README's Configuration table.
"""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


DEBUG = env_flag("DEBUG")

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable, "
            "or set DEBUG=1 for local development (which uses a throwaway key)."
        )
    SECRET_KEY = "django-insecure-development-only-key-do-not-use-in-production"

ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]").split(",")
    if host.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django_htmx",
    "simple_history",
    "axes",
    # Shared infrastructure at the bottom, the domain in foreign-key order, and on top what
    # combines them (README: "How it is laid out").
    "core",
    "careers",
    "salaries",
    "ladders",
    "explorer",
    "api",
    "bench",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Before the guard, so that its own 400 and 503 pages carry every security header too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "config.middleware.GuardMiddleware",
    # NUL and other control characters in the address: one 400 for every view.
    "core.middleware.ControlCharacterMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    # ?area=<code> on a public page: remembered, and the page sent again without it.
    "explorer.area.AreaLinkMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
# Admin logins, each limit for an hour: five wrong passwords lock that username out from
# that address; 20 from one address (any usernames) lock the address; 20 for one username
# (from any addresses) lock the username (config.lockout).
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
LOCKOUT_FAILURES_PER_ADDRESS = int(os.environ.get("LOCKOUT_FAILURES_PER_ADDRESS", "20"))
LOCKOUT_FAILURES_PER_USERNAME = int(os.environ.get("LOCKOUT_FAILURES_PER_USERNAME", "20"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# A successful login clears that pair's failures only: an attacker's own account cannot
# wipe the count against the address or another username.
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "config.lockout.LockoutHandler"
AXES_LOCKOUT_CALLABLE = "config.lockout.lockout_response"

ROOT_URLCONF = "config.urls"

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
                "explorer.context_processors.pay_conventions",
                "explorer.context_processors.area",
                "django.template.context_processors.csp",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

VAR_DIR = BASE_DIR / "var"  # local, git-ignored state: the default SQLite file, static files
if "DATABASE_URL" not in os.environ:
    VAR_DIR.mkdir(exist_ok=True)

SQLITE_BUSY_TIMEOUT = 3  # seconds
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Two saves at once: a transaction that began by reading cannot wait for another's
    # write lock (SQLite answers "database is locked" at once, to avoid a deadlock), so
    # every transaction takes the write lock when it begins, waiting up to 3 s for it.
    # A save that still finds the database busy is refused as a conflict (core.admin).
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        transaction_mode="IMMEDIATE", timeout=SQLITE_BUSY_TIMEOUT
    )
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Django's backend, with a client-side limit on every round trip (core/postgresql).
    DATABASES["default"]["ENGINE"] = "core.postgresql"
    # A database that has gone away should cost a visitor seconds, not minutes: a refused
    # or unanswered connection gives up after 3 s, and a kept connection whose host stops
    # acknowledging (a dead machine, a dropped route) is closed after 5 s rather than the
    # kernel's retransmission limit of many minutes.
    for name, value in {
        "connect_timeout": 3,
        "tcp_user_timeout": 5000,  # ms
        "keepalives": 1,
        "keepalives_idle": 10,
        "keepalives_interval": 3,
        "keepalives_count": 3,
        # A database that accepts work and never finishes it (a lock held by a long
        # migration, an overloaded server) must not hold a worker past gunicorn's 30 s
        # timeout: a statement gives up after 5 s and a wait for a lock after 2 s, and the
        # page answers the 503. A `?options=...` in DATABASE_URL replaces this line.
        "options": "-c statement_timeout=5000 -c lock_timeout=2000",
    }.items():
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault(name, value)

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "staticfiles"))
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

FIXTURE_DIRS = [BASE_DIR / "fixtures"]

# Local memory by default; Redis (shared by every process) when REDIS_URL is set.
# The cache is an accelerator (core.cache_guard): a Redis that is away or hung costs a
# request at most half a second, and is then left alone for a few seconds.
REDIS_CACHE_OPTIONS = {"socket_connect_timeout": 0.3, "socket_timeout": 0.5}
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": os.environ["REDIS_URL"],
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "careers"),
            "OPTIONS": REDIS_CACHE_OPTIONS,
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# A shared cache can hold the data version every process reads (core.models.DataVersion);
# a per-process one cannot, so without Redis the version is read from the database.
DATA_VERSION_IN_CACHE = bool(os.environ.get("REDIS_URL"))

# The five articles every fact is drawn from; checked by the quote tests.
SEEDS_DIR = Path(os.environ.get("SEEDS_DIR", BASE_DIR.parent / "shared" / "seeds"))

# The benchmark mounts the framework-floor view (see bench/).
BENCHMARK = env_flag("BENCHMARK")

# ---- Logging --------------------------------------------------------------------------
# With DEBUG off Django only mails a 500 to ADMINS (none here), so an error left no trace:
# "django.request" errors (every 500, with its traceback) and any warning go to stderr,
# which gunicorn's --error-logfile and the process manager collect. A 4xx is the access
# log's business, not an error, so django.request logs only errors.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "{asctime} {levelname} {name} [{process}] {message}", "style": "{"},
    },
    "handlers": {
        "stderr": {
            "class": "logging.StreamHandler",
            "stream": "ext://sys.stderr",
            "formatter": "plain",
        },
    },
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        # Not propagated: Django's own "django" handlers would print it twice under DEBUG.
        "django.request": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
    },
}

# ---- Security -------------------------------------------------------------------------
# Every script and style is a file served from this site; nothing inline, nothing remote.
# Script tags also carry the request's nonce (through {% htmx_script %}); a page served from
# the cache keeps its old nonce, which is harmless because no script is inline.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.NONE],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
# A role's admin page edits every pay figure, requirement and fact inline: the CSR's page
# sends over 1,000 fields, Django's default limit, so its save was refused with a 400.
# Only signed-in staff can POST anything (visitors only ever GET), and the request body
# stays capped by DATA_UPLOAD_MAX_MEMORY_SIZE.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True

# Behind HTTPS in production (DEBUG off): secure cookies, HSTS and the redirect to HTTPS.
# Set HTTPS=0 only to serve plain HTTP on a private network (tests and the benchmark do).
HTTPS = env_flag("HTTPS", default=not DEBUG)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SECURE_SSL_REDIRECT = HTTPS
# A load balancer's health check often speaks plain HTTP to the server itself.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
if env_flag("BEHIND_PROXY"):
    # A load balancer that ends TLS says so in this header.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    # Every request then comes from the balancer's address: lock logins out by the client's.
    AXES_CLIENT_IP_CALLABLE = "config.middleware.client_ip_behind_proxy"
# The proxies whose X-Forwarded-For is believed (comma-separated addresses): the proxy on
# this machine by default. Any other sender is locked out by its own address.
TRUSTED_PROXIES = [
    address.strip()
    for address in os.environ.get("TRUSTED_PROXIES", "127.0.0.1,::1").split(",")
    if address.strip()
]
CSRF_TRUSTED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",")
    if origin.strip()
]
# A refused form gets the site's own page (templates/403_csrf.html), not Django's bare one.
CSRF_FAILURE_VIEW = "config.views.csrf_failure"
