"""Whole-page caching: fast repeats, never stale, never a fragment for a page."""

import json
import shutil
import socket
import time

import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

from careers.models import Role
from core.cache_guard import forget_failures
from core.fixtures import default_files
from core.models import VERSION_TTL, DataVersion
from salaries.models import SalaryFigure
from tests.conftest import in_ci
from tests.servers import Silent, free_port

pytestmark = pytest.mark.django_db

URL = "/roles/senior-customer-service-representative/"


def test_a_repeat_visit_is_served_from_the_cache(client, django_assert_max_num_queries):
    first = client.get(URL)
    assert first["X-Cache"] == "miss"
    with django_assert_max_num_queries(1):  # just the data version
        second = client.get(URL)
    assert second["X-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    # What the page offers depends on the comparison cookies, hit or miss.
    assert "Cookie" in first["Vary"] and "Cookie" in second["Vary"]


def test_pages_and_fragments_are_cached_apart(client):
    url = "/roles/?q=manager"
    page = client.get(url)
    fragment = client.get(url, headers={"HX-Request": "true"})
    assert b"<html" in page.content and b"<html" not in fragment.content
    again_page = client.get(url)
    again_fragment = client.get(url, headers={"HX-Request": "true"})
    assert again_page["X-Cache"] == again_fragment["X-Cache"] == "hit"
    assert again_page.content == page.content
    assert again_fragment.content == fragment.content
    assert "HX-Request" in again_fragment["Vary"]


def test_a_saved_change_shows_on_the_next_request(client):
    client.get(URL)
    figure = SalaryFigure.objects.get(role__slug="senior-customer-service-representative")
    figure.high = 51000
    figure.save()
    response = client.get(URL)
    assert response["X-Cache"] == "miss"
    assert "can make $33,655–$51,000 (a year, as we read it)" in response.content.decode()


def test_a_fixture_load_shows_on_the_next_request(client, tmp_path):
    client.get("/roles/executive/")
    paths = []
    for path in default_files():
        data = json.loads(path.read_text("utf-8"))
        for row in data:
            if row["model"] == "careers.role" and row["fields"]["slug"] == "executive":
                row["fields"]["title"] = "Executive (from a new fixture)"
        copy = tmp_path / path.name
        copy.write_text(json.dumps(data), "utf-8")
        paths.append(str(copy))
    call_command("load_fixtures", *paths, stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert "Executive (from a new fixture)" in client.get("/roles/executive/").content.decode()


def test_every_change_moves_the_data_version_on():
    before = DataVersion.current()
    Role.objects.create(title="New role", slug="new-role")
    after_create = DataVersion.current()
    assert after_create > before
    Role.objects.get(slug="new-role").delete()
    assert DataVersion.current() > after_create


def test_visitors_with_a_session_always_get_a_fresh_page(client, admin_user):
    client.force_login(admin_user)
    response = client.get(URL)
    assert not response.has_header("X-Cache")
    assert b"Edit this role" in response.content
    assert "Cookie" in response["Vary"]


def test_anonymous_pages_carry_no_csrf_token(client):
    assert b"X-CSRFToken" not in client.get(URL).content


def redis_reachable() -> bool:
    try:
        socket.create_connection(("127.0.0.1", 6379), timeout=1).close()
        return True
    except OSError:
        return False


def redis_or_skip() -> None:
    if not redis_reachable():
        if in_ci():
            pytest.fail("Redis at 127.0.0.1:6379 is not answering")
        pytest.skip("Redis at 127.0.0.1:6379 is not answering")


@pytest.fixture
def shared_cache():
    """Redis as production runs it: pages and the data version both in the shared cache."""
    redis_or_skip()
    redis = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": "careers-tests",
        }
    }
    with override_settings(CACHES=redis, DATA_VERSION_IN_CACHE=True):
        caches["default"].clear()
        yield caches["default"]
        caches["default"].clear()


def test_with_redis_a_cached_page_costs_no_query(client, shared_cache, django_assert_num_queries):
    assert client.get(URL)["X-Cache"] == "miss"
    with django_assert_num_queries(0):
        assert client.get(URL)["X-Cache"] == "hit"


def test_with_redis_a_committed_change_shows_on_the_next_request(
    client, shared_cache, django_capture_on_commit_callbacks
):
    client.get(URL)
    with django_capture_on_commit_callbacks(execute=True):
        figure = SalaryFigure.objects.get(role__slug="senior-customer-service-representative")
        figure.high = 52000
        figure.save()
    response = client.get(URL)
    assert response["X-Cache"] == "miss"
    assert "$52,000" in response.content.decode()


