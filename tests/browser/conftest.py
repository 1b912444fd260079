"""Browser tests drive Debian's Chromium (a Playwright-downloaded browser cannot be
fetched here). Outside CI they skip, with the reason, when Chromium is absent."""

from pathlib import Path

import pytest

from tests.conftest import in_ci

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not CHROMIUM.exists():
        reason = f"Chromium not found at {CHROMIUM}: apt-get install -y chromium"
        if in_ci():
            pytest.fail(reason)
        pytest.skip(reason)
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture
def site(live_server, transactional_db) -> str:
    """The running app with the seed data (a live server's database is emptied after each
    test; a teardown hook in tests/conftest.py loads the seeds again)."""
    return live_server.url
