"""With the database unreachable or hung, pages answer a quick, friendly 503 (cached ones
are still served), /healthz says so within two seconds, and when it returns service
resumes by itself. The faults are real: the app reaches PostgreSQL through a TCP proxy that
the test cuts and restores, or is pointed at a port that accepts and never answers."""

import time

import pytest
from django.db import OperationalError, connection

from tests.servers import (
    Gunicorn,
    Proxy,
    Silent,
    fresh_database,
    get,
    postgres_or_skip,
    server_env,
    timed_get,
)
from tests.test_cache import redis_or_skip

pytestmark = pytest.mark.servers

REDIS_DB = "redis://127.0.0.1:6379/14"


@pytest.fixture(scope="module")
def seeded_database() -> str:
    postgres_or_skip()
    return fresh_database("careers_outage_test")


def test_pages_answer_503_while_the_database_is_away_and_recover(seeded_database):
    direct = seeded_database
    proxy = Proxy()
    through_proxy = direct.replace(":5432/", f":{proxy.port}/")
    server = Gunicorn(server_env(through_proxy))
    try:
        assert get(server.base + "/healthz")[0] == 200
        assert get(server.base + "/roles/executive/")[0] == 200

        proxy.cut()
        began = time.monotonic()
        status, html = get(server.base + "/roles/supervisor/")
        assert status == 503
        assert "We will be back shortly" in html
        assert "Traceback" not in html
        assert time.monotonic() - began < 8
        assert get(server.base + "/healthz")[0] == 503

        proxy.restore()
        deadline = time.monotonic() + 20
        status = None
        while time.monotonic() < deadline:
            status = get(server.base + "/roles/supervisor/")[0]
            if status == 200:
                break
            time.sleep(0.5)
        assert status == 200
        assert get(server.base + "/healthz")[0] == 200
    finally:
        server.stop()
        proxy.cut()


@pytest.fixture
def shared_redis():
    """Redis database 14 under a key prefix of this test's own, emptied after."""
    import redis

    redis_or_skip()
    prefix = f"outage-{time.monotonic_ns()}"
    yield {"REDIS_URL": REDIS_DB, "CACHE_KEY_PREFIX": prefix}
    client = redis.Redis.from_url(REDIS_DB)
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)


def test_a_hung_database_costs_seconds_and_cached_pages_still_serve(seeded_database, shared_redis):
    warm = Gunicorn(server_env(seeded_database, **shared_redis))
    try:
        assert get(warm.base + "/roles/executive/")[0] == 200
    finally:
        warm.stop()

    silent = Silent()
    hung = seeded_database.replace(":5432/", f":{silent.port}/")
    server = Gunicorn(server_env(hung, **shared_redis))
    try:
        # The worker is up once it serves a file (no database there either).
        assert get(server.base + "/static/css/site.css")[0] == 200
        status, html, took = timed_get(server.base + "/roles/executive/")
        assert status == 200 and "Executive" in html
        assert took < 1.5  # from Redis: the database is never asked, not even to connect

        status, body, took = timed_get(server.base + "/healthz")
        assert status == 503 and '"database": "unreachable"' in body
        assert took < 2.5

        status, html, took = timed_get(server.base + "/roles/supervisor/", timeout=30)
        assert status == 503 and "We will be back shortly" in html
        assert took < 6
    finally:
        server.stop()
        silent.stop()


@pytest.mark.django_db
def test_a_statement_that_runs_too_long_is_stopped_by_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("statement_timeout is PostgreSQL's")
    with connection.cursor() as cursor:
        cursor.execute("SHOW lock_timeout")
        assert cursor.fetchone()[0] == "2s"
    began = time.monotonic()
    with pytest.raises(OperationalError), connection.cursor() as cursor:
        cursor.execute("SELECT pg_sleep(8)")
    assert time.monotonic() - began < 6.5


def test_a_database_that_stops_answering_mid_connection_costs_seconds(
    seeded_database, shared_redis
):
    """The worker's kept connection is the one that hangs: the server still acknowledges
    every packet, so no TCP timeout fires and PostgreSQL enforces no statement_timeout."""
    import redis

    proxy = Proxy()
    through_proxy = seeded_database.replace(":5432/", f":{proxy.port}/")
    server = Gunicorn(server_env(through_proxy, **shared_redis))
    try:
        assert get(server.base + "/roles/executive/")[0] == 200  # cached, connection kept
        proxy.hang()

        status, _, took = timed_get(server.base + "/roles/executive/")
        assert status == 200 and took < 1.5  # from the cache, the database not asked

        status, html, took = timed_get(server.base + "/roles/supervisor/", timeout=40)
        assert status == 503 and "We will be back shortly" in html
        assert took < 15  # the watchdog's 7 s, then a new connection's 3 s

        # The cache's copy of the data version expires (or is evicted) mid-outage: the
        # number last seen stands in, and the cached page is still served.
        client = redis.Redis.from_url(REDIS_DB)
        client.delete(*client.scan_iter(f"{shared_redis['CACHE_KEY_PREFIX']}:*data-version"))
        status, _, took = timed_get(server.base + "/roles/executive/", timeout=40)
        assert status == 200 and took < 5
    finally:
        server.stop()
        proxy.cut()
