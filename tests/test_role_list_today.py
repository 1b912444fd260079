"""The role list's "median today" column (BLS's figures for each role's federal occupation,
where the reader is) and the least-pay filter matched against that median."""

from decimal import Decimal

import pytest
from django.utils.html import escape

from careers.models import Role
from salaries.official import CROSS_INDUSTRY, NATIONAL, Area, RoleOccupation, WageEstimate

pytestmark = pytest.mark.django_db

URL = "/roles/"
HTMX = {"HX-Request": "true"}
SALT_LAKE_CITY = "0041620"


def listed(response) -> set[str]:
    return {role.slug for role in response.context["roles"]}


def estimates() -> dict[tuple[str, str], WageEstimate]:
    """Every cross-industry estimate by (occupation, area), read straight from the table."""
    return {
        (row.occupation_id, row.area_id): row
        for row in WageEstimate.objects.filter(industry=CROSS_INDUSTRY)
    }


def expected(amount: Decimal, area: str = NATIONAL, measure: str = "annual_median") -> set:
    """The roles whose occupation's median reaches `amount`, worked out here from the rows:
    the area's median where BLS publishes one, else the nation's."""
    rows = estimates()
    slugs = set()
    for mapping in RoleOccupation.objects.exclude(occupation=None).select_related("role"):
        values = [
            getattr(row, measure)
            for row in (rows.get((mapping.occupation_id, a)) for a in (area, NATIONAL))
            if row is not None and getattr(row, measure) is not None
        ]
        value = values[0] if values else None
        if value is not None and value >= amount:
            slugs.add(mapping.role.slug)
    return slugs


def test_each_role_shows_the_national_median_by_default(client):
    html = client.get(URL).content.decode()
    assert "Median today" in html and 'data-label="Median today (BLS, official)"' in html
    csr = estimates()[("43-4051", NATIONAL)]
    assert f"<strong>${csr.annual_median:,.0f}</strong>" in html
    assert "median a year, National, BLS May 2025" in html


def test_the_area_cookie_changes_the_figures(client):
    rows = estimates()
    national, local = rows[("43-4051", NATIONAL)], rows[("43-4051", SALT_LAKE_CITY)]
    assert national.annual_median != local.annual_median  # else the test proves nothing
    client.cookies["area"] = SALT_LAKE_CITY
    html = client.get(URL).content.decode()
    name = Area.objects.get(code=SALT_LAKE_CITY).name
    assert f"<strong>${local.annual_median:,.0f}</strong>" in html
    assert escape(f"median a year, {name}") in html
    # The executive's group is published nationally only: said so beside the nation's figure.
    assert escape(f"(none published for {name})") in html


def test_a_role_no_federal_category_fits_says_so_in_its_cell(client):
    html = client.get(URL, {"q": "quality assurance"}).content.decode()
    assert "No official figures: no federal category fits" in html


def test_the_column_costs_two_queries_whatever_the_page_size(client, django_assert_max_num_queries):
    csr = Role.objects.get(slug="customer-service-representative")
    occupation = RoleOccupation.objects.get(role=csr).occupation
    for n in range(60):  # more than a page: the page holds 50 roles
        role = Role.objects.create(title=f"Agent {n:02}", slug=f"agent-{n}")
        RoleOccupation.objects.create(
            role=role, occupation=occupation, closeness="broader", reason="A test role."
        )
    with django_assert_max_num_queries(12):  # as for the seed roles (test_role_pages)
        response = client.get(URL)
    assert len(response.context["roles"]) == 50
    assert response.content.decode().count('class="today-figure"') >= 50


@pytest.mark.parametrize("amount", ["40000", "50000", "65000", "120000"])
def test_the_bls_filter_lists_exactly_the_roles_whose_national_median_reaches_it(client, amount):
    found = listed(client.get(URL, {"min_pay": amount, "pay_from": "bls"}))
    assert found == expected(Decimal(amount))


