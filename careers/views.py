from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Q
from django.db.models.functions import Lower
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe
from django.views.decorators.vary import vary_on_headers
from django_htmx.middleware import HtmxDetails

from careers.cache import cached_page
from careers.comparison import (
    PayBasis,
    add_link,
    attach_normalised_pay,
    chart_rows,
    chooser,
    citation,
    csv_response,
    footnotes,
    group_moves,
    pay_cells,
    pay_header,
    read_selection,
    remember_selection,
    resume_links,
)
from careers.forms import RoleFilterForm
from careers.models import EducationLevel, Fact, Role, Source, SourceStatements
from ladders.models import Ladder, Promotion, Rung
from ladders.steps import describe_steps
from salaries.charts import pay_chart
from salaries.models import SalaryFigure


class HtmxHttpRequest(HttpRequest):
    htmx: HtmxDetails


def fragment(request: HtmxHttpRequest, template_name: str, partial: str) -> str:
    """The named partial for an htmx swap; the whole page otherwise (including when
    htmx restores history and needs the full page)."""
    if request.htmx and not request.htmx.history_restore_request:
        return f"{template_name}#{partial}"
    return template_name


PER_PAGE = 50


def paginate(request: HttpRequest, rows) -> tuple[dict, int]:
    """The asked-for page of rows (an ordered queryset, or anything a Paginator can slice)
    as a list page shows it (`page`, `page_links`, `page_message`), and the status to
    answer with: past the last page is a bad request (crawlers then stop), answered with
    the first page and a message saying so."""
    paginator = Paginator(rows, PER_PAGE)
    raw = request.GET.get("page", "1")
    message = ""
    try:
        page = paginator.page(raw)
    except (PageNotAnInteger, EmptyPage):
        message = f"There is no page “{raw[:20]}”; showing the first page."
        page = paginator.page(1)
    context = {"page": page, "page_links": page_links(request, page), "page_message": message}
    return context, 400 if message else 200


def page_links(request: HttpRequest, page) -> dict:
    """Query strings for the previous and next pages, keeping the filters."""
    links = {}
    for name, has, number in [
        ("previous", page.has_previous, page.number - 1),
        ("next", page.has_next, page.number + 1),
    ]:
        if has():
            params = request.GET.copy()
            params["page"] = number
            links[name] = params.urlencode()
    return links


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
        fragment(request, "careers/role_list.html", "role-results"),
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
        "careers/role_detail.html",
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


@require_safe
@cached_page
def source_list(request: HttpRequest) -> HttpResponse:
    return render(request, "careers/source_list.html", {"sources": Source.objects.with_counts()})


@require_safe
@vary_on_headers("HX-Request")
@cached_page
def source_detail(request: HtmxHttpRequest, slug: str) -> HttpResponse:
    source = get_object_or_404(Source.objects.with_counts(), slug=slug)
    statements = source.statements()
    paging, status = paginate(request, statements)
    return render(
        request,
        fragment(request, "careers/source_detail.html", "source-rows"),
        {
            "source": source,
            **SourceStatements.by_kind(paging["page"].object_list),
            **paging,
            "starts": statements.starts(PER_PAGE),
        },
        status=status,
    )


def remembered_comparisons(request: HttpRequest, selection) -> list:
    """Links back to the remembered ladder and role comparisons, this page's kind first."""
    kinds = [
        ("ladder", Ladder.objects.all(), reverse("ladders:compare-ladders"), "ladder"),
        ("role", Role.objects.all(), reverse("careers:compare-roles"), "role"),
    ]
    kinds.sort(key=lambda kind: kind[0] != selection.param)
    return resume_links(request, selection, kinds)


@require_safe
@remember_selection("role")
@vary_on_headers("HX-Request")
@cached_page
def compare_roles(request: HtmxHttpRequest) -> HttpResponse:
    selection = read_selection(request, "role", Role.objects.with_profile(), "role", "title")
    if selection.canonical:
        return redirect(f"{reverse('careers:compare-roles')}?{selection.canonical}")
    pay = PayBasis.from_request(request)
    selection.keep = {"dollars": pay.dollars_of}
    roles = selection.items
    attach_normalised_pay(roles, pay.dollars_of, pay.cpi)
    if request.GET.get("format") == "csv" and selection.ready:
        return role_csv(roles, pay.dollars_of)
    ids = [role.pk for role in roles]
    rungs = Rung.objects.filter(role_id__in=ids).select_related("ladder")
    moves = Promotion.objects.filter(from_role_id__in=ids).select_related("to_role", "ladder")
    for role in roles:
        role.compare_rungs = [rung for rung in rungs if rung.role_id == role.pk]
        role.leads_to = group_moves([move for move in moves if move.from_role_id == role.pk])
    cited = [
        row
        for role in roles
        for row in [*role.requirements.all(), *role.salary_figures.all(), *role.facts.all()]
    ]
    return render(
        request,
        fragment(request, "careers/compare_roles.html", "comparison"),
        {
            "selection": selection,
            "roles": roles,
            "chart": pay_chart(chart_rows(roles)) if selection.ready else None,
            **chooser(selection, Role.objects.all(), "title"),
            **pay.context(),
            **footnotes(cited),
            "noun": "role",
            "base_url": reverse("careers:compare-roles"),
            "resume": remembered_comparisons(request, selection),
        },
        status=400 if selection.error else 200,
    )


def role_csv(roles, dollars_of: int | None) -> HttpResponse:
    header = ["role", "attribute", "value", "source", "source_date", "year", "quote"]
    rows = []
    for role in roles:
        for figure in role.salary_figures.all():
            rows.append([role.title, "pay", *pay_cells(figure, dollars_of)])
        for req in role.requirements.all():
            rows.append([role.title, f"requirement ({req.necessity})", req.summary, *citation(req)])
        for fact in role.facts.all():
            rows.append([role.title, fact.get_kind_display().lower(), fact.text, *citation(fact)])
    return csv_response("role-comparison.csv", header + pay_header(dollars_of), rows)
