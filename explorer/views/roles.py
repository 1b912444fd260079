"""The role list with its filters, and each role's profile."""

from django.db.models import Q
from django.db.models.functions import Lower
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers

from careers.models import EducationLevel, Fact, Role
from core.cache import cached_page
from core.htmx import HtmxHttpRequest, fragment
from core.pagination import paginate
from explorer.compare.memory import add_link
from explorer.forms import RoleFilterForm
from ladders.models import Promotion, Rung
from ladders.steps import describe_steps
from salaries.models import SalaryFigure


@require_safe
@vary_on_headers("HX-Request")
@cached_page
def role_list(request: HtmxHttpRequest) -> HttpResponse:
    form = RoleFilterForm(request.GET or None)
    roles = Role.objects.with_profile()
    if form.is_bound:
        form.is_valid()  # invalid fields are shown as errors and left out
        roles = form.filter(roles)
    # Explicit: Meta.ordering does not apply once a filter groups rows to annotate them.
    paging, status = paginate(request, roles.order_by(Lower("title"), "pk"))
    filters = form.describe() if form.is_bound else []
    widen = []
    for name, words in filters:
        params = request.GET.copy()
        params.pop(name, None)
        if name == "min_pay":
            params.pop("pay_period", None)
        widen.append((words, params.urlencode()))
    return render(
        request,
        fragment(request, "explorer/role_list.html", "role-results"),
        {
            "form": form,
            "roles": paging["page"].object_list,
            **paging,
            "filters": filters,
            "widen": widen,
            "total_roles": Role.objects.count(),
            "field_figures": SalaryFigure.objects.filter(role=None).select_related("source"),
        },
        status=status,
    )


@require_safe
@cached_page
def role_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    role = get_object_or_404(Role.objects.with_profile(), slug=slug)
    rungs = Rung.objects.filter(role=role).select_related("ladder__source", "ladder__employer")
    steps = describe_steps(
        Promotion.objects.select_related("ladder", "source").filter(
            Q(from_role=role) | Q(to_role=role)
        )
    )
    fact_groups = [
        (heading, facts)
        for kind, heading in Fact.SECTION_HEADINGS.items()
        if (facts := role.facts_of_kind(kind))
    ]
    return render(
        request,
        "explorer/role_detail.html",
        {
            "role": role,
            "rungs": rungs,
            "next_steps": [step for step in steps if step.from_role.pk == role.pk],
            "comes_from": [step for step in steps if step.to_role.pk == role.pk],
            "fact_groups": fact_groups,
            "education_labels": [EducationLevel(level).label for level in role.education_levels()],
            "statement_sources": len(role.source_ids()),
            "compare": add_link(request, "role", reverse("careers:compare-roles"), role),
        },
    )
