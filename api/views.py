"""A read-only JSON API over roles, ladders, salary figures and sources, described by
the OpenAPI 3.1 document at /api/openapi.json."""

from __future__ import annotations

from functools import wraps

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from api.errors import SAFE_METHODS, api_error
from api.openapi import openapi_document
from api.serializers import (
    fact_data,
    ladder_data,
    promotion_data,
    requirement_data,
    role_summary,
    salary_data,
    source_data,
)
from careers.models import Role, Source
from careers.sources import SOURCED_KINDS
from core.cache import cached_page
from ladders.models import Ladder, Promotion, Rung
from salaries.models import SalaryFigure

PAGE_SIZE = 100


def read_only(view):
    """GET and HEAD only, and any other method a JSON 405 naming them (before the CSRF
    check, which would answer a POST with a 403 page: nothing here changes anything)."""

    @csrf_exempt
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        if request.method not in SAFE_METHODS:
            response = api_error(405, f"{request.method[:20]} is not allowed here: use GET.")
            response["Allow"] = ", ".join(SAFE_METHODS)
            return response
        return view(request, *args, **kwargs)

    return wrapper


def paginated(request: HttpRequest, key: str, queryset, serialise) -> JsonResponse:
    """One page of a listing, with links to the neighbouring pages."""
    paginator = Paginator(queryset, PAGE_SIZE)
    raw = request.GET.get("page", "1")
    try:
        page = paginator.page(raw)
    except PageNotAnInteger:
        message = f"“{raw[:20]}” is not a page number; pages run from 1 to {paginator.num_pages}."
        return JsonResponse({"error": message}, status=400)
    except EmptyPage:
        # A whole number the document allows (page ≥ 1) that names no page: not found, as
        # for a slug; below 1 the request itself is wrong.
        message = f"There is no page “{raw[:20]}”; pages run from 1 to {paginator.num_pages}."
        return JsonResponse({"error": message}, status=400 if int(raw) < 1 else 404)

    def link(number: int) -> str:
        return f"{request.path}?page={number}"

    return JsonResponse(
        {
            "count": paginator.count,
            "next": link(page.next_page_number()) if page.has_next() else None,
            "previous": link(page.previous_page_number()) if page.has_previous() else None,
            key: [serialise(item) for item in page.object_list],
        }
    )


def not_found(what: str, slug: str) -> JsonResponse:
    return JsonResponse({"error": f"No {what} with the slug “{slug[:100]}”."}, status=404)


@read_only
@cached_page
def role_list(request: HttpRequest) -> JsonResponse:
    return paginated(request, "roles", Role.objects.order_by("pk"), role_summary)


@read_only
@cached_page
def role_detail(request: HttpRequest, slug: str) -> JsonResponse:
    role = Role.objects.with_profile().filter(slug=slug).first()
    if role is None:
        return not_found("role", slug)
    rungs = Rung.objects.filter(role=role).select_related("ladder")
    moves = Promotion.objects.filter(from_role=role).select_related(
        "ladder", "from_role", "to_role", "source"
    )
    return JsonResponse(
        {
            **role_summary(role),
            "other_titles": [fact.text for fact in role.other_titles],
            "requirements": [requirement_data(req) for req in role.requirements.all()],
            "salary_figures": [salary_data(figure) for figure in role.salary_figures.all()],
            "facts": [fact_data(fact) for fact in role.facts.all()],
            "ladders": [{"ladder": r.ladder.slug, "position": r.position} for r in rungs],
            "moves_out": [promotion_data(move) for move in moves],
        }
    )


def _ladders():
    return Ladder.objects.select_related("employer", "source").prefetch_related("rungs__role")


@read_only
@cached_page
def ladder_list(request: HttpRequest) -> JsonResponse:
    return paginated(
        request,
        "ladders",
        _ladders().order_by("pk"),
        lambda ladder: ladder_data(ladder, list(ladder.rungs.all())),
    )


@read_only
@cached_page
def ladder_detail(request: HttpRequest, slug: str) -> JsonResponse:
    ladder = _ladders().filter(slug=slug).first()
    if ladder is None:
        return not_found("ladder", slug)
    moves = ladder.promotions.select_related("ladder", "from_role", "to_role", "source")
    return JsonResponse(
        {
            **ladder_data(ladder, list(ladder.rungs.all())),
            "promotions": [promotion_data(move) for move in moves],
        }
    )


@read_only
@cached_page
def salary_list(request: HttpRequest) -> JsonResponse:
    figures = SalaryFigure.objects.select_related("role", "source").order_by("pk")
    return paginated(request, "salary_figures", figures, salary_data)


@read_only
@cached_page
def source_list(request: HttpRequest) -> JsonResponse:
    return paginated(request, "sources", Source.objects.order_by("pk"), source_data)


@read_only
@cached_page
def source_detail(request: HttpRequest, slug: str) -> JsonResponse:
    source = Source.objects.with_counts().filter(slug=slug).first()
    if source is None:
        return not_found("source", slug)
    return JsonResponse(
        {
            **source_data(source),
            "counts": {kind.name: getattr(source, f"{kind.name}_count") for kind in SOURCED_KINDS},
        }
    )


@read_only
def index(request: HttpRequest) -> JsonResponse:
    listings = {
        "roles": "api:role-list",
        "ladders": "api:ladder-list",
        "salaries": "api:salary-list",
        "sources": "api:source-list",
    }
    return JsonResponse(
        {
            "openapi": request.build_absolute_uri(reverse("api:openapi")),
            "endpoints": {
                name: request.build_absolute_uri(reverse(url_name))
                for name, url_name in listings.items()
            },
        }
    )


@read_only
@cached_page
def openapi(request: HttpRequest) -> JsonResponse:
    return JsonResponse(openapi_document(PAGE_SIZE))
