"""Where the jobs are, for each role (BLS's estimates by state and area), and the articles'
testable claims beside today's official figures."""

from urllib.parse import urlencode

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from careers.models import Role
from core.cache import cached_page
from core.middleware import ShownBadRequest
from explorer.area import chosen_area
from salaries import geography
from salaries.checks import articles_checked as checked_claims
from salaries.where import (
    DEFAULT_MEASURE,
    DEFAULT_SORT,
    MAP_MEASURES,
    SORTS,
    UnknownChoice,
    where_jobs,
)


def query(**params: str) -> str:
    """`?a=b&…` of the non-default params, for links that keep the reader's choices."""
    kept = {
        name: value
        for name, value in params.items()
        if value and value != {"measure": DEFAULT_MEASURE, "sort": DEFAULT_SORT}.get(name)
    }
    return f"?{urlencode(kept)}" if kept else "?"


@require_safe
@cached_page(params=["measure", "sort", "all"])
def role_jobs(request: HttpRequest, slug: str) -> HttpResponse:
    role = get_object_or_404(
        Role.objects.select_related("occupation_mapping__occupation"), slug=slug
    )
    measure = request.GET.get("measure", DEFAULT_MEASURE)
    sort = request.GET.get("sort", DEFAULT_SORT)
    everything = request.GET.get("all", "")
    if everything not in ("", "0", "1"):
        raise ShownBadRequest("“all” is 1 (every area) or 0 (the first 50).")
    try:
        found = where_jobs(role, chosen_area(request), measure, sort, everything == "1")
    except UnknownChoice as error:
        raise ShownBadRequest(str(error)) from error
    shown_all = "1" if found.show_all else ""
    context = {
        "found": found,
        "role": role,
        "measures": [(name, label, name == measure) for name, (label, _) in MAP_MEASURES.items()],
        "sort_links": {
            name: query(measure=measure, sort=name, all=shown_all) + "#areas" for name in SORTS
        },
        "all_link": query(measure=measure, sort=sort, all="1") + "#areas",
        "fewer_link": query(measure=measure, sort=sort) + "#areas",
        "width": geography.WIDTH,
        "height": geography.HEIGHT,
        "tile_size": geography.TILE,
    }
    return render(request, "explorer/role_jobs.html", context)


@require_safe
@cached_page
def articles_checked(request: HttpRequest) -> HttpResponse:
    return render(request, "explorer/articles_checked.html", {"checks": checked_claims()})
