"""The hand-written OpenAPI 3.1 document that describes the API, served at
/api/openapi.json. Its enums and bounds come from the models' own choices, so a new choice
is documented as soon as it can be stored."""

from __future__ import annotations

from careers.models import EducationLevel, Fact, Necessity
from careers.sources import SOURCED_KINDS
from core.middleware import CONTROL_RANGES
from ladders.models import Promotion
from salaries.models import FigureKind, PayPeriod
from salaries.official import MEASURES, Area, Closeness, WageEstimate

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


def _nullable(name: str) -> dict:
    return {"anyOf": [_ref(name), {"type": "null"}]}


AREA_CODE = "^[0-9]{7}$"
OCCUPATION_CODE = "^[0-9]{2}-[0-9]{4}$"
INDUSTRY_CODE = "^[0-9]{6}$"


def _measure_description(name: str) -> str:
    return str(WageEstimate._meta.get_field(name).verbose_name)


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
            "federal_occupation": {
                "anyOf": [_ref("FederalOccupation"), {"type": "null"}],
                "description": "Null until the site has chosen one.",
            },
            "pay_today": _ref("PayToday"),
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
    "Area": _object(
        {
            "code": {"type": "string", "description": "BLS's area code.", "pattern": AREA_CODE},
            "kind": {"type": "string", "enum": Area.Kind.values},
            "name": {"type": "string"},
            "state_code": {
                "type": "string",
                "description": 'The state\'s FIPS code ("00" nationally).',
            },
        },
        "An area BLS publishes estimates for: the nation, a state, a metropolitan or a "
        "nonmetropolitan area.",
    ),
    "FederalOccupation": _object(
        {
            "code": {**NULLABLE_STRING, "description": "SOC 2018 code; null when none fits."},
            "title": NULLABLE_STRING,
            "closeness": {"type": "string", "enum": Closeness.values},
            "closeness_words": {"type": "string"},
            "reason": {"type": "string", "description": "The site's reason, in one sentence."},
        },
        "The site's own judgement of which federal occupation's figures speak for the role, "
        "how closely, and why; never a figure derived from them.",
    ),
    "StatisticsSource": _object(
        {
            "slug": {"type": "string"},
            "title": {"type": "string"},
            "publisher": {"type": "string"},
            "url": {"type": "string"},
            "caveat": {"type": "string", "description": "The publisher's caveat, in its words."},
        }
    ),
    "WageRelease": _object(
        {
            "code": {"type": "string"},
            "name": {"type": "string", "description": 'e.g. "May 2025".'},
            "published_on": {"type": "string", "format": "date"},
            "source": _ref("StatisticsSource"),
        },
        "One release of BLS's Occupational Employment and Wage Statistics (OEWS).",
    ),
    "Measure": _object(
        {
            "value": {
                **NULLABLE_NUMBER,
                "description": "Null where BLS publishes no figure (top-coded, not released, "
                "or not published at this level).",
            },
            "shown": {
                "type": "string",
                "description": "As the pages write it, or in words why there is no figure.",
            },
            "footnotes": {
                "type": "array",
                "items": {"type": "string"},
                "description": "BLS's footnotes on this measure, in its words.",
            },
        }
    ),
}
SCHEMAS["WageEstimate"] = _object(
    {
        "occupation": _object({"code": {"type": "string"}, "title": {"type": "string"}}),
        "area": _ref("Area"),
        "industry": {
            "type": "string",
            "description": '"000000" for all industries; "561400" (Business support '
            "services, which holds call centers) is published nationally only.",
        },
        "release": _ref("WageRelease"),
        "measures": _object(
            {
                name: {**_ref("Measure"), "description": _measure_description(name)}
                for name in MEASURES
            },
            "Every measure BLS publishes, in its order; hourly and annual wages in US dollars.",
        ),
    },
    "One occupation's estimates in one area and industry, as BLS publishes them.",
)
SCHEMAS["PayToday"] = _object(
    {
        "area": {
            "anyOf": [_ref("Area"), {"type": "null"}],
            "description": "The area asked for (the nation by default).",
        },
        "release": _nullable("WageRelease"),
        "national": _nullable("WageEstimate"),
        "local": {
            "anyOf": [_ref("WageEstimate"), {"type": "null"}],
            "description": "The area's estimate; null nationally or where BLS publishes none.",
        },
        "local_missing": {
            "type": "boolean",
            "description": "An area was asked for and BLS publishes no estimate there.",
        },
        "call_centers": {
            "anyOf": [_ref("WageEstimate"), {"type": "null"}],
            "description": "The national estimate in industry 561400, Business support services.",
        },
        "why_none": {"type": "string", "description": "Why there are no figures, or empty."},
    },
    "The latest official figures of the role's federal occupation. They are for the "
    "occupation across all its employers, never for the role's title at one company.",
)
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


