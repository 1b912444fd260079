"""A role's profile shows official pay today: national and where the reader is, the
10th-90th percentile spread drawn with its table, call centers' figures, the mapping's
reason, and in words why there are none."""

from dataclasses import dataclass
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from salaries.charts import wage_spread_chart
from salaries.official import NATIONAL, RoleOccupation, WageEstimate

pytestmark = pytest.mark.django_db

SALT_LAKE_CITY = "0041620"


def profile(client, slug, area=None):
    if area:
        client.cookies["area"] = area
    response = client.get(f"/roles/{slug}/")
    assert response.status_code == 200
    return response


def row(occupation, area, industry="000000"):
    return WageEstimate.objects.get(occupation=occupation, area=area, industry=industry)


def test_a_csr_sees_salt_lake_city_and_national_medians_from_the_may_2025_release(client):
    page = profile(client, "customer-service-representative", SALT_LAKE_CITY).text
    local, nation = row("43-4051", SALT_LAKE_CITY), row("43-4051", NATIONAL)
    call_centers = row("43-4051", NATIONAL, "561400")
    assert (
        f"Median pay: <strong>${local.annual_median:,.0f} a year</strong>\n"
        f"    (${local.hourly_median:,.2f} an hour) in Salt Lake City-Murray, UT; "
        f"${nation.annual_median:,.0f} a year nationally." in page
    )
    for estimate in (local, nation, call_centers):
        assert f"<td>${estimate.annual_p90:,.0f}</td>" in page
        assert f"<td>{estimate.employment:,.0f}</td>" in page
    assert "Today: official estimates (BLS, May 2025)" in page
    assert (
        "Customer Service Representatives</strong> (SOC 43-4051):\n    the same occupation." in page
    )
    assert "BLS.gov cannot vouch for the data" in page
    assert 'role="img"' in page and "10th to 90th percentile" in page


def test_the_articles_figures_stay_under_their_own_heading(client):
    page = profile(client, "customer-service-representative").text
    today, stated = (
        page.index("Today: official estimates"),
        page.index("In the articles, as stated"),
    )
    assert today < stated
    assert "$9.00" in page[stated:] and "$9.00" not in page[today:stated]


def test_nationally_the_profile_shows_only_national_columns(client):
    page = profile(client, "customer-service-representative").text
    nation = row("43-4051", NATIONAL)
    assert f"Median pay: <strong>${nation.annual_median:,.0f} a year</strong>" in page
    assert "a year nationally." not in page


def test_a_group_published_nationally_only_says_so_where_the_reader_is(client):
    page = profile(client, "executive", SALT_LAKE_CITY).text
    assert (
        "BLS publishes no estimate of this occupation for Salt Lake City-Murray, UT, so the "
        "median above is the nation’s." in page
    )
    assert f"${row('11-1000', NATIONAL).annual_median:,.0f} a year" in page
    assert "These are the figures for everyone in that federal category" in page


def test_a_role_no_federal_category_fits_says_why(client):
    page = profile(client, "quality-assurance-representative", SALT_LAKE_CITY).text
    reason = RoleOccupation.objects.get(role__slug="quality-assurance-representative").reason
    assert escape(f"No federal category fits this role: {reason}") in page
    assert "No official figures" in page and "wage-spread" not in page


def test_the_area_does_not_add_queries(client):
    counts = []
    for area in [None, SALT_LAKE_CITY]:
        client.cookies.pop("area", None)
        if area:
            client.cookies["area"] = area
        with CaptureQueriesContext(connection) as queries:
            client.get("/roles/customer-service-representative/", HTTP_CACHE_CONTROL="no-cache")
        counts.append(len(queries))
        cache.clear()
    assert counts[0] == counts[1]


@dataclass
class Estimate:
    annual_p10: Decimal | None
    annual_p25: Decimal | None
    annual_median: Decimal | None
    annual_p75: Decimal | None
    annual_p90: Decimal | None
    coded: bool = False

    def is_top_coded(self, name):
        return self.coded and name == "annual_p90"


def test_the_spread_chart_places_percentiles_on_one_axis_and_arrows_a_top_coded_end():
    low = Estimate(*(Decimal(v) for v in (20000, 30000, 40000, 50000, 60000)))
    high = Estimate(Decimal(100000), Decimal(150000), Decimal(200000), Decimal(230000), None, True)
    chart = wage_spread_chart([("low", low), ("high", high)], width=420)
    first, second = chart.rows
    assert first.x_p10 < first.x_p25 < first.x_median < first.x_p75 < first.x_p90
    assert second.top_coded and second.x_p90 == chart.plot_left + 420 - 12 - 24
    assert chart.axis_max >= Decimal(230000)
    # Linear from $0: twice the pay is twice as far from the left edge.
    assert (first.x_p90 - chart.plot_left) == pytest.approx(2 * (first.x_p25 - chart.plot_left))


def test_a_local_estimate_whose_wages_bls_withholds_gives_the_nations_median(client):
    # Database Administrators in Salt Lake City: employment published, wages not released.
    local = row("15-1242", SALT_LAKE_CITY)
    assert local.annual_median is None and local.employment is not None
    page = profile(client, "development-support-representative", SALT_LAKE_CITY).text
    nation = row("15-1242", NATIONAL)
    assert f"Median pay: <strong>${nation.annual_median:,.0f} a year</strong>" in page
    assert "across the United States" in page and "not released by BLS a year" not in page
    assert (
        "BLS does not release the wages of this occupation in Salt Lake City-Murray, UT, so "
        "the median above is the nation’s." in page
    )
    assert f"<td>{local.employment:,.0f}</td>" in page  # the local column stays


def test_the_chart_explains_an_arrow_only_where_it_draws_one(client):
    page = profile(client, "customer-service-representative").text
    assert "10th to 90th percentile; box: 25th to 75th" in page
    assert "An arrow means" not in page
    high = Estimate(Decimal(100000), Decimal(150000), Decimal(200000), Decimal(230000), None, True)
    assert wage_spread_chart([("high", high)]).top_coded