def test_with_redis_a_rolled_back_change_leaves_the_version_alone(
    shared_cache, django_capture_on_commit_callbacks
):
    before = DataVersion.current()
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        Role.objects.create(title="Never saved", slug="never-saved")
        raise RuntimeError
    assert callbacks == []
    assert DataVersion.current() == before


def test_with_redis_an_evicted_version_is_read_back_and_keeps_the_pages(
    client, shared_cache, django_assert_num_queries
):
    client.get(URL)
    # Evicted (Redis under maxmemory) or expired: the row is the record, so the pages
    # cached under its number are still good.
    shared_cache.delete(DataVersion.CACHE_KEY)
    with django_assert_num_queries(1):
        assert client.get(URL)["X-Cache"] == "hit"
    assert shared_cache.get(DataVersion.CACHE_KEY) == DataVersion.stored()


def test_with_redis_the_version_copy_expires_soon(client, shared_cache):
    client.get(URL)
    redis = shared_cache._cache.get_client()
    assert 0 < redis.ttl(shared_cache.make_and_validate_key(DataVersion.CACHE_KEY)) <= VERSION_TTL


def test_a_fresh_database_never_meets_the_numbers_of_an_old_one(shared_cache):
    DataVersion.objects.all().delete()
    DataVersion.bump()
    first = DataVersion.stored()
    DataVersion.objects.all().delete()
    DataVersion.bump()
    assert DataVersion.stored() != first
    assert min(first, DataVersion.stored()) > 1000


def test_a_change_committed_while_redis_is_away_is_saved_and_never_hidden(
    client, shared_cache, django_capture_on_commit_callbacks
):
    assert client.get(URL)["X-Cache"] == "miss"
    closed = {
        "default": {
            **settings.CACHES["default"],
            "LOCATION": f"redis://127.0.0.1:{free_port()}/0",
            "OPTIONS": settings.REDIS_CACHE_OPTIONS,
        }
    }
    with override_settings(CACHES=closed), django_capture_on_commit_callbacks(execute=True):
        figure = SalaryFigure.objects.get(role__slug="senior-customer-service-representative")
        figure.high = 54000
        figure.save()  # no error: the edit is committed whatever the cache does
    # Redis is back (and this process has waited out its pause): the page cached before
    # the edit, and the old copy of the version, must not come back.
    forget_failures()
    response = client.get(URL)
    assert response["X-Cache"] == "miss"
    assert "$54,000" in response.content.decode()
    assert client.get(URL)["X-Cache"] == "hit"


def test_redis_cache_works_when_configured(client, shared_cache):
    assert client.get(URL)["X-Cache"] == "miss"
    assert client.get(URL)["X-Cache"] == "hit"
    SalaryFigure.objects.filter(role__slug="senior-customer-service-representative").update(
        high=52000
    )
    DataVersion.bump()  # .update() sends no signals; the admin and loaders do
    DataVersion.publish(DataVersion.stored())  # as bump() does once the change commits
    assert "$52,000" in client.get(URL).content.decode()


@pytest.fixture(params=["closed port", "silent listener"])
def unreachable_cache(request):
    """Redis configured as production configures it, at an address where it is not: a
    closed port (refused at once) or a port that accepts and never answers (hung)."""
    silent = Silent() if request.param == "silent listener" else None
    port = silent.port if silent else free_port()
    redis = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://127.0.0.1:{port}/0",
            "OPTIONS": settings.REDIS_CACHE_OPTIONS,
        }
    }
    forget_failures()
    with override_settings(CACHES=redis, DATA_VERSION_IN_CACHE=True):
        yield
    forget_failures()
    if silent:
        silent.stop()


def test_with_redis_away_pages_render_uncached_and_quickly(client, unreachable_cache):
    began = time.monotonic()
    responses = [client.get(url) for url in (URL, URL, "/ladders/", "/api/roles/")]
    assert time.monotonic() - began < 2
    assert [r.status_code for r in responses] == [200] * 4
    assert {r["X-Cache"] for r in responses} == {"off"}
    assert "can make $33,655" in responses[0].content.decode()


def test_with_redis_away_healthz_says_the_cache_is_degraded(client, unreachable_cache):
    began = time.monotonic()
    response = client.get("/healthz")
    assert time.monotonic() - began < 2
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "unreachable"}


def cached_entries() -> int:
    return len(caches["default"]._cache)  # local memory: the dict behind it


def test_addresses_with_unknown_parameters_are_served_but_never_cached(client):
    before = cached_entries()
    for n in range(5):
        response = client.get(f"{URL}?utm_source=crawler-{n}")
        assert response.status_code == 200 and response["X-Cache"] == "bypass"
    assert client.get("/roles/?q=manager&x=1")["X-Cache"] == "bypass"
    assert cached_entries() == before