@pytest.mark.parametrize("amount", ["40000", "50000", "65000"])
def test_the_bls_filter_uses_the_chosen_area(client, amount):
    client.cookies["area"] = SALT_LAKE_CITY
    found = listed(client.get(URL, {"min_pay": amount, "pay_from": "bls"}))
    assert found == expected(Decimal(amount), SALT_LAKE_CITY)
    assert expected(Decimal(amount), SALT_LAKE_CITY)  # some role is left to compare


def test_an_hourly_amount_is_compared_with_the_hourly_median(client):
    client.cookies["area"] = SALT_LAKE_CITY
    found = listed(client.get(URL, {"min_pay": "25", "pay_period": "hour", "pay_from": "bls"}))
    assert found == expected(Decimal("25"), SALT_LAKE_CITY, "hourly_median")
    assert found and found != set(Role.objects.values_list("slug", flat=True))


def test_a_local_estimate_without_a_median_counts_the_nations(client):
    rows = estimates()
    mapped = set(
        RoleOccupation.objects.exclude(occupation=None).values_list("occupation", flat=True)
    )
    row = next(
        row
        for (occupation, area), row in sorted(rows.items())
        if occupation in mapped and area != NATIONAL and row.annual_median is None
    )
    client.cookies["area"] = row.area_id
    found = listed(client.get(URL, {"min_pay": "1", "pay_from": "bls"}))
    assert found == expected(Decimal("1"), row.area_id)
    roles = RoleOccupation.objects.filter(occupation=row.occupation_id).values_list("role__slug")
    # As its cell, which then shows the nation's median and says BLS publishes none here.
    assert {slug for (slug,) in roles} <= found


def test_the_summary_says_which_pay_it_used_and_where(client):
    html = client.get(URL, {"min_pay": "50000", "pay_from": "bls"}).content.decode()
    assert "whose BLS national median (OEWS May 2025) reaches $50,000 a year" in html
    client.cookies["area"] = SALT_LAKE_CITY
    name = Area.objects.get(code=SALT_LAKE_CITY).name
    html = client.get(URL, {"min_pay": "50000", "pay_from": "bls"}).content.decode()
    words = f"whose BLS median (OEWS May 2025) in {name}, or nationally where BLS publishes none"
    assert escape(words) in html
    stated = client.get(URL, {"min_pay": "50000"}).content.decode()
    assert "whose stated pay reaches $50,000 a year" in stated and "BLS median (OEWS" not in stated


def test_the_cpi_box_does_not_touch_the_bls_median(client):
    plain = listed(client.get(URL, {"min_pay": "50000", "pay_from": "bls"}))
    ticked = client.get(URL, {"min_pay": "50000", "pay_from": "bls", "pay_today": "on"})
    assert listed(ticked) == plain
    assert "dollars" not in ticked.context["filters"][0][1]


def test_the_two_pays_give_different_answers_and_are_cached_apart(client):
    stated = listed(client.get(URL, {"min_pay": "50000"}))
    bls = listed(client.get(URL, {"min_pay": "50000", "pay_from": "bls"}))
    assert stated != bls
    again = client.get(URL, {"min_pay": "50000", "pay_from": "bls"})
    assert again["X-Cache"] == "hit"
    assert {"call-center-general-manager"} <= bls  # no stated pay, but a BLS median


def test_the_bls_filter_combines_with_the_others_and_as_you_type(client):
    params = {"min_pay": "50000", "pay_from": "bls", "education": "1"}
    response = client.get(URL, params, headers=HTMX)
    html = response.content.decode()
    assert html.lstrip().startswith('<section id="role-results"')
    with_education = listed(client.get(URL, {"education": "1"}))
    assert listed(response) == with_education & expected(Decimal("50000"))
    assert 'data-label="Median today (BLS, official)"' in html


def test_dropping_the_pay_filter_drops_its_basis_too(client):
    html = client.get(
        URL, {"min_pay": "900000", "pay_from": "bls", "q": "manager"}
    ).content.decode()
    assert "No role matches all of these filters." in html
    assert 'href="?q=manager"' in html  # neither min_pay nor pay_from kept


def test_an_unknown_pay_basis_is_a_form_error_not_a_500(client):
    response = client.get(URL, {"min_pay": "50000", "pay_from": "guess"})
    assert response.status_code == 200
    assert "pay_from" in response.context["form"].errors
