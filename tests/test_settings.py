"""The app's configuration comes from the environment, and refuses unsafe defaults."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

PRINT_DB = (
    "import django; django.setup(); from django.conf import settings; "
    "db = settings.DATABASES['default']; print(db['ENGINE'], db['NAME'], settings.DEBUG)"
)


def run(env: dict[str, str]) -> subprocess.CompletedProcess:
    clean = {
        k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL"}
    }
    clean["DJANGO_SETTINGS_MODULE"] = "config.settings"
    return subprocess.run(
        [sys.executable, "-c", PRINT_DB],
        env={**clean, **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_without_debug_and_without_secret_key_the_app_refuses_to_start():
    result = run({})
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_debug_mode_starts_with_a_development_key_on_local_sqlite():
    result = run({"DEBUG": "1"})
    assert result.returncode == 0, result.stderr
    engine, name, debug = result.stdout.split()
    assert engine == "django.db.backends.sqlite3"
    assert name.endswith("var/db.sqlite3")
    assert debug == "True"


def test_database_url_selects_postgresql():
    result = run({"SECRET_KEY": "k", "DATABASE_URL": "postgres://u@127.0.0.1:5432/x"})
    assert result.returncode == 0, result.stderr
    # Django's backend with a watchdog on every round trip (core/postgresql).
    assert result.stdout.split()[:2] == ["core.postgresql", "x"]
    assert result.stdout.split()[2] == "False"


def test_postgresql_connections_give_up_on_a_silent_database_within_seconds():
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "options = settings.DATABASES['default']['OPTIONS']; "
        "print(options['connect_timeout'], options['tcp_user_timeout'], options['keepalives'])"
    )
    clean = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DATABASE_URL"}}
    result = subprocess.run(
        [sys.executable, "-c", code],
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "config.settings",
            "DEBUG": "1",
            "DATABASE_URL": "postgres://postgres@127.0.0.1:5432/careers",
        },
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["3", "5000", "1"]


@pytest.mark.django_db
def test_the_site_serves_its_own_icon(client):
    html = client.get("/roles/").content.decode()
    assert '<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">' in html
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/favicon.svg"


def test_make_run_serves_with_debug_off_and_a_kept_secret_key():
    makefile = (Path(__file__).parent.parent / "Makefile").read_text()
    run = makefile[makefile.index("\nrun: ") : makefile.index("\ndev: ")]
    assert "gunicorn" in run and "DEBUG=1" not in run
    assert 'SERVE_ENV = SECRET_KEY="$$(cat var/secret_key)" HTTPS=0' in makefile
    assert "DEBUG=1 $(PY) manage.py runserver" in makefile[makefile.index("\ndev: ") :]
