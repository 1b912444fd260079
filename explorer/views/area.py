"""Choosing where you are: the area whose official figures every page shows."""

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_safe

from explorer.area import area_asked, chosen_area, remember
from salaries.areas import area_groups, find_area


def safe_next(request: HttpRequest) -> str:
    """Where to go back to: a page of this site, else the role list."""
    target = request.GET.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}
    ):
        return target
    return reverse("careers:role-list")


@require_safe
def choose_area(request: HttpRequest) -> HttpResponse:
    """A state (or the nation) from a drop-down, or a metropolitan or nonmetropolitan
    area by typed name (the browser suggests names as you type; a name that matches
    several areas lists them). Works without JavaScript: every choice is a GET."""
    back = safe_next(request)
    for param in ("area", "state"):
        if param in request.GET:
            return remember(HttpResponseRedirect(back), area_asked(request.GET[param]))
    typed = request.GET.get("place", "")
    found, suggestions = find_area(typed) if typed.strip() else (None, [])
    if found is not None:
        return remember(HttpResponseRedirect(back), found)
    context = {
        "groups": area_groups(),
        "current": chosen_area(request),
        "next": back,
        "typed": typed[:100],
        "suggestions": suggestions,
        "no_match": bool(typed.strip()) and not suggestions,
        # The place form sent with nothing typed: say so, rather than nothing at all.
        "empty": "place" in request.GET and not typed.strip(),
    }
    return render(request, "explorer/area_chooser.html", context)
