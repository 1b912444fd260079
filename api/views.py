"""A read-only JSON API over roles, ladders, salary figures and sources, described by
the OpenAPI 3.1 document at /api/openapi.json."""

from __future__ import annotations

import re
from functools import wraps

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt

from api.errors import SAFE_METHODS, api_error
from api.openapi import openapi_document
from api.serializers import (
    area_data,
    estimate_data,
    fact_data,
    ladder_data,
    promotion_data,
    requirement_data,
    role_item,
    salary_data,
    source_data,
)
from careers.models import Role, Source
from careers.sources import SOURCED_KINDS
from core.cache import cached_page
from ladders.models import Ladder, Promotion, Rung
from salaries.areas import CODE as AREA_CODE
from salaries.areas import area_named, known_areas, national
from salaries.models import SalaryFigure
from salaries.official import Area, Industry, Occupation, WageEstimate
from salaries.today import pay_today

PAGE_SIZE = 100
OCCUPATION_CODE = re.compile(r"^\d{2}-\d{4}$")
INDUSTRY_CODE = re.compile(r"^\d{6}$")


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


def paginated(
    request: HttpRequest, key: str, queryset, serialise, *, whole_page: bool = False
) -> JsonResponse:
    """One page of a listing, with links to the neighbouring pages; `serialise` writes one
    item, or with `whole_page` the page's list of items at once."""
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
        # The other parameters (a listing's filters) are kept, the page number last.
        params = request.GET.copy()
        params.pop("page", None)
        params["page"] = number
        return f"{request.path}?{params.urlencode()}"

    return JsonResponse(
        {
            "count": paginator.count,
            "next": link(page.next_page_number()) if page.has_next() else None,
            "previous": link(page.previous_page_number()) if page.has_previous() else None,
            key: (
                serialise(list(page.object_list))
                if whole_page
                else [serialise(item) for item in page.object_list]
            ),
        }
    )


def not_found(what: str, slug: str) -> JsonResponse:
    return JsonResponse({"error": f"No {what} with the slug “{slug[:100]}”."}, status=404)


class Refused(Exception):
    """A parameter the API cannot answer for: its JSON error, raised where it is read."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.response = api_error(status, message)


def refusing(view):
    @wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs):
        try:
            return view(request, *args, **kwargs)
        except Refused as refused:
            return refused.response

    return wrapper


def area_param(request: HttpRequest, *, default_national: bool = True) -> Area | None:
    """The area `?area=<code>` names (the nation when absent, or None with
    default_national off): a code written as BLS writes them that names no area is a 404
    (as an unknown slug is), anything else a 400."""
    raw = request.GET.get("area", "")
    if not raw:
        return national() if default_national else None
    area = area_named(raw)
    if area is None:
        if AREA_CODE.fullmatch(raw):
            raise Refused(404, f"No area with the code “{raw}”: the areas are at /api/areas/.")
        raise Refused(400, f"“{raw[:20]}” is not an area code BLS uses: see /api/areas/.")
    return area


@read_only
@cached_page(params=["page", "area"])
@refusing
def role_list(request: HttpRequest) -> JsonResponse:
    area = area_param(request)
    roles = Role.objects.order_by("pk")

    def serialise(page_of_roles):
        found = pay_today(page_of_roles, area)  # two queries for the whole page
        return [role_item(role, found[role.pk]) for role in page_of_roles]

    return paginated(request, "roles", roles, serialise, whole_page=True)


@read_only
@cached_page(params=["area"])
@refusing
def role_detail(request: HttpRequest, slug: str) -> JsonResponse:
    role = Role.objects.with_profile().filter(slug=slug).first()
    if role is None:
        return not_found("role", slug)
    area = area_param(request)
    rungs = Rung.objects.filter(role=role).select_related("ladder")
    moves = Promotion.objects.filter(from_role=role).select_related(
        "ladder", "from_role", "to_role", "source"
    )
    return JsonResponse(
        {
            **role_item(role, pay_today([role], area)[role.pk]),
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
@cached_page(params=["page"])
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
@cached_page(params=["page"])
def salary_list(request: HttpRequest) -> JsonResponse:
    figures = SalaryFigure.objects.select_related("role", "source").order_by("pk")
    return paginated(request, "salary_figures", figures, salary_data)


@read_only
@cached_page(params=["page"])
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
@cached_page(params=["page", "kind"])
def area_list(request: HttpRequest) -> JsonResponse:
    kind = request.GET.get("kind", "")
    if kind and kind not in Area.Kind.values:
        kinds = ", ".join(Area.Kind.values)
        return api_error(400, f"“{kind[:20]}” is not a kind of area; the kinds are {kinds}.")
    areas = sorted(known_areas().values(), key=lambda area: area.code)  # no query once known
    if kind:
        areas = [area for area in areas if area.kind == kind]
    return paginated(request, "areas", areas, area_data)


@read_only
@cached_page
def area_detail(request: HttpRequest, code: str) -> JsonResponse:
    area = area_named(code)
    if area is None:
        return JsonResponse({"error": f"No area with the code “{code[:20]}”."}, status=404)
    return JsonResponse(area_data(area))


def _code(request: HttpRequest, name: str, pattern: re.Pattern, example: str) -> str:
    raw = request.GET.get(name, "")
    if raw and not pattern.fullmatch(raw):
        raise Refused(400, f"“{raw[:20]}” is not written as BLS writes {name} codes: “{example}”.")
    return raw


@read_only
@cached_page(params=["page", "occupation", "area", "role", "industry"])
@refusing
def wage_list(request: HttpRequest) -> JsonResponse:
    """BLS's estimates, every release, filtered by occupation and/or a role's occupation,
    area and industry."""
    occupation = _code(request, "occupation", OCCUPATION_CODE, "43-4051")
    industry = _code(request, "industry", INDUSTRY_CODE, "000000")
    slug = request.GET.get("role", "")
    if slug:
        role = Role.objects.filter(slug=slug).select_related("occupation_mapping").first()
        mapping = getattr(role, "occupation_mapping", None) if role else None
        if role is None:
            raise Refused(404, f"No role with the slug “{slug[:100]}”.")
        if mapping is None or mapping.occupation_id is None:
            why = mapping.reason if mapping else "none has been chosen yet."
            raise Refused(404, f"No federal occupation speaks for this role: {why}")
        if occupation and occupation != mapping.occupation_id:
            # Both given: the filters combine, and no estimate is of two occupations.
            return paginated(request, "wage_estimates", WageEstimate.objects.none(), estimate_data)
        occupation = mapping.occupation_id
    if occupation and not Occupation.objects.filter(code=occupation).exists():
        raise Refused(404, f"No occupation with the code “{occupation}” in BLS's estimates.")
    if industry and not Industry.objects.filter(code=industry).exists():
        raise Refused(404, f"No industry with the code “{industry}” in BLS's estimates.")
    area = area_param(request, default_national=False)
    estimates = WageEstimate.objects.select_related("occupation", "area", "release__source")
    if occupation:
        estimates = estimates.filter(occupation=occupation)
    if area is not None:
        estimates = estimates.filter(area=area)
    if industry:
        estimates = estimates.filter(industry=industry)
    estimates = estimates.order_by("-release__published_on", "occupation", "area", "industry")
    return paginated(request, "wage_estimates", estimates, estimate_data)


@read_only
def index(request: HttpRequest) -> JsonResponse:
    listings = {
        "roles": "api:role-list",
        "areas": "api:area-list",
        "wages": "api:wage-list",
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