def _errors(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": _ref("Error")}}}


def _operation(
    summary: str,
    schema: dict,
    *,
    with_slug: bool = False,
    path_name: str = "slug",
    query: tuple[dict, ...] = (),
    bad: str = "",
    missing: str = "",
) -> dict:
    """One GET: a listing (paginated) or, with_slug, one item named in the path; `query`
    are its other parameters, `bad` and `missing` what else makes it a 400 or a 404."""
    responses = {"200": {"description": "OK", "content": {"application/json": {"schema": schema}}}}
    operation = {"summary": summary, "responses": responses}
    also_bad = f"{bad}, or " if bad else ""
    if not with_slug:
        operation["parameters"] = [
            {
                "name": "page",
                "in": "query",
                "required": False,
                "schema": {"type": "integer", "minimum": 1, "default": 1},
            },
            *query,
        ]
        responses["400"] = _errors(
            f"Not a page number (a whole number from 1), or {also_bad}{CONTROL_CHARACTER_400}"
        )
        responses["404"] = _errors(
            f"No such page: past the last one{missing and ', or ' + missing}"
        )
    if with_slug:
        operation["parameters"] = [
            {
                "name": path_name,
                "in": "path",
                "required": True,
                "schema": {"type": "string", "pattern": NO_CONTROL_CHARACTERS},
            },
            *query,
        ]
        responses["404"] = _errors(f"No such item{missing and ', or ' + missing}")
        responses["400"] = _errors((also_bad + CONTROL_CHARACTER_400).capitalize())
    return {"get": operation}


def _query(name: str, description: str, **schema) -> dict:
    return {
        "name": name,
        "in": "query",
        "required": False,
        "description": description,
        "schema": {"type": "string", **schema},
    }


AREA_OPTION = _query(
    "area",
    "BLS's code of an area (see /api/areas/): pay_today then gives its figures beside the "
    "nation's.",
    pattern=AREA_CODE,
)
UNKNOWN_AREA = "an area code that names no area"
MALFORMED_AREA = "an area not written as BLS writes its codes"
KIND = _query("kind", "Only areas of this kind.", enum=Area.Kind.values)
WAGE_FILTERS = (
    _query("occupation", "A federal occupation's SOC 2018 code.", pattern=OCCUPATION_CODE),
    _query(
        "role",
        "A role's slug: its federal occupation's estimates (none if an occupation given "
        "beside it is another).",
        pattern=NO_CONTROL_CHARACTERS,
    ),
    _query("area", "BLS's code of an area (see /api/areas/).", pattern=AREA_CODE),
    _query("industry", '"000000" (all industries) or "561400".', pattern=INDUSTRY_CODE),
)


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
        "/api/roles/": _operation(
            "Every role, with its federal occupation and pay today",
            _list_of("roles", "RoleSummary", page_size),
            query=(AREA_OPTION,),
            bad=MALFORMED_AREA,
            missing=UNKNOWN_AREA,
        ),
        "/api/roles/{slug}/": _operation(
            "One role, with every sourced row, its federal occupation and pay today",
            _ref("Role"),
            with_slug=True,
            query=(AREA_OPTION,),
            bad=MALFORMED_AREA,
            missing=UNKNOWN_AREA,
        ),
        "/api/areas/": _operation(
            "Every area BLS publishes estimates for, by code",
            _list_of("areas", "Area", page_size),
            query=(KIND,),
            bad="a kind of area that is not one of those listed",
        ),
        "/api/areas/{code}/": _operation(
            "One area", _ref("Area"), with_slug=True, path_name="code"
        ),
        "/api/wages/": _operation(
            "BLS's wage estimates (OEWS), by occupation or role, area and industry",
            _list_of("wage_estimates", "WageEstimate", page_size),
            query=WAGE_FILTERS,
            bad="a code not written as BLS writes it",
            missing="an occupation, area, industry or role that does not exist, or a role "
            "no federal occupation speaks for",
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
