"""BLS's wage estimates, its areas and each role's federal occupation in the JSON API, as
its OpenAPI document says, every value read back from the rows."""

import pytest

from careers.models import Role
from salaries.official import (
    CROSS_INDUSTRY,
    MEASURES,
    NATIONAL,
    Area,
    RoleOccupation,
    WageEstimate,
    WageRelease,
)
from tests.test_api import document, validate  # noqa: F401 (document is a fixture)

pytestmark = pytest.mark.django_db

SALT_LAKE_CITY = "0041620"


def number(value):
    return None if value is None else float(value)


def assert_is_the_row(body: dict, row: WageEstimate) -> None:
    """An estimate in the API is the row: every measure's value, words and footnotes."""
    assert body["occupation"] == {"code": row.occupation_id, "title": row.occupation.title}
    assert body["area"]["code"] == row.area_id and body["area"]["name"] == row.area.name
    assert body["industry"] == row.industry_id
    assert body["release"]["name"] == row.release.name
    assert body["release"]["source"]["caveat"] == row.release.source.caveat
    assert list(body["measures"]) == MEASURES
    for name in MEASURES:
        measure = body["measures"][name]
        assert measure["value"] == number(getattr(row, name)), name
        assert measure["shown"] == row.shown(name), name
        words = [row.release.footnotes[code] for code in row.footnotes.get(name, [])]
        assert measure["footnotes"] == words, name


def row(occupation: str, area: str, industry: str = CROSS_INDUSTRY) -> WageEstimate:
    return WageEstimate.objects.select_related("occupation", "area", "release__source").get(
        occupation=occupation, area=area, industry=industry
    )


def test_one_occupation_in_one_area_is_its_row(client, document):  # noqa: F811
    response = client.get("/api/wages/", {"occupation": "43-4051", "area": SALT_LAKE_CITY})
    assert response.status_code == 200
    body = response.json()
    validate(document, "/api/wages/", 200, body)
    assert body["count"] == 1
    assert_is_the_row(body["wage_estimates"][0], row("43-4051", SALT_LAKE_CITY))


def test_a_role_lists_its_occupations_estimates_page_by_page(client, document):  # noqa: F811
    mapping = RoleOccupation.objects.get(role__slug="customer-service-representative")
    rows = WageEstimate.objects.filter(occupation=mapping.occupation_id)
    first = client.get("/api/wages/", {"role": "customer-service-representative"}).json()
    assert first["count"] == rows.count() > 100  # more than a page
    assert first["next"] == "/api/wages/?role=customer-service-representative&page=2"
    second = client.get(first["next"]).json()
    validate(document, "/api/wages/", 200, second)
    seen = first["wage_estimates"] + second["wage_estimates"]
    assert {item["occupation"]["code"] for item in seen} == {mapping.occupation_id}
    keys = {(item["area"]["code"], item["industry"]) for item in seen}
    assert len(keys) == len(seen)  # no estimate twice across the pages


def test_a_footnoted_measure_is_null_with_bls_words(client):
    noted = next(
        estimate
        for estimate in WageEstimate.objects.exclude(footnotes={}).order_by("pk")
        if "8" in estimate.footnotes.get("annual_median", [])
    )
    body = client.get(
        "/api/wages/", {"occupation": noted.occupation_id, "area": noted.area_id}
    ).json()
    item = next(i for i in body["wage_estimates"] if i["industry"] == noted.industry_id)
    median = item["measures"]["annual_median"]
    assert median["value"] is None and median["shown"] == "not released by BLS"
    assert median["footnotes"] == [WageRelease.objects.get().footnotes["8"]]
    assert_is_the_row(item, row(noted.occupation_id, noted.area_id, noted.industry_id))


@pytest.mark.parametrize(
    ("params", "status", "words"),
    [
        ({"occupation": "99-9999"}, 404, "No occupation with the code"),
        ({"occupation": "434051"}, 400, "not written as BLS writes occupation codes"),
        ({"area": "1234567"}, 404, "No area with the code"),
        ({"area": "Utah"}, 400, "is not an area code"),
        ({"industry": "999999"}, 404, "No industry"),
        ({"role": "nobody"}, 404, "No role with the slug"),
        ({"role": "quality-assurance-representative"}, 404, "No federal occupation speaks"),
        ({"occupation": "43-4051", "page": "99"}, 404, "There is no page"),
    ],
)
def test_unknown_or_wrong_codes_are_documented_json_errors(
    client,
    document,  # noqa: F811
    params,
    status,
    words,
):
    response = client.get("/api/wages/", params)
    assert response.status_code == status
    validate(document, "/api/wages/", status, response.json())
    assert words in response.json()["error"]


def test_the_areas_are_every_area_and_filter_by_kind(client, document):  # noqa: F811
    body = client.get("/api/areas/").json()
    validate(document, "/api/areas/", 200, body)
    assert body["count"] == Area.objects.count()
    states = client.get("/api/areas/", {"kind": "state"}).json()
    expected = Area.objects.filter(kind="state").order_by("code")
    assert [a["code"] for a in states["areas"]] == [a.code for a in expected]
    metros = client.get("/api/areas/", {"kind": "metro"}).json()
    assert metros["count"] == Area.objects.filter(kind="metro").count() > 100
    assert metros["next"] == "/api/areas/?kind=metro&page=2"
    wrong = client.get("/api/areas/", {"kind": "county"})
    assert wrong.status_code == 400
    validate(document, "/api/areas/", 400, wrong.json())


