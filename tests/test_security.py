"""Headers, production settings, login lockout, limits, and error pages that never leak."""

import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.contrib.auth.models import User
from django.test import Client, override_settings
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


def test_pages_send_a_strict_content_security_policy(client):
    policy = client.get("/roles/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy and "style-src 'self'" in policy
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy


def test_pages_send_the_other_security_headers(client):
    response = client.get("/roles/")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_production_settings_pass_the_deploy_check():
    unset = {"DEBUG", "HTTPS", "DATABASE_URL", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        SECRET_KEY="x7!kq2-" * 9,
        ALLOWED_HOSTS="careers.example.org",
    )
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_turns_on_https_only_cookies_and_hsts():
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "HTTPS"}}
    env.update(DJANGO_SETTINGS_MODULE="config.settings", SECRET_KEY="k" * 60)
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SESSION_COOKIE_SECURE, s.CSRF_COOKIE_SECURE, s.SECURE_SSL_REDIRECT, "
        "s.SECURE_HSTS_SECONDS)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.stdout.split() == ["True", "True", "True", "31536000"], result.stderr


def test_repeated_wrong_passwords_lock_the_admin_login():
    User.objects.create_user("ed", password="the-right-password", is_staff=True)
    client = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/admin/login/", {"username": "ed", "password": "wrong"})
    locked = client.post("/admin/login/", {"username": "ed", "password": "the-right-password"})
    assert locked.status_code in (403, 429)
    assert b"Too many failed logins" in locked.content
    assert "_auth_user_id" not in client.session


def test_one_wrong_password_does_not_lock(client):
    User.objects.create_user("ed", password="the-right-password", is_staff=True)
    client.post("/admin/login/", {"username": "ed", "password": "wrong"})
    response = client.post(
        "/admin/login/?next=/admin/", {"username": "ed", "password": "the-right-password"}
    )
    assert response.status_code == 302


def test_an_overlong_address_gets_a_clear_400(client):
    response = client.get("/roles/?q=" + "a" * 3000)
    assert response.status_code == 400
    assert b"The address is too long" in response.content
    # The guard's own page is sent with the same headers as every other page.
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_the_500_page_shows_no_internals(rf):
    response = server_error(rf.get("/"))
    assert response.status_code == 500
    assert b"Something went wrong on our side" in response.content
    assert b"Traceback" not in response.content and b"settings" not in response.content


def test_the_404_page_is_ours_with_debug_off(client):
    assert settings.DEBUG is False
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert b"We could not find that page" in response.content
    assert b"URLconf" not in response.content


@pytest.mark.parametrize("balancer", ["10.0.0.5", "10.0.0.6"])
def test_behind_a_proxy_logins_lock_out_by_the_forwarded_address(rf, balancer, settings):
    from config.middleware import client_ip_behind_proxy

    settings.TRUSTED_PROXIES = ["10.0.0.5", "10.0.0.6"]
    request = rf.get(
        "/admin/login/",
        REMOTE_ADDR=balancer,
        HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.7",
    )
    assert client_ip_behind_proxy(request) == "198.51.100.7"
    assert client_ip_behind_proxy(rf.get("/", REMOTE_ADDR=balancer)) == balancer


def test_a_forwarded_address_from_anyone_but_a_trusted_proxy_is_ignored(rf, settings):
    # Reaching gunicorn directly, a guesser could rotate X-Forwarded-For on every try.
    from config.middleware import client_ip_behind_proxy

    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    for forged in ("203.0.113.1", "203.0.113.2", "203.0.113.3"):
        request = rf.get("/admin/login/", REMOTE_ADDR="192.0.2.50", HTTP_X_FORWARDED_FOR=forged)
        assert client_ip_behind_proxy(request) == "192.0.2.50"
    proxied = rf.get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.1")
    assert client_ip_behind_proxy(proxied) == "203.0.113.1"


def test_behind_a_proxy_setting_routes_axes_through_the_forwarded_address():
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "HTTPS"}}
    env.update(SECRET_KEY="x" * 60, BEHIND_PROXY="1", DJANGO_SETTINGS_MODULE="config.settings")
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings;"
            " print(settings.AXES_CLIENT_IP_CALLABLE)",
        ],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    assert out == "config.middleware.client_ip_behind_proxy"


def test_healthz_answers_plain_http_while_pages_redirect_to_https():
    with override_settings(SECURE_SSL_REDIRECT=True):
        client = Client()
        assert client.get("/roles/").status_code == 301
        assert client.get("/healthz").status_code == 200


def test_healthz_reports_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert "no-cache" in response["Cache-Control"]
