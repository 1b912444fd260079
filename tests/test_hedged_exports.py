"""Every export keeps its sentence's hedges and conditions: the comparison CSVs carry
each requirement's qualifiers, the source pages show each move's hedge and basis and each
requirement's qualifiers, and pay in another year's dollars keeps the figure's hedge."""

import codecs

import pytest

from tests.csv_columns import rows_by_name

pytestmark = pytest.mark.django_db

LADDERS = "/compare/ladders/"
ROLES = "/compare/roles/"


def read_csv(response) -> list[dict]:
    assert response.status_code == 200
    assert response.content.startswith(codecs.BOM_UTF8)
    return rows_by_name(response)


def ladder_rows(**extra) -> list[dict]:
    from django.test import Client

    query = {"ladder": ["call-center-hierarchy", "peoplesupport"], "format": "csv", **extra}
    return read_csv(Client().get(LADDERS, query))


def role_rows(*roles, **extra) -> list[dict]:
    from django.test import Client

    query = {"role": list(roles), "format": "csv", **extra}
    return read_csv(Client().get(ROLES, query))


def requirement_rows(rows, role_starts: str) -> list[dict]:
    return [
        r
        for r in rows
        if r["role"].startswith(role_starts)
        and r["attribute"].startswith(("education", "experience", "requirement"))
    ]


# -- 1. The ladder comparison CSV ------------------------------------------------------


def test_ladder_csv_keeps_many_jobs_now_on_the_degree_row():
    rows = requirement_rows(ladder_rows(), "Customer service representative")
    degree = [r for r in rows if r["value"] == "Associate (two-year) degree or bachelor's degree"]
    assert degree, "the 002 degree row is missing"
    assert {r["qualifiers"] for r in degree} == {"required, many jobs now"}
    assert all("many customer service jobs now" in r["quote"] for r in degree)


def test_ladder_csv_help_desk_keeps_certification_and_override():
    rows = requirement_rows(ladder_rows(), "Help desk representative")
    (row,) = rows
    assert row["attribute"] == "education (required)"
    assert row["value"].startswith(
        "High-school diploma or GED, as well as vocational certification"
    )
    assert row["value"].endswith("in some cases experience may override it")
    assert row["qualifiers"] == "required, typically"


def test_ladder_csv_team_manager_keeps_often_and_almost_always():
    rows = requirement_rows(ladder_rows(), "Call center team manager")
    by_attribute = {r["attribute"]: r for r in rows}
    required = by_attribute["education (required)"]
    assert required["qualifiers"] == "required, often"
    assert required["statement"].startswith("At the very least")
    preferred = by_attribute["education (preferred)"]
    assert preferred["qualifiers"] == "preferred, almost always"
    assert preferred["statement"] == "Two-year degree or higher"


def test_ladder_csv_customer_service_manager_keeps_usually():
    from django.test import Client

    response = Client().get(
        LADDERS, {"ladder": ["customer-service-track", "stream-international"], "format": "csv"}
    )
    rows = requirement_rows(read_csv(response), "Customer service manager")
    bachelor = [r for r in rows if r["statement"].startswith("Bachelor's degree in business")]
    assert {r["attribute"] for r in bachelor} == {"education (required)", "experience (required)"}
    assert all(r["qualifiers"] == "required, usually" for r in bachelor)
    experience = next(r for r in bachelor if r["attribute"].startswith("experience"))
    assert experience["value"] == "at least 7 years in the field"
    general = [r for r in rows if r["qualifiers"].endswith("applied from a general statement")]
    assert general and general[0]["value"] == "Bachelor's degree"


