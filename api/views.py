"""A read-only JSON API over roles, ladders, salary figures and sources, described by
the OpenAPI 3.1 document at /api/openapi.json."""

from __future__ import annotations

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import HttpRequest, JsonResponse
from django.urls import reverse
from django.views.decorators.http import require_safe

from api.serializers import (
    fact_data,
    ladder_data,
    promotion_data,
    requirement_data,
    role_summary,
    salary_data,
    source_data,
)
from careers.models import SOURCED_KINDS, Role, Source
from core.cache import cached_page
from ladders.models import Ladder, Promotion, Rung
from salaries.models import SalaryFigure

PAGE_SIZE = 100


def paginated(request: HttpRequest, key: str, queryset, serialise) -> JsonResponse:
    """One page of a listing, with links to the neighbouring pages."""
    paginator = Paginator(queryset, PAGE_SIZE)
    raw = request.GET.get("page", "1")
    try:
        page = paginator.page(raw)
    except (PageNotAnInteger, EmptyPage):
        message = f"There is no page “{raw[:20]}”; pages run from 1 to {paginator.num_pages}."
        return JsonResponse({"error": message}, status=400)

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


@require_safe
@cached_page
def role_list(request: HttpRequest) -> JsonResponse:
    return paginated(request, "roles", Role.objects.order_by("pk"), role_summary)


@require_safe
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


@require_safe
@cached_page
def ladder_list(request: HttpRequest) -> JsonResponse:
    return paginated(
        request,
        "ladders",
        _ladders().order_by("pk"),
        lambda ladder: ladder_data(ladder, list(ladder.rungs.all())),
    )


@require_safe
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


@require_safe
@cached_page
def salary_list(request: HttpRequest) -> JsonResponse:
    figures = SalaryFigure.objects.select_related("role", "source").order_by("pk")
    return paginated(request, "salary_figures", figures, salary_data)


@require_safe
@cached_page
def source_list(request: HttpRequest) -> JsonResponse:
    return paginated(request, "sources", Source.objects.order_by("pk"), source_data)


@require_safe
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


# ---- the OpenAPI document ---------------------------------------------------

NULLABLE_STRING = {"type": ["string", "null"]}
NULLABLE_NUMBER = {"type": ["number", "null"]}
NULLABLE_INTEGER = {"type": ["integer", "null"]}
CITED = {
    "source": {"type": "string", "description": "Slug of the source article."},
    "quote": {"type": "string", "description": "The exact sentence the row is drawn from."},
}


def _object(properties: dict, description: str = "") -> dict:
    schema = {
        "type": "object",
        "properties": properties,
        "required": list(properties),
        "additionalProperties": False,
    }
    if description:
        schema["description"] = description
    return schema


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _array(name: str) -> dict:
    return {"type": "array", "items": _ref(name)}


SCHEMAS = {
    "Source": _object(
        {
            "slug": {"type": "string"},
            "title": {"type": "string"},
            "title_is_descriptive": {"type": "boolean"},
            "publisher": {"type": "string"},
            "published_on": {**NULLABLE_STRING, "format": "date"},
            "seed_file": {"type": "string"},
            "url": {"type": "string"},
        },
        "One article; published_on is null when the article gives no date.",
    ),
    "SalaryFigure": _object(
        {
            "role": NULLABLE_STRING,
            "as_stated": {"type": "string"},
            "low": NULLABLE_NUMBER,
            "high": NULLABLE_NUMBER,
            "high_can_be_exceeded": {"type": "boolean"},
            "approximate": {"type": "boolean"},
            "period": {"type": "string", "enum": ["hour", "year"]},
            "currency": {"type": "string"},
            "year": NULLABLE_INTEGER,
            "kind": {
                "type": "string",
                "enum": ["range", "average_range", "starting", "entry_level"],
            },
            "cited_authority": {"type": "string"},
            "yearly_low": NULLABLE_NUMBER,
            "yearly_high": NULLABLE_NUMBER,
            **CITED,
        },
        "Pay as a source states it; yearly_* count hourly figures at 2,080 hours a year.",
    ),
    "Requirement": _object(
        {
            "summary": {"type": "string"},
            "necessity": {
                "type": "string",
                "enum": ["required", "preferred", "helpful", "optional", "common"],
            },
            "scope": {"type": "string"},
            "education": NULLABLE_STRING,
            "education_level": {**NULLABLE_INTEGER, "minimum": 0, "maximum": 5},
            "education_field": {"type": "string"},
            "experience_min_years": NULLABLE_NUMBER,
            "experience_max_years": NULLABLE_NUMBER,
            "experience_field": {"type": "string"},
            "certification": {"type": "string"},
            "experience_may_substitute": {"type": "boolean"},
            **CITED,
        }
    ),
    "Fact": _object(
        {
            "kind": {"type": "string"},
            "text": {"type": "string"},
            "value_low": NULLABLE_NUMBER,
            "value_high": NULLABLE_NUMBER,
            "unit": {"type": "string"},
            **CITED,
        }
    ),
    "Promotion": _object(
        {
            "ladder": {"type": "string"},
            "from_role": {"type": "string"},
            "to_role": {"type": "string"},
            "direction": {"type": "string", "enum": ["up", "sideways"]},
            "order_is_stated": {"type": "boolean"},
            "months_min": NULLABLE_INTEGER,
            "months_max": NULLABLE_INTEGER,
            **CITED,
        }
    ),
    "RoleSummary": _object(
        {
            "slug": {"type": "string"},
            "title": {"type": "string"},
            "url": {"type": "string"},
            "api_url": {"type": "string"},
        }
    ),
    "Ladder": _object(
        {
            "slug": {"type": "string"},
            "name": {"type": "string"},
            "employer": NULLABLE_STRING,
            "order_is_stated": {"type": "boolean"},
            "url": {"type": "string"},
            "api_url": {"type": "string"},
            "rungs": {
                "type": "array",
                "items": _object({"position": {"type": "integer"}, "role": {"type": "string"}}),
            },
            **CITED,
        }
    ),
    "Error": _object({"error": {"type": "string"}}),
}
SCHEMAS["Role"] = _object(
    {
        **SCHEMAS["RoleSummary"]["properties"],
        "other_titles": {"type": "array", "items": {"type": "string"}},
        "requirements": _array("Requirement"),
        "salary_figures": _array("SalaryFigure"),
        "facts": _array("Fact"),
        "ladders": {
            "type": "array",
            "items": _object({"ladder": {"type": "string"}, "position": {"type": "integer"}}),
        },
        "moves_out": _array("Promotion"),
    }
)
SCHEMAS["LadderDetail"] = _object(
    {**SCHEMAS["Ladder"]["properties"], "promotions": _array("Promotion")}
)
SCHEMAS["SourceDetail"] = _object(
    {
        **SCHEMAS["Source"]["properties"],
        "counts": _object(
            {name: {"type": "integer"} for name in [kind.name for kind in SOURCED_KINDS]}
        ),
    }
)


