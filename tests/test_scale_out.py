"""Two gunicorn servers over one PostgreSQL and one Redis: an edit saved through one is
visible through the other at once, and a load across both while edits happen gives no
errors and loses no edit."""

import json
import socket
import subprocess
import sys
import threading
from itertools import cycle

import pytest

from tests.conftest import in_ci
from tests.servers import (
    ROOT,
    AdminSession,
    Gunicorn,
    fresh_database,
    get,
    postgres_or_skip,
    server_env,
)

pytestmark = pytest.mark.servers
REDIS = "redis://127.0.0.1:6379/14"
PAGES = [
    "/roles/",
    "/roles/customer-service-representative/",
    "/ladders/convergys/",
    "/ladders/call-center-hierarchy/?at=help-desk-representative",
    "/paths/?from=customer-service-representative&to=call-center-general-manager",
    "/api/ladders/convergys/",
    "/compare/ladders/?ladder=convergys&ladder=peoplesupport",
]
EDITS = 10
REQUESTS = 3000


def redis_or_skip() -> None:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=2).close()
    except OSError:
        if in_ci():
            pytest.fail("Redis at 127.0.0.1:6379 is not answering")
        pytest.skip("Redis at 127.0.0.1:6379 is not answering")


def employer_on(server: Gunicorn) -> str:
    status, body = get(server.base + "/api/ladders/convergys/")
    assert status == 200
    return json.loads(body)["employer"]


def test_two_servers_share_edits_at_once_and_lose_nothing_under_load():
    postgres_or_skip()
    redis_or_skip()
    database = fresh_database("careers_scale_test")
    env = server_env(database, REDIS_URL=REDIS, CACHE_KEY_PREFIX="scale-test")
    subprocess.run(
        [sys.executable, "-c", f"import redis; redis.Redis.from_url('{REDIS}').flushdb()"],
        check=True,
    )
    subprocess.run(
        [
            sys.executable,
            "manage.py",
            "createsuperuser",
            "--noinput",
            "--username",
            "boss",
            "--email",
            "boss@example.org",
        ],
        cwd=ROOT,
        env={**env, "DJANGO_SUPERUSER_PASSWORD": "a-long-password-for-boss"},
        check=True,
        capture_output=True,
    )
    one, two = Gunicorn(env, workers=2), Gunicorn(env, workers=2)
    try:
        admin = AdminSession(one.base, "boss", "a-long-password-for-boss")
        assert employer_on(two) == "Convergys"  # now cached on the second server
        status, _ = admin.change(
            "/admin/careers/employer/1/change/",
            {"name": "Convergys (first edit)", "slug": "convergys"},
        )
        assert status in (200, 302)
        assert employer_on(two) == "Convergys (first edit)"  # at once, through the other

        results: list[int] = []
        targets = cycle([f"{server.base}{page}" for page in PAGES for server in (one, two)])
        lock = threading.Lock()

        def hammer(count: int) -> None:
            for _ in range(count):
                with lock:
                    url = next(targets)
                try:
                    status, _ = get(url, timeout=20)
                except OSError:
                    status = 0
                results.append(status)

        workers = [threading.Thread(target=hammer, args=(REQUESTS // 6,)) for _ in range(6)]
        for worker in workers:
            worker.start()
        seen_on_two = []
        for number in range(EDITS):
            name = f"Convergys (edit {number})"
            status, _ = admin.change(
                "/admin/careers/employer/1/change/", {"name": name, "slug": "convergys"}
            )
            assert status in (200, 302)
            seen_on_two.append(employer_on(two) == name)
        for worker in workers:
            worker.join()

        assert len(results) == REQUESTS // 6 * 6
        assert [s for s in results if s != 200] == []
        assert all(seen_on_two)
        assert employer_on(one) == employer_on(two) == f"Convergys (edit {EDITS - 1})"
        history = subprocess.run(
            [
                sys.executable,
                "manage.py",
                "shell",
                "-c",
                "from careers.models import Employer; "
                "print(Employer.history.filter(id=1).count(), Employer.objects.get(pk=1).version)",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        # Every version kept: the seed row's, the first edit's and the EDITS more.
        assert history[-2:] == [str(EDITS + 2), str(EDITS + 2)]
    finally:
        one.stop()
        two.stop()