def test_one_area_by_code(client, document):  # noqa: F811
    slc = Area.objects.get(code=SALT_LAKE_CITY)
    body = client.get(f"/api/areas/{SALT_LAKE_CITY}/").json()
    validate(document, "/api/areas/{code}/", 200, body)
    assert body == {
        "code": slc.code,
        "kind": slc.kind,
        "name": slc.name,
        "state_code": slc.state_code,
    }
    for code in ["1234567", "utah"]:
        missing = client.get(f"/api/areas/{code}/")
        assert missing.status_code == 404
        validate(document, "/api/areas/{code}/", 404, missing.json())


def test_a_role_names_its_federal_occupation_and_pay_today(client, document):  # noqa: F811
    slug = "customer-service-representative"
    mapping = RoleOccupation.objects.select_related("occupation").get(role__slug=slug)
    body = client.get(f"/api/roles/{slug}/").json()
    validate(document, "/api/roles/{slug}/", 200, body)
    assert body["federal_occupation"] == {
        "code": mapping.occupation.code,
        "title": mapping.occupation.title,
        "closeness": mapping.closeness,
        "closeness_words": mapping.get_closeness_display(),
        "reason": mapping.reason,
    }
    pay = body["pay_today"]
    assert pay["area"]["code"] == NATIONAL and pay["local"] is None
    assert pay["release"]["source"]["title"] == "BLS OEWS, May 2025"
    assert_is_the_row(pay["national"], row(mapping.occupation_id, NATIONAL))
    assert_is_the_row(pay["call_centers"], row(mapping.occupation_id, NATIONAL, "561400"))


def test_an_area_adds_the_local_figures(client, document):  # noqa: F811
    slug = "customer-service-representative"
    body = client.get(f"/api/roles/{slug}/", {"area": SALT_LAKE_CITY}).json()
    validate(document, "/api/roles/{slug}/", 200, body)
    assert_is_the_row(body["pay_today"]["local"], row("43-4051", SALT_LAKE_CITY))
    assert body["pay_today"]["local_missing"] is False
    # A group BLS publishes nationally only: no local figure, and said so.
    executive = client.get("/api/roles/executive/", {"area": SALT_LAKE_CITY}).json()
    assert executive["pay_today"]["local"] is None
    assert executive["pay_today"]["local_missing"] is True
    assert executive["pay_today"]["national"] is not None


def test_a_role_no_federal_category_fits_says_why(client, document):  # noqa: F811
    slug = "quality-assurance-representative"
    mapping = RoleOccupation.objects.get(role__slug=slug)
    body = client.get(f"/api/roles/{slug}/").json()
    validate(document, "/api/roles/{slug}/", 200, body)
    assert body["federal_occupation"]["code"] is None
    assert body["federal_occupation"]["closeness"] == "none"
    assert body["pay_today"]["national"] is None and body["pay_today"]["release"] is None
    assert mapping.reason in body["pay_today"]["why_none"]


def test_an_occupation_and_a_role_combine(client):
    mapping = RoleOccupation.objects.get(role__slug="supervisor")
    same = client.get("/api/wages/", {"role": "supervisor", "occupation": mapping.occupation_id})
    assert (
        same.json()["count"]
        == WageEstimate.objects.filter(occupation=mapping.occupation_id).count()
    )
    other = client.get("/api/wages/", {"role": "supervisor", "occupation": "43-4051"})
    assert other.status_code == 200 and other.json()["count"] == 0


@pytest.mark.parametrize(("area", "status"), [("9999999", 404), ("Utah", 400)])
def test_an_unknown_area_for_a_role_is_a_documented_error(
    client,
    document,  # noqa: F811
    area,
    status,
):
    for path, url in [
        ("/api/roles/{slug}/", "/api/roles/supervisor/"),
        ("/api/roles/", "/api/roles/"),
    ]:
        response = client.get(url, {"area": area})
        assert response.status_code == status
        validate(document, path, status, response.json())


def test_the_role_list_gives_pay_today_in_two_queries_whatever_its_length(
    client,
    document,  # noqa: F811
    django_assert_max_num_queries,
):
    occupation = RoleOccupation.objects.get(role__slug="supervisor").occupation
    for n in range(120):
        role = Role.objects.create(title=f"Agent {n}", slug=f"agent-{n}")
        RoleOccupation.objects.create(
            role=role, occupation=occupation, closeness="broader", reason="A test role."
        )
    with django_assert_max_num_queries(5):  # as for the seed roles (test_api)
        body = client.get("/api/roles/", {"area": SALT_LAKE_CITY}).json()
    validate(document, "/api/roles/", 200, body)
    assert len(body["roles"]) == 100
    assert body["next"] == f"/api/roles/?area={SALT_LAKE_CITY}&page=2"
    local = row(occupation.code, SALT_LAKE_CITY)
    agents = [r for r in body["roles"] if r["slug"].startswith("agent-")]
    assert agents and all(
        r["pay_today"]["local"]["measures"]["annual_median"]["value"] == number(local.annual_median)
        for r in agents
    )


def test_the_area_asked_for_is_cached_apart(client):
    url = "/api/roles/customer-service-representative/"
    national = client.get(url).json()["pay_today"]["local"]
    local = client.get(url, {"area": SALT_LAKE_CITY})
    assert national is None and local.json()["pay_today"]["local"] is not None
    assert client.get(url, {"area": SALT_LAKE_CITY})["X-Cache"] == "hit"


def test_counts_and_annual_wages_are_whole_numbers(client):
    data = client.get("/api/wages/", {"occupation": "43-4051", "area": "0000000"}).json()
    measures = data[next(k for k in data if isinstance(data[k], list))][0]["measures"]
    assert isinstance(measures["employment"]["value"], int)
    assert isinstance(measures["annual_median"]["value"], int)
    assert isinstance(measures["hourly_median"]["value"], float)
