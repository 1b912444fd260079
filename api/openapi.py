"""The hand-written OpenAPI 3.1 document that describes the API, served at
/api/openapi.json. Its enums and bounds come from the models' own choices, so a new choice
is documented as soon as it can be stored."""

from __future__ import annotations

from careers.models import EducationLevel, Fact, Necessity
from careers.sources import SOURCED_KINDS
from core.middleware import CONTROL_RANGES
from ladders.models import Promotion
from salaries.models import FigureKind, PayPeriod

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
            "period": {"type": "string", "enum": PayPeriod.values},
            "currency": {"type": "string"},
            "year": NULLABLE_INTEGER,
            "kind": {"type": "string", "enum": FigureKind.values},
            "cited_authority": {"type": "string"},
            "hedge": {"type": "string"},
            "applies_to": {"type": "string"},
            "period_is_stated": {
                "type": "boolean",
                "description": "When false, the period is the site's reading of the sentence.",
            },
            "yearly_low": NULLABLE_NUMBER,
            "yearly_high": NULLABLE_NUMBER,
            **CITED,
        },
        "Pay as a source states it; yearly_* count hourly figures at 2,080 hours a year.",
    ),
    "Requirement": _object(
        {
            "summary": {"type": "string"},
            "necessity": {"type": "string", "enum": Necessity.values},
            "scope": {"type": "string"},
            "education": NULLABLE_STRING,
            "education_level": {
                **NULLABLE_INTEGER,
                "minimum": min(EducationLevel.values),
                "maximum": max(EducationLevel.values),
            },
            "education_field": {"type": "string"},
            "education_also": {
                "type": "string",
                "description": "What the sentence accepts instead ('or higher'), or empty.",
            },
            "experience_min_years": NULLABLE_NUMBER,
            "experience_max_years": NULLABLE_NUMBER,
            "experience_field": {"type": "string"},
            "certification": {"type": "string"},
            "experience_may_substitute": {"type": "boolean"},
            "applies_generally": {
                "type": "boolean",
                "description": "The sentence is about a group of jobs; the site applies it here.",
            },
            **CITED,
        }
    ),
    "Fact": _object(
        {
            "kind": {"type": "string", "enum": Fact.Kind.values},
            "text": {"type": "string"},
            "topic": {"type": "string", "enum": ["", *dict(Fact._meta.get_field("topic").choices)]},
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
            "direction": {"type": "string", "enum": Promotion.Direction.values},
            "order_is_stated": {
                "type": "boolean",
                "description": "Whether the quoted sentence states this move; when false, "
                "inferred_from says what the move is inferred from.",
            },
            "inferred_from": {"type": "string"},
            "hedge": {
                "type": "string",
                "description": "The sentence's own hedge on the move ('typically'), or empty.",
            },
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
            "name_is_ours": {
                "type": "boolean",
                "description": "The source gives the ladder no name: the name is the site's.",
            },
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


def _list_of(key: str, item: str, page_size: int) -> dict:
    page_link = {"type": ["string", "null"], "description": "URL of the neighbouring page."}
    return _object(
        {
            "count": {"type": "integer", "description": "Items in all pages."},
            "next": page_link,
            "previous": page_link,
            key: _array(item),
        },
        f"One page of at most {page_size} items.",
    )


# core.middleware refuses these for every address, before any view.
CONTROL_CHARACTER_400 = "a control character (NUL, tab, newline, ...) in the address"
NO_CONTROL_CHARACTERS = f"^[^{CONTROL_RANGES}]*$"


def _operation(summary: str, schema: dict, *, with_slug: bool = False) -> dict:
    responses = {"200": {"description": "OK", "content": {"application/json": {"schema": schema}}}}
    operation = {"summary": summary, "responses": responses}
    if not with_slug:
        operation["parameters"] = [
            {
                "name": "page",
                "in": "query",
                "required": False,
                "schema": {"type": "integer", "minimum": 1, "default": 1},
            }
        ]
        responses["400"] = {
            "description": "Not a page number (a whole number from 1), or " + CONTROL_CHARACTER_400,
            "content": {"application/json": {"schema": _ref("Error")}},
        }
        responses["404"] = {
            "description": "No such page: past the last one",
            "content": {"application/json": {"schema": _ref("Error")}},
        }
    if with_slug:
        operation["parameters"] = [
            {
                "name": "slug",
                "in": "path",
                "required": True,
                "schema": {"type": "string", "pattern": NO_CONTROL_CHARACTERS},
            }
        ]
        responses["404"] = {
            "description": "No such item",
            "content": {"application/json": {"schema": _ref("Error")}},
        }
        responses["400"] = {
            "description": CONTROL_CHARACTER_400.capitalize(),
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


def _paths(page_size: int) -> dict:
    return {
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
        "/api/roles/": _operation("Every role", _list_of("roles", "RoleSummary", page_size)),
        "/api/roles/{slug}/": _operation(
            "One role, with every sourced row", _ref("Role"), with_slug=True
        ),
        "/api/ladders/": _operation(
            "Every ladder with its rungs", _list_of("ladders", "Ladder", page_size)
        ),
        "/api/ladders/{slug}/": _operation(
            "One ladder with its promotions", _ref("LadderDetail"), with_slug=True
        ),
        "/api/salaries/": _operation(
            "Every salary figure", _list_of("salary_figures", "SalaryFigure", page_size)
        ),
        "/api/sources/": _operation(
            "Every source article", _list_of("sources", "Source", page_size)
        ),
        "/api/sources/{slug}/": _operation(
            "One source and how many rows it supports", _ref("SourceDetail"), with_slug=True
        ),
    }


def openapi_document(page_size: int) -> dict:
    """The whole document; page_size is the listings' page size, given by the views that
    paginate them."""
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
        "paths": _paths(page_size),
        "components": {"schemas": SCHEMAS},
    }
