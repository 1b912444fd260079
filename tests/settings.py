"""Test settings: the real settings, with a key so DEBUG can stay off as in production."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret")
os.environ.setdefault("HTTPS", "0")  # the test client and live server speak plain HTTP

from config.settings import *  # noqa: F403

# Tests render templates without running collectstatic first.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The live server's request threads close their connection after each request. A kept one
# stays with its thread while a browser keeps the HTTP connection alive, and is still open
# when the test database is dropped. (The test client does not close connections at all.)
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Static files come from the app folders through the finders; no collectstatic run.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True

if DATABASES["default"]["ENGINE"].endswith("sqlite3"):  # noqa: F405
    # A file, as the site uses: an in-memory database shared between threads locks table by
    # table and never waits, so concurrent saves would not meet SQLite's real locking.
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": os.path.join(tempfile.gettempdir(), f"careers-test-{os.getpid()}.sqlite3")
    }
