"""Whole-page caching that is never stale: every cached page carries the data version it
was rendered at, which goes up on any saved change (admin edit, fixture load, anything
through the ORM); a page from an older version is rendered again."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from functools import wraps
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.http import HttpRequest, HttpResponse
from django.utils.cache import patch_vary_headers

from core.cache_guard import cache_call
from core.content import content_models
from core.models import DataVersion

PAGE_TIMEOUT = 60 * 60
# A page for a typed value (a search, an amount, a name) is kept this long only: any
# text makes its own address, so these entries must leave the cache by themselves, not
# wait for the LRU to push out the pages everyone asks for.
TYPED_TIMEOUT = 2 * 60
KEPT_HEADERS = ["Content-Type", "Vary", "Content-Disposition"]

# What else of a request a page depends on, beside its address: each function gives a short
# text of what it read (the comparison remembered in a cookie, as parsed and validated by
# the pages that use it). Registered by the app that owns that input (vary_cache_on), so this
# bottom layer knows nothing of it.
_VARIANTS: list[Callable[[HttpRequest], str]] = []


def vary_cache_on(variant: Callable[[HttpRequest], str]) -> None:
    if variant not in _VARIANTS:
        _VARIANTS.append(variant)


def data_changed(sender, **kwargs) -> None:
    DataVersion.bump()


def connect_signals() -> None:
    # History rows are written alongside the change they record, so they are left out.
    for model in content_models():
        post_save.connect(data_changed, sender=model, dispatch_uid=f"data-version-{model}")
        post_delete.connect(data_changed, sender=model, dispatch_uid=f"data-version-d-{model}")


def canonical_query(request, known: frozenset[str]) -> str | None:
    """The query string in one order (by name; the values of a name keep theirs, which a
    comparison's columns follow), or None when it names a parameter the page does not
    read: `?utm_source=...` or `?x=<random>` would otherwise each fill an entry."""
    lists = sorted(request.GET.lists(), key=lambda pair: pair[0])
    if any(name not in known for name, _ in lists):
        return None
    return urlencode(lists, doseq=True)


def page_key(request, query: str) -> str:
    """One key per address and kind of response (page or htmx fragment). The data version
    is stored with the page, not in the key, so a shared cache answers both in one trip."""
    kind = "fragment" if request.headers.get("HX-Request") == "true" else "page"
    if request.headers.get("HX-History-Restore-Request") == "true":
        kind = "page"
    varied = "|".join(variant(request) for variant in _VARIANTS)
    raw = f"{kind}|{request.path}|{query}|{varied}"
    return "page:" + hashlib.sha256(raw.encode()).hexdigest()


def version_and_page(key: str) -> tuple[int | None, tuple | None]:
    """The current data version and what is cached under key, in one round trip when the
    version lives in the cache too; (None, None) when the cache cannot be used now."""
    if settings.DATA_VERSION_IN_CACHE:
        if not DataVersion.trusted():
            return None, None
        found = cache_call(lambda: cache.get_many([DataVersion.CACHE_KEY, key]), None)
        if found is None:
            return None, None
        version = found.get(DataVersion.CACHE_KEY)
        if version is None:
            version = DataVersion.read_back()
        else:
            DataVersion.last_seen = version
        return version, found.get(key)
    return DataVersion.current(), cache_call(lambda: cache.get(key), None)


def signed_in(request: HttpRequest) -> bool:
    """Whether the request carries a session that signs someone in. Only then is the
    session looked up (one query): a visitor without the cookie costs nothing."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return False
    user = getattr(request, "user", None)
    return bool(user and user.is_authenticated)


def cached_page(view=None, *, params: Iterable[str] = (), typed: Iterable[str] = ()):
    """Serve GETs and HEADs from the cache to everyone but signed-in staff: `@cached_page`
    for a page that reads no query parameter, `@cached_page(params=[...])` for one that
    reads these. Only canonical addresses are cached (known parameters, in one order) and
    only their 200 answers, so neither odd query strings nor unknown slugs can fill the
    cache. A session cookie alone changes nothing (anyone can send one): only a session
    that signs someone in gets a freshly rendered page. Every response varies on Cookie:
    what a page offers depends on the remembered comparisons (part of the key, see
    vary_cache_on), whether or not it touched the session. `typed` names the params a
    person types freely: a page where any of them is given is kept for TYPED_TIMEOUT."""
    if view is None:
        return lambda view: cached_page(view, params=params, typed=typed)
    known = frozenset(params) | frozenset(typed)
    free = frozenset(typed)

    def uncached(request, args, kwargs, label: str | None):
        response = view(request, *args, **kwargs)
        if label:
            response["X-Cache"] = label
        patch_vary_headers(response, ["Cookie"])
        return response

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in ("GET", "HEAD") or signed_in(request):
            return uncached(request, args, kwargs, None)
        query = canonical_query(request, known)
        if query is None:
            return uncached(request, args, kwargs, "bypass")
        key = page_key(request, query)
        version, hit = version_and_page(key)
        if version is None:  # the cache is away: the page is rendered as if never cached
            return uncached(request, args, kwargs, "off")
        if hit is not None and hit[0] == version:
            _, status, headers, content = hit
            response = HttpResponse(content, status=status)
            for name, value in headers.items():
                response[name] = value
            response["X-Cache"] = "hit"
            patch_vary_headers(response, ["Cookie"])
            return response
        response = view(request, *args, **kwargs)
        if hasattr(response, "render") and callable(response.render):
            response = response.render()
        if response.status_code == 200 and not response.streaming:
            headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
            entry = (version, response.status_code, headers, response.content)
            typed_in = any(request.GET.get(name, "").strip() for name in free)
            timeout = TYPED_TIMEOUT if typed_in else PAGE_TIMEOUT
            cache_call(lambda: cache.set(key, entry, timeout), None)
        response["X-Cache"] = "miss"
        patch_vary_headers(response, ["Cookie"])
        return response

    return wrapper
