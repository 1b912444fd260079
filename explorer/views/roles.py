"""The role list with its filters, and each role's profile."""

from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from careers.models import Role
from core.cache import cached_page
from core.context import parts
from core.htmx import HtmxHttpRequest, fragment
from core.pagination import paginate
from explorer.area import chosen_area
from explorer.compare.memory import add_link
from explorer.forms import RoleFilterForm
from ladders.profiles import RoleProfile
from salaries.models import CpiYear, SalaryFigure
from salaries.today import pay_today


@require_safe
@vary_on_headers("HX-Request")
@cached_page(params=[*RoleFilterForm.base_fields, "page"], typed=RoleFilterForm.TYPED)
def role_list(request: HtmxHttpRequest) -> HttpResponse:
    cpi = CpiYear.objects.as_table()  # one read, for the pay filter and today's dollars
    area = chosen_area(request)
    form = RoleFilterForm(request.GET or None, cpi=cpi, area=area)
    paging, status = paginate(request, form.results())
    roles = paging["page"].object_list
    context = {
        "form": form,
        "roles": roles,
        "today": pay_today(roles, area),  # two queries, whatever the page's size
        **paging,
        "filters": form.describe() if form.is_bound else [],
        "widen": form.widen_links(request.GET) if form.is_bound else [],
        "ruled_out": form.ruled_out() if form.is_bound else None,
        "total_roles": Role.objects.count(),
        "field_figures": SalaryFigure.objects.filter(role=None).select_related("source"),
        "cpi_table": cpi,
    }
    template = fragment(request, "explorer/role_list.html", "role-results")
    return render(request, template, context, status=status)


@require_safe
@cached_page
def role_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    role = get_object_or_404(Role.objects.with_profile(), slug=slug)
    compare = add_link(request, "role", reverse("careers:compare-roles"), role)
    return render(
        request,
        "explorer/role_detail.html",
        {**parts(RoleProfile.of(role, chosen_area(request))), "compare": compare},
    )
