import io
import os
from pathlib import Path

import hypothesis
import pytest
from django.conf import settings
from django.core.management import call_command

# Playwright's sync API runs an event loop in the test thread; Django's ORM in
# the same thread is safe here because each test is single-threaded.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

FIXTURE_FILES = sorted(str(path) for path in (settings.BASE_DIR / "fixtures").glob("*.json"))


def in_ci() -> bool:
    return os.environ.get("CI", "").lower() in {"1", "true", "yes"}


# CI must not go red by chance: there the property tests (tests/test_hostile_input.py) replay
# the same examples every run, seeded from each test's own source, with no example database
# carried between runs; elsewhere they explore afresh. HYPOTHESIS_PROFILE picks either.
hypothesis.settings.register_profile("ci", derandomize=True, database=None, print_blob=True)
hypothesis.settings.load_profile(
    os.environ.get("HYPOTHESIS_PROFILE", "ci" if in_ci() else "default")
)


def load_seed_data() -> None:
    call_command("load_fixtures", verbosity=0, stdout=io.StringIO())


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Every database test starts from the real seed data, loaded once."""
    with django_db_blocker.unblock():
        load_seed_data()


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    """The five source articles. Missing in CI is a failure, never a skip."""
    path = Path(settings.SEEDS_DIR)
    if not path.is_dir():
        message = f"source articles not found at {path} (set SEEDS_DIR)"
        if in_ci():
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """A transactional test (the browser tests' live server) empties the database when its
    fixtures are torn down; put the seed data back then, so every test starts from it
    whatever order pytest runs them in (it regroups tests around shared fixtures)."""
    result = yield
    # After the last test the test database itself is gone: nothing to put back.
    if nextitem is not None and "transactional_db" in getattr(item, "fixturenames", ()):
        from pytest_django.plugin import blocking_manager_key

        with item.config.stash[blocking_manager_key].unblock():
            load_seed_data()
    return result


@pytest.fixture(autouse=True)
def fresh_cache(request):
    """Tests roll the database back, and with it the data version; start each test with
    an empty page cache and no kept promotion graph, so no test sees another's pages or
    promotions."""
    from django.core.cache import cache

    from ladders.graph_store import graph_cache
    from salaries.areas import known_areas

    cache.clear()
    graph_cache.clear()
    # The areas are held in memory for a few minutes (salaries.areas): read them now, so
    # a test that counts a page's queries counts the page's own, whichever test ran before.
    if request.node.get_closest_marker("django_db") or "db" in request.fixturenames:
        known_areas()
    yield
    cache.clear()
    graph_cache.clear()


@pytest.fixture
def move_off_ladder(db):
    """An editor's row: a move off the customer service track, to a role on no ladder.

    No article states such a move (001 names no role before the training manager), so
    tests of how the site shows one bring their own."""
    from careers.models import Role
    from ladders.models import Ladder, Promotion

    ladder = Ladder.objects.get(slug="customer-service-track")
    return Promotion.objects.create(
        ladder=ladder,
        source=ladder.source,
        quote="Some people take their bachelor's degree with experience in the field and "
        "pursue a career as Manager of Customer Service Training.",
        from_role=Role.objects.get(slug="customer-service-representative"),
        to_role=Role.objects.get(slug="customer-service-training-manager"),
        order_is_stated=False,
        inferred_from="A row an editor added for a test: the sentence names no role before.",
    )
