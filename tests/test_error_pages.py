"""Errors leave a trace and refusals speak the site's language: a 500 is logged to stderr
with its traceback in production settings, and a form refused by the CSRF check gets the
site's own page, saying what to do."""

import os
import subprocess
import sys
import textwrap

import pytest
from django.conf import settings
from django.test import Client

pytestmark = pytest.mark.django_db

# A view that raises, served through the whole middleware stack in production settings
# (DEBUG off), in a process of its own so that its stderr is the real one.
RAISING_VIEW = textwrap.dedent(
    """
    import sys, types
    import django
    django.setup()
    from django.test import Client
    from django.http import HttpResponseNotFound
    from django.test.utils import override_settings
    from django.urls import path

    def boom(request):
        raise RuntimeError("a fault for the logging test")

    urls = types.ModuleType("boom_urls")
    urls.urlpatterns = [
        path("boom/", boom),
        path("missing/", lambda request: HttpResponseNotFound("no such page")),
    ]
    sys.modules["boom_urls"] = urls
    with override_settings(ROOT_URLCONF="boom_urls"):
        client = Client(raise_request_exception=False)
        missing = client.get("/missing/")
        response = client.get("/boom/")
    print(missing.status_code, response.status_code)
    print(b"Something went wrong on our side" in response.content)
    """
)


def test_a_500_reaches_the_log_with_its_traceback_and_a_404_does_not():
    unset = {"DEBUG", "DJANGO_SETTINGS_MODULE"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings",
        SECRET_KEY="logging-test-" * 5,
        HTTPS="0",
        ALLOWED_HOSTS="testserver",
        DATABASE_URL="sqlite://:memory:",
    )
    result = subprocess.run(
        [sys.executable, "-c", RAISING_VIEW],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.stdout.split() == ["404", "500", "True"], result.stdout + result.stderr
    assert "ERROR django.request" in result.stderr
    assert "Internal Server Error: /boom/" in result.stderr
    assert "Traceback" in result.stderr
    assert "RuntimeError: a fault for the logging test" in result.stderr
    # A 4xx is the access log's business, not an error.
    assert "/missing/" not in result.stderr


def assert_site_page(response) -> str:
    assert response.status_code == 403
    body = response.content.decode()
    # The site's layout and its own words, with the headers every page carries.
    assert '<a class="brand"' in body and "Career Ladder Explorer" in body
    assert "<h1>This form could not be sent</h1>" in body
    assert "nothing was saved" in body
    assert "CSRF verification failed" not in body  # Django's own page
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
    return body


def test_a_form_sent_without_the_csrf_cookie_gets_the_sites_page():
    client = Client(enforce_csrf_checks=True)
    response = client.post("/admin/login/", {"username": "ed", "password": "x"})
    body = assert_site_page(response)
    assert "did not send this site's security cookie" in body


def test_a_form_with_a_stale_token_gets_the_sites_page():
    client = Client(enforce_csrf_checks=True)
    client.get("/admin/login/")  # sets the CSRF cookie
    response = client.post(
        "/admin/login/", {"username": "ed", "password": "x", "csrfmiddlewaretoken": "a" * 32}
    )
    body = assert_site_page(response)
    assert "reload the page and send the form again" in body


def test_a_form_from_another_origin_gets_the_sites_page():
    client = Client(enforce_csrf_checks=True)
    client.get("/admin/login/")
    token = client.cookies["csrftoken"].value
    response = client.post(
        "/admin/login/",
        {"username": "ed", "password": "x", "csrfmiddlewaretoken": token},
        headers={"Origin": "https://elsewhere.example"},
    )
    body = assert_site_page(response)
    assert "CSRF_TRUSTED_ORIGINS" in body