def test_the_same_parameters_in_another_order_share_one_entry(client):
    assert client.get("/roles/?q=manager&sort=title")["X-Cache"] == "miss"
    assert client.get("/roles/?sort=title&q=manager")["X-Cache"] == "hit"
    # A comparison's columns follow the order of its items: that order is kept.
    assert client.get("/compare/roles/?role=executive&role=supervisor")["X-Cache"] == "miss"
    assert client.get("/compare/roles/?role=supervisor&role=executive")["X-Cache"] == "miss"


def test_error_pages_of_unknown_addresses_are_never_cached(client):
    before = cached_entries()
    for n in range(3):
        assert client.get(f"/roles/no-such-role-{n}/").status_code == 404
        assert client.get(f"/api/roles/no-such-role-{n}/").status_code == 404
    assert client.get("/roles/?page=999").status_code in (400, 404)
    assert cached_entries() == before


@pytest.fixture
def full_redis(tmp_path):
    """A Redis of the test's own at its memory limit with no eviction policy (Redis's
    default): every write is refused with "OOM command not allowed"."""
    import subprocess

    import redis

    if not shutil.which("redis-server"):
        if in_ci():
            pytest.fail("redis-server is not installed")
        pytest.skip("redis-server is not installed")
    port = free_port()
    server = subprocess.Popen(
        ["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
         "--appendonly", "no", "--dir", str(tmp_path), "--maxmemory", "2mb",
         "--maxmemory-policy", "noeviction"],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        client = redis.Redis(port=port)
        for _ in range(100):
            try:
                client.ping()
                break
            except redis.ConnectionError:
                time.sleep(0.05)
        with pytest.raises(redis.exceptions.OutOfMemoryError):
            for n in range(10_000):
                client.set(f"filler-{n}", "x" * 10_000)
        location = f"redis://127.0.0.1:{port}/0"
        config = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": location}
        forget_failures()
        with override_settings(CACHES={"default": config}, DATA_VERSION_IN_CACHE=True):
            yield
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_full_cache_never_causes_a_500(client, full_redis):
    for url in (URL, URL, "/ladders/", "/api/roles/"):
        response = client.get(url)
        assert response.status_code == 200


def test_a_head_request_is_served_from_the_cache_and_fills_it(client):
    assert client.get(URL)["X-Cache"] == "miss"
    assert client.head(URL)["X-Cache"] == "hit"
    assert client.head("/ladders/")["X-Cache"] == "miss"
    response = client.get("/ladders/")
    assert response["X-Cache"] == "hit" and b"<html" in response.content


def test_a_made_up_session_cookie_still_gets_the_cached_page(client):
    client.get(URL)
    client.cookies["sessionid"] = "made-up-by-a-crawler"
    response = client.get(URL)
    assert response.status_code == 200
    assert response["X-Cache"] == "hit"
    assert b"Edit this role" not in response.content


def test_comparison_cookies_alike_for_500_characters_get_their_own_pages(client):
    # Entries that are not slugs (over 100 characters) are ignored by the pages, so the
    # remembered comparison is only what follows them.
    padding = "-" * 600
    client.cookies["compare_role"] = f"{padding},supervisor"
    first = client.get(URL).content.decode()
    assert "role=supervisor" in first
    client.cookies["compare_role"] = f"{padding},executive"
    second = client.get(URL)
    assert second["X-Cache"] == "miss"
    assert "role=executive" in second.content.decode()
    assert "role=supervisor" not in second.content.decode()


def test_cookies_that_read_as_the_same_comparison_share_one_entry(client):
    client.cookies["compare_role"] = "supervisor"
    assert client.get(URL)["X-Cache"] == "miss"
    client.cookies["compare_role"] = "supervisor,not a slug!"
    assert client.get(URL)["X-Cache"] == "hit"


@pytest.mark.parametrize(
    "url, typed",
    [
        ("/roles/?q=billing", True),
        ("/roles/?min_pay=30000", True),
        ("/roles/?education=2", False),
        ("/roles/", False),
        ("/paths/?from=customer-service-representative", True),
        ("/ladders/", False),
    ],
)
def test_pages_for_typed_values_leave_the_cache_by_themselves(client, monkeypatch, url, typed):
    from django.core.cache import cache

    from core import cache as page_cache

    kept = []
    real_set = cache.set
    monkeypatch.setattr(
        page_cache.cache,
        "set",
        lambda key, value, timeout=None: (
            kept.append((key, timeout)) or real_set(key, value, timeout)
        ),
    )
    assert client.get(url).status_code == 200
    timeouts = [timeout for key, timeout in kept if key.startswith("page:")]
    expected = page_cache.TYPED_TIMEOUT if typed else page_cache.PAGE_TIMEOUT
    assert timeouts == [expected]
    assert page_cache.TYPED_TIMEOUT <= 300 < page_cache.PAGE_TIMEOUT
