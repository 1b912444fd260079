"""The read-only JSON API matches its own OpenAPI document."""

import pytest
from jsonschema import Draft202012Validator

from careers.models import EducationLevel, Fact, Necessity, Role, Source
from ladders.models import Ladder, Promotion
from salaries.models import FigureKind, PayPeriod, SalaryFigure
from salaries.official import Area, Closeness

pytestmark = pytest.mark.django_db


@pytest.fixture
def document(client):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    doc = response.json()
    assert doc["openapi"].startswith("3.1")
    return doc


def validate(doc, path, status, body):
    schema = doc["paths"][path]["get"]["responses"][str(status)]["content"]["application/json"][
        "schema"
    ]
    validator = Draft202012Validator({**schema, "components": doc["components"]})
    errors = sorted(validator.iter_errors(body), key=str)
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:5])


def concrete_urls():
    role = Role.objects.order_by("pk").first().slug
    return {
        "/api/": "/api/",
        "/api/roles/": "/api/roles/",
        "/api/roles/{slug}/": f"/api/roles/{role}/",
        "/api/ladders/": "/api/ladders/",
        "/api/ladders/{slug}/": "/api/ladders/convergys/",
        "/api/salaries/": "/api/salaries/",
        "/api/sources/": "/api/sources/",
        "/api/sources/{slug}/": f"/api/sources/{Source.objects.first().slug}/",
        "/api/areas/": "/api/areas/",
        "/api/areas/{code}/": "/api/areas/0041620/",
        "/api/wages/": "/api/wages/?occupation=43-4051&area=0041620",
    }


def test_every_documented_path_answers_as_documented(client, document):
    urls = concrete_urls()
    assert set(document["paths"]) == set(urls)
    for path, url in urls.items():
        response = client.get(url)
        assert response.status_code == 200, url
        validate(document, path, 200, response.json())


@pytest.mark.parametrize(
    "slug", ["customer-service-representative", "call-center-general-manager", "supervisor"]
)
def test_role_details_match_the_schema(client, document, slug):
    validate(document, "/api/roles/{slug}/", 200, client.get(f"/api/roles/{slug}/").json())


def test_every_ladder_matches_the_schema(client, document):
    for ladder in Ladder.objects.all():
        body = client.get(f"/api/ladders/{ladder.slug}/").json()
        validate(document, "/api/ladders/{slug}/", 200, body)


def test_unknown_slugs_are_documented_404s(client, document):
    for path in [
        "/api/roles/{slug}/",
        "/api/ladders/{slug}/",
        "/api/sources/{slug}/",
        "/api/areas/{code}/",
    ]:
        response = client.get(path.replace("{slug}", "no-such-thing").replace("{code}", "0000001"))
        assert response.status_code == 404
        validate(document, path, 404, response.json())


def test_salary_figures_carry_source_quote_and_yearly_equivalents(client):
    body = client.get("/api/salaries/").json()
    assert len(body["salary_figures"]) == SalaryFigure.objects.count()
    hourly = next(f for f in body["salary_figures"] if f["period"] == "hour")
    assert (hourly["yearly_low"], hourly["yearly_high"]) == (18720.0, 35360.0)
    assert hourly["quote"].startswith("Depending on your area")
    undated = [f for f in body["salary_figures"] if f["year"] is None]
    assert undated


