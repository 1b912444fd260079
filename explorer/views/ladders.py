"""Ladders: the list, the walk up one ladder rung by rung, the career map of every move,
and the path finder between any two roles."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from careers.models import Role
from core.cache import cached_page
from core.choosers import drop_down_choices
from core.context import parts
from core.htmx import HtmxHttpRequest, fragment
from core.pagination import paginate
from explorer.area import chosen_area
from explorer.compare.memory import add_link
from explorer.forms import PathForm
from ladders.cards import ladder_cards
from ladders.career_map import CareerMap
from ladders.models import Ladder
from ladders.paths import explore
from ladders.walk import Walk


@require_safe
@vary_on_headers("HX-Request")
@cached_page(params=["page"])
def ladder_list(request: HtmxHttpRequest) -> HttpResponse:
    paging, status = paginate(request, Ladder.objects.with_rungs().order_by("name", "pk"))
    ladder_cards(paging["page"].object_list)
    return render(
        request,
        fragment(request, "explorer/ladder_list.html", "ladder-results"),
        {"ladders": paging["page"].object_list, **paging},
        status=status,
    )


@require_safe
@vary_on_headers("HX-Request")
@cached_page(params=["at"])
def ladder_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    ladder = get_object_or_404(Ladder.objects.with_rungs(role_profiles=True), slug=slug)
    template = fragment(request, "explorer/ladder_detail.html", "walk-step")
    # Only the whole page lists the moves off the ladder; a step swaps in one rung.
    walk = Walk.at(
        ladder,
        request.GET.get("at", ""),
        with_branches="#" not in template,
        area=chosen_area(request),
    )
    compare = add_link(request, "ladder", reverse("ladders:compare-ladders"), ladder)
    return render(request, template, {**parts(walk), "compare": compare})


@require_safe
@cached_page
def career_map(request: HtmxHttpRequest) -> HttpResponse:
    return render(request, "explorer/career_map.html", parts(CareerMap.current()))


@require_safe
@vary_on_headers("HX-Request")
@cached_page(typed=[*PathForm.PUBLIC_NAMES, *PathForm.base_fields])
def path_finder(request: HtmxHttpRequest) -> HttpResponse:
    form = PathForm.from_query(request.GET)
    context = {"form": form, "choices": drop_down_choices(Role.objects.all(), "title")}
    if form.is_bound and form.is_valid():
        route = explore(
            form.cleaned_data["start"], form.cleaned_data["goal"], area=chosen_area(request)
        )
        context.update(parts(route), route=route)
    # A form error is an answer inside the form (200), so a swap never blanks the page.
    template = fragment(request, "explorer/path_finder.html", "path-result")
    return render(request, template, context)
