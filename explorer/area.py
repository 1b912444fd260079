"""Where a person is: the BLS area whose official figures the pages show, remembered in a
small cookie (the area's code, nothing else). A link may carry `?area=<code>`: the area is
remembered and the page is sent again without it, so each page keeps one address."""

from __future__ import annotations

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect

from core.middleware import ShownBadRequest
from salaries.areas import area_named, national
from salaries.official import NATIONAL, Area

COOKIE = "area"
PARAM = "area"
COOKIE_AGE = 365 * 24 * 60 * 60
# The pages that show the chosen area (the public pages' namespaces); the API takes an
# area as a parameter of its own and the admin none.
PUBLIC_NAMESPACES = {"careers", "ladders"}


def remembered_code(request: HttpRequest) -> str:
    """The remembered area's code if it is a known area (and not the nation), else "". The
    page cache keys on this, never on the raw cookie."""
    area = area_named(request.COOKIES.get(COOKIE))
    return area.code if area is not None and area.code != NATIONAL else ""


def chosen_area(request: HttpRequest) -> Area | None:
    """The area the pages use: the remembered one, else the nation (None only before the
    official figures are loaded)."""
    return area_named(remembered_code(request)) or national()


def remember(response: HttpResponse, area: Area | None) -> HttpResponse:
    if area is None or area.code == NATIONAL:
        response.delete_cookie(COOKIE, samesite="Lax")
    else:
        response.set_cookie(COOKIE, area.code, max_age=COOKIE_AGE, samesite="Lax", httponly=True)
    return response


def area_asked(value: str) -> Area | None:
    """The area a link or form names by code ("" or "national" is the nation); an unknown
    one is a 400 with words saying so."""
    if value in ("", "national"):
        return national()
    area = area_named(value)
    if area is None:
        raise ShownBadRequest(
            "There is no area with that code. Choose one on the “Where you are” page."
        )
    return area


class AreaLinkMiddleware:
    """`?area=<code>` on a public page: remember it and send the page again without it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        match = request.resolver_match
        if PARAM not in request.GET or match is None or match.namespace not in PUBLIC_NAMESPACES:
            return None
        if match.url_name == "choose-area" or request.method not in ("GET", "HEAD"):
            return None
        area = area_asked(request.GET[PARAM])
        rest = [(name, value) for name, value in request.GET.lists() if name != PARAM]
        query = urlencode(rest, doseq=True)
        return remember(HttpResponseRedirect(request.path + (f"?{query}" if query else "")), area)