def test_ladder_csv_every_requirement_row_has_its_qualifiers():
    rows = ladder_rows()
    requirements = [
        r
        for r in rows
        if r["attribute"].startswith(("education (", "experience (")) and r["rung"] != "totals"
    ]
    assert len(requirements) > 5
    assert all(r["qualifiers"] and r["statement"] for r in requirements)
    # Rows that are not requirements leave the requirement columns empty.
    pay = [r for r in rows if r["attribute"] == "pay"]
    assert pay and all(r["qualifiers"] == r["statement"] == "" for r in pay)
    assert all(r["source"] for r in pay)


# -- 2. The role comparison CSV --------------------------------------------------------


def test_role_csv_shows_the_necessity_label_never_its_stored_value():
    rows = role_rows("customer-service-representative", "customer-service-training-manager")
    assert not any("on_the_way" in cell for r in rows for cell in r.values())
    convergys = next(r for r in rows if r["value"].startswith("Convergys certification"))
    assert convergys["attribute"] == "certification (required on the way up)"
    assert convergys["qualifiers"].startswith("required on the way up")


def test_role_csv_training_manager_keeps_general_statement_and_usually():
    rows = role_rows("customer-service-representative", "customer-service-training-manager")
    manager = requirement_rows(rows, "Customer service training manager")
    general = next(
        r for r in manager if r["statement"].startswith("Bachelor's degree and a higher")
    )
    assert general["value"] == "Bachelor's degree"
    assert general["qualifiers"] == (
        "required, positions in management, applied from a general statement"
    )
    years = next(r for r in manager if r["statement"] == "5 years of experience")
    assert years["value"] == "at least 5 years"
    assert years["qualifiers"] == "required, usually"


def test_role_csv_every_requirement_row_has_its_qualifiers():
    rows = role_rows("customer-service-representative", "customer-service-training-manager")
    kinds = ("requirement (", "education (", "experience (", "certification (")
    requirements = [r for r in rows if r["attribute"].startswith(kinds)]
    assert len(requirements) > 5
    assert all(r["qualifiers"] and r["statement"] for r in requirements)
    degree = next(r for r in requirements if r["statement"] == "Associate or bachelor's degree")
    assert degree["qualifiers"] == "required, many jobs now"


# -- 3. The source pages ---------------------------------------------------------------


