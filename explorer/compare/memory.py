"""The workbench's memory: the last good comparison of each kind in a small cookie, so
"add to comparison" on a role or ladder page builds on it, and the menu can offer it back."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import wraps
from urllib.parse import urlencode

from django.db.models import Count, Model
from django.db.models.functions import Lower
from django.http import HttpRequest
from django.urls import reverse

from careers.models import Role
from explorer.compare.selection import CLEARED, MAX_ITEMS, Selection, requested
from ladders.models import Ladder

COOKIE = "compare_{}"
DOLLARS_COOKIE = "compare_dollars"
COOKIE_AGE = 90 * 24 * 60 * 60
SLUG = re.compile(r"^[-a-zA-Z0-9_]{1,100}$")
YEAR = re.compile(r"^(19|20)\d\d$")


def remember_selection(param: str):
    """Keep the last good comparison in a small cookie (not a session: no database row
    for every visitor), so "add to comparison" elsewhere builds on it."""

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            response = view(request, *args, **kwargs)
            if request.GET.get("format") == "csv" or response.status_code not in (200, 302):
                return response
            remember_dollars(request, response)
            if response.status_code != 200:
                return response
            # A 200 means every value, read as the selection reads it, is a known item's
            # slug (a name or an unknown one is a redirect or a 400): only those go in the
            # cookie, never the raw text (a U+3000 there made gunicorn answer a bare 500).
            slugs = [slug for slug in requested(request, param) if SLUG.fullmatch(slug)]
            if slugs:
                response.set_cookie(
                    COOKIE.format(param),
                    ",".join(slugs[:MAX_ITEMS]),
                    max_age=COOKIE_AGE,
                    samesite="Lax",
                    httponly=True,
                )
            elif request.GET.get(CLEARED):
                response.delete_cookie(COOKIE.format(param), samesite="Lax")
            return response

        return wrapper

    return decorate


def remember_dollars(request: HttpRequest, response) -> None:
    """The dollars year goes with the comparison: kept when chosen, forgotten when "as
    stated only" is (the field sent empty, even if the page then redirects to drop it)."""
    if "dollars" not in request.GET:
        return
    dollars = request.GET["dollars"].strip()
    if YEAR.fullmatch(dollars):
        response.set_cookie(
            DOLLARS_COOKIE, dollars, max_age=COOKIE_AGE, samesite="Lax", httponly=True
        )
    elif not dollars:
        response.delete_cookie(DOLLARS_COOKIE, samesite="Lax")


def remembered(request: HttpRequest, param: str) -> list[str]:
    raw = request.COOKIES.get(COOKIE.format(param), "")
    return [slug for slug in raw.split(",") if SLUG.fullmatch(slug)][:MAX_ITEMS]


def remembered_dollars(request: HttpRequest) -> str:
    """The remembered dollars year, or "" when none (or the cookie holds anything else)."""
    dollars = request.COOKIES.get(DOLLARS_COOKIE, "")
    return dollars if YEAR.fullmatch(dollars) else ""


def remembered_variant(request: HttpRequest) -> str:
    """What a cached page may take from the comparison cookies, exactly as the pages read
    them (validated slugs, at most MAX_ITEMS of each kind; a four-digit year): the page
    cache keys on this, never on the raw cookie text."""
    return "|".join(
        [
            ",".join(remembered(request, "role")),
            ",".join(remembered(request, "ladder")),
            remembered_dollars(request),
        ]
    )


def remembered_query(request: HttpRequest, param: str, slugs: list[str]) -> str:
    """The query for these items with the remembered dollars year, if any."""
    pairs = [(param, slug) for slug in slugs]
    if dollars := remembered_dollars(request):
        pairs.append(("dollars", dollars))
    return urlencode(pairs)


@dataclass
class Resume:
    """A link back to the comparison remembered in the cookie."""

    noun: str
    url: str
    items: list

    @property
    def names(self) -> str:
        """ "A", "A and B", "A, B and C"."""
        titles = [str(item) for item in self.items]
        return " and ".join([", ".join(titles[:-1]), titles[-1]] if len(titles) > 1 else titles)


def resume_link(
    request: HttpRequest, param: str, queryset, base_url: str, noun: str
) -> Resume | None:
    """The comparison of this kind remembered in the cookie, if any of it still exists."""
    slugs = remembered(request, param)
    if not slugs:
        return None
    found = queryset.in_bulk(slugs, field_name="slug")
    items = [found[slug] for slug in slugs if slug in found]
    if not items:
        return None
    query = remembered_query(request, param, [item.slug for item in items])
    return Resume(noun, f"{base_url}?{query}", items)


def resume_links(request: HttpRequest, selection: Selection, kinds: list[tuple]) -> list[Resume]:
    """On a comparison page opened with nothing chosen (where the main menu's "Compare"
    goes), the remembered comparisons to go back to: `kinds` holds (param, queryset,
    base_url, noun) for each kind of comparison. One just emptied is not offered."""
    if selection.items or selection.error:
        return []
    links = []
    for param, queryset, base_url, noun in kinds:
        if param == selection.param and request.GET.get(CLEARED):
            continue
        if link := resume_link(request, param, queryset, base_url, noun):
            links.append(link)
    return links


@dataclass
class AddLink:
    """An "add to comparison" link for one item, built on the remembered selection."""

    url: str
    already: bool
    full: bool
    count: int


def add_link(request: HttpRequest, param: str, base_url: str, item: Model) -> AddLink:
    slugs = remembered(request, param)
    already = item.slug in slugs
    full = not already and len(slugs) >= MAX_ITEMS
    if not already and not full:
        slugs.append(item.slug)
    return AddLink(
        url=f"{base_url}?{remembered_query(request, param, slugs)}",
        already=already,
        full=full,
        count=len(slugs),
    )


def remembered_comparisons(request: HttpRequest, selection: Selection) -> list[Resume]:
    """Links back to the remembered ladder and role comparisons, this page's kind first."""
    kinds = [
        ("ladder", Ladder.objects.all(), reverse("ladders:compare-ladders"), "ladder"),
        ("role", Role.objects.all(), reverse("careers:compare-roles"), "role"),
    ]
    kinds.sort(key=lambda kind: kind[0] != selection.param)
    return resume_links(request, selection, kinds)


PICK_LISTED = 60  # items ticked on /compare/ itself; past that, their own lists have boxes


def choose_to_compare(request: HttpRequest) -> dict:
    """The comparison landing page: every ladder and role to tick (while there are few
    enough to list) and the remembered comparisons to go back to."""
    ladders = Ladder.objects.select_related("employer").annotate(rung_count=Count("rungs"))
    ladders = list(ladders.order_by(Lower("name"), "pk")[: PICK_LISTED + 1])
    roles = list(Role.objects.order_by(Lower("title"), "pk")[: PICK_LISTED + 1])
    return {
        "ladders": ladders[:PICK_LISTED],
        "more_ladders": len(ladders) > PICK_LISTED,
        "roles": roles[:PICK_LISTED],
        "more_roles": len(roles) > PICK_LISTED,
        "resume": remembered_comparisons(request, Selection(param="")),
        "most": MAX_ITEMS,
    }
