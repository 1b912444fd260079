from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from careers.models import EducationLevel, Fact, Role
from ladders.models import Promotion, Rung
from salaries.models import SalaryFigure


@require_GET
def role_list(request: HttpRequest) -> HttpResponse:
    roles = Role.objects.with_profile()
    field_figures = SalaryFigure.objects.filter(role=None).select_related("source")
    return render(
        request,
        "careers/role_list.html",
        {"roles": roles, "field_figures": field_figures},
    )


@require_GET
def role_detail(request: HttpRequest, slug: str) -> HttpResponse:
    role = get_object_or_404(Role.objects.with_profile(), slug=slug)
    rungs = Rung.objects.filter(role=role).select_related("ladder__source", "ladder__employer")
    moves = Promotion.objects.select_related("ladder", "source", "from_role", "to_role")
    fact_groups = [
        (heading, facts)
        for kind, heading in Fact.SECTION_HEADINGS.items()
        if (facts := role.facts_of_kind(kind))
    ]
    return render(
        request,
        "careers/role_detail.html",
        {
            "role": role,
            "rungs": rungs,
            "moves_out": moves.filter(from_role=role),
            "moves_in": moves.filter(to_role=role),
            "fact_groups": fact_groups,
            "education_labels": [EducationLevel(level).label for level in role.education_levels()],
            "statement_sources": len(role.source_ids()),
        },
    )
