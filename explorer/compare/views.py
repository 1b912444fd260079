"""The counsellor's workbench: two to four roles or ladders side by side, as a page, a
printout (the print stylesheet) or a CSV, remembered in a cookie between pages."""

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from careers.models import Role
from core.cache import cached_page
from core.htmx import HtmxHttpRequest, fragment
from explorer.area import chosen_area
from explorer.compare.export import ladder_csv, role_csv
from explorer.compare.memory import choose_to_compare, remember_selection
from explorer.compare.pay import PayBasis, attach_normalised_pay
from explorer.compare.selection import CLEARED, read_selection
from explorer.compare.tables import attach_role_ladders, ladder_rows, workbench_context
from ladders.comparison import build_columns
from ladders.models import Ladder
from ladders.today import attach_to_roles

# What a comparison reads beside its items: the dollars year, "the last one was just
# removed", and the CSV download.
PARAMS = ["dollars", CLEARED, "format"]


@require_safe
def compare_home(request: HtmxHttpRequest) -> HttpResponse:
    """Where the main menu's "Compare" goes: tick ladders or roles to compare, or resume
    the comparison remembered in the cookie. Not cached: the resume links are the
    visitor's own."""
    return render(request, "explorer/compare/compare_home.html", choose_to_compare(request))


@require_safe
@remember_selection("role")
@vary_on_headers("HX-Request")
@cached_page(params=["role", *PARAMS])
def compare_roles(request: HtmxHttpRequest) -> HttpResponse:
    base_url = reverse("careers:compare-roles")
    selection = read_selection(request, "role", Role.objects.with_profile(), "role", "title")
    if selection.canonical:
        return redirect(f"{base_url}?{selection.canonical}")
    pay = PayBasis.from_request(request)
    selection.keep = {"dollars": pay.dollars_of}
    roles = selection.items
    attach_normalised_pay(roles, pay.dollars_of, pay.cpi)
    attach_role_ladders(roles)
    area = chosen_area(request)
    attach_to_roles(roles, area)
    if request.GET.get("format") == "csv" and selection.ready:
        return role_csv(roles, pay.dollars_of)
    cited = [row for role in roles for row in role.cited_rows()]
    context = workbench_context(
        request,
        selection,
        pay,
        noun="role",
        everything=Role.objects.all(),
        name_field="title",
        base_url=base_url,
        roles=roles,
        cited=cited,
        area=area,
    )
    template = fragment(request, "explorer/compare/compare_roles.html", "comparison")
    return render(
        request, template, {**context, "roles": roles}, status=400 if selection.error else 200
    )


@require_safe
@remember_selection("ladder")
@vary_on_headers("HX-Request")
@cached_page(params=["ladder", *PARAMS])
def compare_ladders(request: HtmxHttpRequest) -> HttpResponse:
    base_url = reverse("ladders:compare-ladders")
    ladders = Ladder.objects.select_related("source", "employer")
    selection = read_selection(request, "ladder", ladders, "ladder", "name")
    if selection.canonical:
        return redirect(f"{base_url}?{selection.canonical}")
    pay = PayBasis.from_request(request)
    selection.keep = {"dollars": pay.dollars_of}
    area = chosen_area(request)
    columns = build_columns(selection.items, area) if selection.items else []
    roles = [cell.role for column in columns for cell in column.cells]
    attach_normalised_pay(roles, pay.dollars_of, pay.cpi)
    if request.GET.get("format") == "csv" and selection.ready:
        return ladder_csv(columns, pay.dollars_of)
    cited = [row for role in roles for row in role.cited_rows(facts=False)]
    context = workbench_context(
        request,
        selection,
        pay,
        noun="ladder",
        everything=Ladder.objects.all(),
        name_field="name",
        base_url=base_url,
        roles=roles,
        cited=[*cited, *(column.ladder for column in columns)],
        area=area,
    )
    template = fragment(request, "explorer/compare/compare_ladders.html", "comparison")
    return render(
        request,
        template,
        {**context, "columns": columns, "rows": ladder_rows(columns)},
        status=400 if selection.error else 200,
    )