def enums(node, where=()):
    """Every enum in the document, by the path of keys that leads to it."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "enum":
                yield where, value
            else:
                yield from enums(value, (*where, key))
    elif isinstance(node, list):
        for n, value in enumerate(node):
            yield from enums(value, (*where, n))


def test_the_documents_enums_are_the_models_choices(document):
    schemas = document["components"]["schemas"]
    expected = {
        ("SalaryFigure", "period"): PayPeriod.values,
        ("SalaryFigure", "kind"): FigureKind.values,
        ("Requirement", "necessity"): Necessity.values,
        ("Promotion", "direction"): Promotion.Direction.values,
        ("Fact", "kind"): Fact.Kind.values,
        ("Fact", "topic"): ["", *dict(Fact._meta.get_field("topic").choices)],
        ("Area", "kind"): Area.Kind.values,
        ("FederalOccupation", "closeness"): Closeness.values,
    }
    for (schema, field), values in expected.items():
        assert schemas[schema]["properties"][field]["enum"] == values, (schema, field)
    kind = document["paths"]["/api/areas/"]["get"]["parameters"][1]
    assert kind["name"] == "kind" and kind["schema"]["enum"] == Area.Kind.values
    # No other enum written out by hand: every one in the document is checked above.
    found = {where for where, _ in enums(document)}
    assert found == {("components", "schemas", s, "properties", f) for s, f in expected} | {
        ("paths", "/api/areas/", "get", "parameters", 1, "schema")
    }
    level = schemas["Requirement"]["properties"]["education_level"]
    assert (level["minimum"], level["maximum"]) == (
        min(EducationLevel.values),
        max(EducationLevel.values),
    )


def test_the_schema_rejects_a_wrong_body(document):
    with pytest.raises(AssertionError):
        validate(document, "/api/roles/", 200, {"roles": [{"slug": 1}]})


def test_api_is_read_only(client):
    assert client.post("/api/roles/").status_code == 405


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
@pytest.mark.parametrize("path", ["/api/", "/api/roles/", "/api/roles/supervisor/"])
def test_an_unsafe_method_is_a_json_405_even_with_csrf_checks_on(method, path):
    from django.test import Client

    response = getattr(Client(enforce_csrf_checks=True), method)(path)
    assert response.status_code == 405  # not the CSRF check's 403 page
    assert response["Allow"] == "GET, HEAD"
    assert response["Content-Type"] == "application/json"
    assert "is not allowed here: use GET." in response.json()["error"]
    assert Role.objects.filter(slug="supervisor").exists()


@pytest.mark.parametrize(
    "path",
    ["/api/nothing-here/", "/api/roles/%C3%A3nP%C2%B2/", "/api/ladders/a b/", "/api/x"],
)
def test_any_unknown_api_address_is_a_json_404(client, path):
    response = client.get(path)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]


def test_a_page_past_the_last_is_a_404_and_below_one_a_400(client, document):
    past = client.get("/api/roles/", {"page": "100"})
    assert past.status_code == 404
    validate(document, "/api/roles/", 404, past.json())
    assert "pages run from 1 to 1" in past.json()["error"]
    for below in ("0", "-3"):
        response = client.get("/api/roles/", {"page": below})
        assert response.status_code == 400
        validate(document, "/api/roles/", 400, response.json())
    parameter = document["paths"]["/api/roles/"]["get"]["parameters"][0]
    assert parameter["schema"]["minimum"] == 1


def test_an_unknown_address_elsewhere_is_still_the_sites_404_page(client):
    response = client.get("/roles/nobody-at-all/")
    assert response.status_code == 404
    assert "text/html" in response["Content-Type"]


def test_listings_are_paginated_with_links(client, document):
    from api.views import PAGE_SIZE

    Role.objects.bulk_create(Role(title=f"Role {n}", slug=f"role-{n}") for n in range(PAGE_SIZE))
    first = client.get("/api/roles/").json()
    assert first["count"] == Role.objects.count()
    assert len(first["roles"]) == PAGE_SIZE
    assert first["next"] == "/api/roles/?page=2" and first["previous"] is None
    second = client.get(first["next"]).json()
    assert len(second["roles"]) == first["count"] - PAGE_SIZE
    validate(document, "/api/roles/", 200, second)


def test_a_page_that_does_not_exist_is_a_documented_400(client, document):
    response = client.get("/api/roles/", {"page": "nine"})
    assert response.status_code == 400
    validate(document, "/api/roles/", 400, response.json())


def test_the_api_root_lists_every_listing_and_the_document(client):
    body = client.get("/api/").json()
    assert body["openapi"].endswith("/api/openapi.json")
    for name, url in body["endpoints"].items():
        assert url.endswith(f"/api/{name}/")
        assert client.get(url).status_code == 200
    assert set(body["endpoints"]) == {"roles", "ladders", "salaries", "sources", "areas", "wages"}


@pytest.mark.parametrize(
    ("path", "most"),
    [
        ("/api/roles/", 5),  # two for pay today, whatever the page's size
        ("/api/roles/{slug}/", 9),
        ("/api/ladders/", 5),
        ("/api/ladders/{slug}/", 5),
        ("/api/salaries/", 3),
        ("/api/sources/", 3),
        ("/api/sources/{slug}/", 2),
        ("/api/areas/", 2),
        ("/api/areas/{code}/", 2),
        ("/api/wages/", 4),
        ("/api/openapi.json", 1),
    ],
)
def test_every_endpoint_runs_a_bounded_number_of_queries(
    client, django_assert_max_num_queries, path, most
):
    url = {**concrete_urls(), "/api/openapi.json": "/api/openapi.json"}[path]
    with django_assert_max_num_queries(most):
        assert client.get(url).status_code == 200