def _list_of(key: str, item: str) -> dict:
    page_link = {"type": ["string", "null"], "description": "URL of the neighbouring page."}
    return _object(
        {
            "count": {"type": "integer", "description": "Items in all pages."},
            "next": page_link,
            "previous": page_link,
            key: _array(item),
        },
        f"One page of at most {PAGE_SIZE} items.",
    )


def _operation(summary: str, schema: dict, *, with_slug: bool = False) -> dict:
    responses = {"200": {"description": "OK", "content": {"application/json": {"schema": schema}}}}
    operation = {"summary": summary, "responses": responses}
    if not with_slug:
        operation["parameters"] = [
            {"name": "page", "in": "query", "required": False, "schema": {"type": "integer"}}
        ]
        responses["400"] = {
            "description": "No such page",
            "content": {"application/json": {"schema": _ref("Error")}},
        }
    if with_slug:
        operation["parameters"] = [
            {"name": "slug", "in": "path", "required": True, "schema": {"type": "string"}}
        ]
        responses["404"] = {
            "description": "No such item",
            "content": {"application/json": {"schema": _ref("Error")}},
        }
    return {"get": operation}


INDEX_SCHEMA = _object(
    {
        "openapi": {"type": "string", "description": "URL of this API's OpenAPI document."},
        "endpoints": {
            "type": "object",
            "description": "Each listing by name, with its URL.",
            "additionalProperties": {"type": "string"},
        },
    },
    "Where to start: the listings and the document that describes them.",
)

PATHS = {
    "/api/": {
        "get": {
            "summary": "The API's listings",
            "responses": {
                "200": {
                    "description": "OK",
                    "content": {"application/json": {"schema": INDEX_SCHEMA}},
                }
            },
        }
    },
    "/api/roles/": _operation("Every role", _list_of("roles", "RoleSummary")),
    "/api/roles/{slug}/": _operation(
        "One role, with every sourced row", _ref("Role"), with_slug=True
    ),
    "/api/ladders/": _operation("Every ladder with its rungs", _list_of("ladders", "Ladder")),
    "/api/ladders/{slug}/": _operation(
        "One ladder with its promotions", _ref("LadderDetail"), with_slug=True
    ),
    "/api/salaries/": _operation("Every salary figure", _list_of("salary_figures", "SalaryFigure")),
    "/api/sources/": _operation("Every source article", _list_of("sources", "Source")),
    "/api/sources/{slug}/": _operation(
        "One source and how many rows it supports", _ref("SourceDetail"), with_slug=True
    ),
}


def openapi_document() -> dict:
    return {
        "openapi": "3.1.0",
        "info": {
            "title": "Career Ladder Explorer API",
            "version": "1.0.0",
            "description": (
                "Read-only data on customer-service and call-center careers. Every row names "
                "its source article and quotes the sentence it is drawn from."
            ),
        },
        "paths": PATHS,
        "components": {"schemas": SCHEMAS},
    }


@require_safe
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


@require_safe
@cached_page
def openapi(request: HttpRequest) -> JsonResponse:
    return JsonResponse(openapi_document())
