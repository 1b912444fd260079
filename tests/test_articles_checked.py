"""The articles checked against today: each testable claim in its exact words, with its
article and year, beside BLS's May 2025 figures read from the stored estimates."""

import re
from html import unescape

import pytest
from django.urls import reverse

from careers.models import Fact, Role, Source
from salaries import checks
from salaries.models import SalaryFigure
from salaries.official import NATIONAL, Area, RoleOccupation, WageEstimate

pytestmark = pytest.mark.django_db

CSR = "43-4051"


def html(client) -> str:
    response = client.get(reverse("careers:articles-checked"))
    assert response.status_code == 200
    return unescape(response.content.decode())


def section(page: str, heading_id: str) -> str:
    start = page.index(f'id="{heading_id}"')
    return page[start : page.index("</section>", start)]


def csr(area: str) -> WageEstimate:
    return WageEstimate.objects.get(occupation=CSR, area=area, industry="000000")


def article_of(seed_prefix: str) -> Source:
    return Source.objects.get(seed_file__startswith=seed_prefix)


def test_every_claim_is_a_stored_quote_found_word_for_word_in_its_article(seeds_dir):
    sentences = {
        "000_": checks.TIER_QUOTES,
        "001_": [checks.PLACE_QUOTE],
        "004_": [checks.RANGE_QUOTE],
        "002_": [checks.HOURLY_QUOTE],
    }
    for prefix, quotes in sentences.items():
        (path,) = seeds_dir.glob(f"{prefix}*.txt")
        article = " ".join(path.read_text().split())
        for quote in quotes:
            assert quote in article, (prefix, quote)
    stored = set(Fact.objects.values_list("quote", flat=True))
    assert {*checks.TIER_QUOTES, checks.PLACE_QUOTE} <= stored
    figures = set(SalaryFigure.objects.values_list("quote", flat=True))
    assert {checks.RANGE_QUOTE, checks.HOURLY_QUOTE} <= figures


def test_the_page_quotes_each_claim_with_its_article_and_year(client):
    page = html(client)
    for heading, prefix, quotes in [
        ("tiers-heading", "000_", checks.TIER_QUOTES),
        ("place-heading", "001_", [checks.PLACE_QUOTE]),
        ("range-heading", "004_", [checks.RANGE_QUOTE]),
        ("hourly-heading", "002_", [checks.HOURLY_QUOTE]),
    ]:
        part = section(page, heading)
        source = article_of(prefix)
        assert source.title in part
        year = str(source.published_on.year) if source.published_on else "undated"
        assert f", {year}" in re.sub(r"<[^>]+>", "", part)
        for quote in quotes:
            assert f'<blockquote class="citation"><p>{quote}</p></blockquote>' in part
        assert "BLS OEWS" in part and "May 2025" in part


def test_the_tier_cities_are_bls_metros_with_their_figures(client):
    part = section(html(client), "tiers-heading")
    for tier, city, state in checks.TIER_CITIES:
        area = Area.objects.get(
            kind=Area.Kind.METRO, name__startswith=city, name__contains=f", {state}"
        )
        estimate = csr(area.code)
        row = re.search(rf"<th scope=\"row\">{city} .*?</tr>", part, re.S)
        assert row, city
        assert f"({tier}, says the article)" in row[0] and f"<td>{area.name}</td>" in row[0]
        cells = re.findall(r'<td class="num">([^<]*)</td>', row[0])
        assert cells == [estimate.shown(name) for name in checks.TIER_MEASURES]


def test_jacksonville_is_the_one_in_florida():
    florida = checks.metro_named("Jacksonville", "FL", Area.objects.all())
    carolina = checks.metro_named("Jacksonville", "NC", Area.objects.all())
    assert florida.name == "Jacksonville, FL" and carolina.name == "Jacksonville, NC"
    assert checks.metro_named("Atlantis", "FL", Area.objects.all()) is None


def test_the_spread_of_state_medians_is_read_from_the_estimates(client):
    part = section(html(client), "place-heading")
    states = [
        csr(area.code)
        for area in Area.objects.filter(kind=Area.Kind.STATE)
        if csr(area.code).annual_median is not None
    ]
    states.sort(key=lambda e: e.annual_median)
    lowest, highest = states[0], states[-1]
    assert (
        f"from <strong>{lowest.shown('annual_median')}</strong> a year ({lowest.area.name})" in part
    )
    assert (
        f"to <strong>{highest.shown('annual_median')}</strong> a year ({highest.area.name})" in part
    )
    assert f"a difference of ${highest.annual_median - lowest.annual_median:,.0f}" in part
    for estimate in [*states[:3], *states[-3:]]:
        assert f'<th scope="row">{estimate.area.name}</th><td class="num">' in part


def test_the_hedged_range_beside_the_roles_percentiles(client):
    part = section(html(client), "range-heading")
    source = article_of("004_")
    roles = Role.objects.filter(rungs__ladder__source=source).distinct()
    assert roles.count() == 5
    for role in roles:
        mapping = RoleOccupation.objects.get(role=role)
        assert role.title in part
        if mapping.occupation is None:
            assert mapping.reason in part
            continue
        estimate = WageEstimate.objects.get(
            occupation=mapping.occupation, area=NATIONAL, industry="000000"
        )
        for name in checks.ANNUAL_MEASURES:
            assert estimate.shown(name) in part
    # The article's hedges are kept.
    for hedge in ["right around", "can exceed", "depending on the position held"]:
        assert hedge in part


def test_the_hourly_range_beside_the_national_hourly_percentiles(client):
    part = section(html(client), "hourly-heading")
    national = csr(NATIONAL)
    figure = SalaryFigure.objects.get(quote=checks.HOURLY_QUOTE)
    assert figure.as_stated() in part and "U.S. Department of Labor" in part
    cells = re.findall(r'<th scope="row">([^<]*)</th><td class="num">([^<]*)</td>', part)
    assert cells == [
        (label, national.shown(f"hourly_{name}"))
        for label, name in zip(
            ["10th percentile", "25th percentile", "Median", "75th percentile", "90th percentile"],
            ["p10", "p25", "median", "p75", "p90"],
            strict=True,
        )
    ]


def test_the_page_costs_a_handful_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(8):
        html(client)


def test_the_sources_page_links_here(client):
    response = client.get(reverse("careers:source-list"))
    assert reverse("careers:articles-checked") in response.content.decode()


def test_without_official_figures_the_page_says_so(client):
    from salaries.official import WageRelease

    WageRelease.objects.all().delete()
    page = html(client)
    assert "No official estimates are loaded yet" in page


@pytest.mark.django_db
def test_an_even_number_of_states_has_two_in_the_middle(client):
    from salaries.official import Area

    states = Area.objects.filter(kind="state").count()
    assert states % 2 == 0  # 54 as BLS publishes them
    page = client.get("/checked/").content.decode()
    assert f"The two states in the middle of the {states}" in page