def source_html(slug: str) -> str:
    """Every page of a source's rows, run together."""
    from django.test import Client

    from careers.models import Source

    source = Source.objects.get(slug=slug)
    pages = max(1, -(-source.statements().count() // 50))
    client = Client()
    html = ""
    for number in range(1, pages + 1):
        response = client.get(source.get_absolute_url(), {"page": number})
        assert response.status_code == 200
        html += response.content.decode()
    return html


@pytest.mark.parametrize(
    "slug",
    [
        "call-center-jobs-hierarchy",
        "crm-customer-support-careers",
        "exploring-customer-and-call-center-careers",
    ],
)
def test_source_page_shows_each_moves_label_and_basis(slug):
    from django.utils.html import escape

    from ladders.models import Promotion

    html = source_html(slug)
    moves = Promotion.objects.filter(source__slug=slug).select_related("from_role", "to_role")
    assert moves
    for move in moves:
        line = f"{escape(move.from_role.title)} → {escape(move.to_role.title)}"
        assert line in html
        assert f'{line}\n        <span class="badge">{escape(move.label)}</span>' in html
        if not move.order_is_stated:
            assert f"<strong>Inferred, not stated:</strong> {escape(move.inferred_from)}" in html


def test_source_pages_name_the_inferred_moves_the_reviewer_found():
    hierarchy = source_html("call-center-jobs-hierarchy")
    assert "Quality assurance representative → Call center general manager" in hierarchy
    assert "Step up? Inferred, not stated" in hierarchy
    crm = source_html("crm-customer-support-careers")
    assert "Manager → Executive" in crm
    assert "Step up, eventually, for a motivated CSR? Inferred, not stated" in crm
    assert crm.count("Inferred, not stated:") == 4  # Manager → Executive, three PeopleSupport
    exploring = source_html("exploring-customer-and-call-center-careers")
    assert exploring.count("Inferred, not stated:") == 2  # CSR → Senior CSR, → manager


def test_source_page_requirements_keep_their_qualifiers():
    from django.utils.html import escape

    from careers.models import RequirementStatement

    for slug in ["call-center-jobs-hierarchy", "exploring-customer-and-call-center-careers"]:
        html = source_html(slug)
        for req in RequirementStatement.objects.filter(source__slug=slug):
            assert (
                f'{escape(req.summary)} <span class="muted small">({req.qualifiers})</span>' in html
            )
    hierarchy = source_html("call-center-jobs-hierarchy")
    assert (
        "At the very least, vocational certification in business and/or management "
        '<span class="muted small">(required, often)</span>'
    ) in hierarchy
    assert (
        'Two-year degree or higher <span class="muted small">(preferred, almost always)</span>'
    ) in hierarchy
    exploring = source_html("exploring-customer-and-call-center-careers")
    assert exploring.count("positions in management, applied from a general statement") == 2


# -- 4. Pay in another year's dollars ---------------------------------------------------

CSR_I_2025 = "generally $39,908–$52,266 (a year, as we read it)"
FROM_2007 = "adjusted from 2007, the year the article was published, to 2025 dollars"


def test_adjusted_pay_on_the_comparison_keeps_hedge_and_reading(client):
    response = client.get(
        ROLES,
        {"role": ["customer-service-representative", "supervisor"], "dollars": "2025"},
    )
    html = response.content.decode()
    assert f"worked out: {CSR_I_2025}" in html
    assert "worked out: $39,908–$52,266 a year" not in html
    assert FROM_2007 in html


def test_adjusted_pay_in_the_csvs_keeps_hedge_and_reading():
    for rows in [
        role_rows("customer-service-representative", "supervisor", dollars="2025"),
        ladder_rows(dollars="2025"),
    ]:
        csr_i = [r for r in rows if r["value"].startswith("Customer Service Representative I:")]
        assert csr_i
        for row in csr_i:
            assert row["in_2025_dollars"] == CSR_I_2025
            assert row["pay_notes"] == FROM_2007
        hourly = next(r for r in rows if r["value"] == "can make about $9.00–$17.00 an hour")
        assert hourly["yearly_equivalent"] == "can make about $18,720–$35,360 a year"
        assert hourly["in_2025_dollars"].startswith("can make about $")


def test_a_year_that_is_not_the_articles_is_not_called_its_publication_year():
    from careers.models import Source
    from salaries.models import SalaryFigure

    source = Source.objects.get(slug="exploring-customer-and-call-center-careers")
    figure = SalaryFigure(source=source, low=30000, high=40000, period="year", year=2010)
    assert figure.normalised(2025, {2010: 218, 2025: 320}).notes == [
        "adjusted from 2010 to 2025 dollars"
    ]
    figure.year = 2007
    notes = figure.normalised(2025, {2007: 207, 2025: 320}).notes
    assert notes == [FROM_2007]
    # A figure with no source to hand says only the years.
    unsourced = SalaryFigure(low=30000, high=40000, period="year", year=2007)
    assert unsourced.normalised(2025, {2007: 207, 2025: 320}).notes == [
        "adjusted from 2007 to 2025 dollars"
    ]


def test_normalised_pay_wording_keeps_the_hedge_and_the_reading():
    from decimal import Decimal as D

    from salaries.pay import StatedPay

    unstated = StatedPay(D(100), D(200), "year", year=2007, hedge="often", period_is_stated=False)
    assert unstated.normalised(None, {}).display() == "often $100–$200 (a year, as we read it)"
    hourly = StatedPay(D(9), D(17), "hour", approximate=True, hedge="can make")
    assert hourly.normalised(None, {}).display() == "can make about $18,720–$35,360 a year"
    assert hourly.as_yearly_equivalent() == "about $18,720–$35,360 a year"
