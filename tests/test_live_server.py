"""The browser tests' live server keeps no database session open between requests: a
request thread a browser keeps alive would otherwise still hold one when the test
database is dropped ("being accessed by 1 other session")."""

import http.client
import time
from urllib.parse import urlsplit

import pytest
from django.db import connection

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="counts sessions in PostgreSQL's pg_stat_activity"
)


def other_sessions() -> int:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
        return cursor.fetchone()[0]


def test_a_kept_alive_browser_connection_holds_no_database_session(live_server):
    address = urlsplit(live_server.url)
    # Sessions other tests' threads may still hold are not this request's: count from them.
    before = other_sessions()
    browser = http.client.HTTPConnection(address.hostname, address.port, timeout=10)
    try:
        browser.request("GET", "/roles/executive/")
        response = browser.getresponse()
        response.read()
        assert response.status == 200
        assert response.getheader("Connection", "").lower() != "close"  # still open
        # The server closes its session as the response ends, a moment after we read it.
        deadline = time.monotonic() + 3
        while other_sessions() > before and time.monotonic() < deadline:
            time.sleep(0.05)
        assert other_sessions() <= before
    finally:
        browser.close()
