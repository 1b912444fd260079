"""With the database unreachable, pages answer a quick, friendly 503 and /healthz says
so; when it returns, service resumes by itself. The fault is real: the app reaches
PostgreSQL through a TCP proxy that the test cuts and restores."""

import time

import pytest

from tests.servers import Gunicorn, Proxy, fresh_database, get, postgres_or_skip, server_env

pytestmark = pytest.mark.servers


def test_pages_answer_503_while_the_database_is_away_and_recover():
    postgres_or_skip()
    direct = fresh_database("careers_outage_test")
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
