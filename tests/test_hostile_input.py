"""Random and hostile query strings and slugs against every page: no 5xx, nothing from the
request ever comes back unescaped, and no cookie holds anything but ASCII.

In CI these replay the same examples every run (the "ci" profile in conftest.py), on SQLite
and again on PostgreSQL; the faults found so far are explicit examples, so they are tried
every time rather than when chance finds them."""

import re
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from core.middleware import CONTROL
from tests.conftest import in_ci

pytestmark = pytest.mark.django_db

NASTY = [
    "<script>alert(1)</script>",
    "\"'><img src=x onerror=alert(1)>",
    "'; DROP TABLE careers_role; --",
    "1 OR 1=1",
    "../../etc/passwd",
    "%00",
    "\u202e\u0000\ufeff",
    "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "-1",
    "1e309",
    "9" * 40,
    'x" autofocus onfocus="alert(1)',
    "x' onmouseover='alert(1)",
    "customer-service-representative" * 30,
]
values = st.one_of(
    st.sampled_from(NASTY),
    st.text(max_size=60),
    # Lone surrogates, Unicode spaces (U+3000 is not Latin-1) and control characters.
    st.text(st.characters(categories=["Cs", "Zs", "Cc"]), max_size=8),
    # Raw bytes, mostly not UTF-8.
    st.binary(max_size=12),
    # Long values: the whole query string stays under the 2,048-character limit or meets it.
    st.text(min_size=300, max_size=900),
)
PAGES = [
    ("/roles/", ["q", "education", "experience", "min_pay", "pay_period", "page"]),
    ("/ladders/call-center-hierarchy/", ["at"]),
    ("/paths/", ["from", "to"]),
    ("/compare/roles/", ["role", "dollars", "format"]),
    ("/compare/ladders/", ["ladder", "dollars", "format"]),
    ("/api/roles/", ["page"]),
    ("/api/ladders/", ["page"]),
    ("/api/salaries/", ["page"]),
    ("/api/sources/", ["page"]),
    ("/api/", ["x"]),
    ("/api/openapi.json", ["x"]),
    ("/map/", ["x"]),
    ("/ladders/", ["x"]),
    ("/sources/", ["x"]),
    ("/healthz", ["x"]),
]
SLUG_PAGES = [
    "/roles/{}/",
    "/ladders/{}/",
    "/sources/{}/",
    "/api/roles/{}/",
    "/api/ladders/{}/",
    "/api/sources/{}/",
]
# Markup, or a quote that would close an attribute and open an event handler.
MARKUP = re.compile(r"<[a-zA-Z/!]|[\"'][^\"']*\bon\w+=")


# Found by probes, tried every run. Characters go as UTF-8, so a lone surrogate ("\ud800")
# travels as the three bytes a careless encoder writes for it (ED A0 80), which are not
# UTF-8; raw bytes go as they are.
NUL = "\x00"
LONE_SURROGATE = "\ud800"
SURROGATE_BYTES = b"\xed\xa0\x80"
NOT_UTF8 = b"\xff\xfe"
IDEOGRAPHIC_SPACE = "executive\u3000"


def encoded(value: str | bytes) -> str:
    raw = value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")
    return quote(raw, safe="")


def decoded(value: str | bytes) -> str:
    """The value as a page reads it (Django decodes bytes that are not UTF-8 as U+FFFD)."""
    raw = value if isinstance(value, bytes) else value.encode("utf-8", "surrogatepass")
    return raw.decode("utf-8", "replace")


def check(response, sent: list[str | bytes]) -> None:
    assert response.status_code < 500, response.status_code
    # gunicorn writes headers as Latin-1; a cookie holding anything else was a bare 500.
    for morsel in response.cookies.values():
        assert morsel.OutputString().isascii(), morsel.OutputString()
    body = response.content.decode("utf-8", "replace")
    for value in map(decoded, sent):
        if MARKUP.search(value) and "json" not in response.get("Content-Type", ""):
            assert value not in body, value


@pytest.mark.parametrize(("path", "names"), PAGES, ids=[p for p, _ in PAGES])
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
# Pairs of (which of the page's query names, value); 0 is each page's first name.
@given(pairs=st.lists(st.tuples(st.integers(0, 5), values), max_size=6))
@example(pairs=[(0, NUL)])
@example(pairs=[(0, "manager"), (0, NUL)])
@example(pairs=[(0, LONE_SURROGATE)])
@example(pairs=[(0, SURROGATE_BYTES), (1, NOT_UTF8)])
@example(pairs=[(0, "manager"), (0, IDEOGRAPHIC_SPACE), (1, "2025\u3000")])
def test_hostile_query_strings_never_break_a_page(client, path, names, pairs):
    query = "&".join(f"{encoded(names[i % len(names)])}={encoded(v)}" for i, v in pairs)
    sent = [value for _, value in pairs]
    check(client.get(f"{path}?{query}"), sent)
    check(client.get(f"{path}?{query}", headers={"HX-Request": "true"}), sent)


@pytest.mark.parametrize("pattern", SLUG_PAGES)
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(slug=values)
@example(slug=NUL)
@example(slug=LONE_SURROGATE)
@example(slug=SURROGATE_BYTES)
@example(slug=NOT_UTF8)
@example(slug=IDEOGRAPHIC_SPACE)
def test_hostile_slugs_never_break_a_page(client, pattern, slug):
    response = client.get(pattern.format(encoded(slug)))
    # A control character (NUL above all: PostgreSQL cannot hold it) is refused for every
    # page, before any view.
    expected = {400} if CONTROL.search(decoded(slug)) else {200, 301, 302, 404}
    assert response.status_code in expected, response.status_code
    check(response, [slug])


def test_ci_replays_the_same_examples_every_run():
    ci = settings.get_profile("ci")
    assert ci.derandomize and ci.database is None
    if in_ci():
        assert settings.default.derandomize
