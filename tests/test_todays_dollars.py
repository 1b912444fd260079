"""Pay in today's dollars outside the comparisons: the role list, its pay filter, profiles,
ladders and path steps give each dated figure in the latest CPI-U year's dollars beside
the figure as stated; an undated figure is never adjusted."""

from decimal import Decimal

import pytest

from careers.models import Role
from salaries.models import CpiYear, SalaryFigure
from salaries.pay import money

pytestmark = pytest.mark.django_db

URL = "/roles/"
CSM = "customer-service-manager"


def listed(response) -> set[str]:
    return {role.slug for role in response.context["roles"]}


def latest() -> int:
    return CpiYear.objects.order_by("-year").values_list("year", flat=True).first()


def in_latest_dollars(amount: Decimal, year: int) -> Decimal:
    table = CpiYear.objects.as_table()
    return (amount * table[latest()] / table[year]).quantize(Decimal(1))


def csm_figure() -> SalaryFigure:
    return SalaryFigure.objects.get(role__slug=CSM)


def test_the_pay_filter_can_count_dated_figures_in_todays_dollars(client):
    figure = csm_figure()
    assert figure.year == 2007 and figure.high < 80_000  # the article's own top
    as_stated = client.get(URL, {"min_pay": "80000", "pay_period": "year"})
    assert CSM not in listed(as_stated)
    today = client.get(URL, {"min_pay": "80000", "pay_period": "year", "pay_today": "on"})
    assert CSM in listed(today)
    heading = today.content.decode()
    assert f"whose stated pay reaches $80,000 a year in {latest()} dollars" in heading


def test_a_figure_shown_as_exactly_the_amount_asked_for_qualifies(client):
    top = in_latest_dollars(csm_figure().high, 2007)
    at = client.get(URL, {"min_pay": str(top), "pay_today": "on"})
    above = client.get(URL, {"min_pay": str(top + 1), "pay_today": "on"})
    assert CSM in listed(at)
    assert CSM not in listed(above)


def test_hourly_figures_count_over_a_year_in_todays_dollars(client):
    figure = SalaryFigure.objects.get(period="hour")
    top = in_latest_dollars(figure.high * 2080, figure.year)
    assert figure.role.slug in listed(client.get(URL, {"min_pay": str(top), "pay_today": "on"}))
    assert figure.role.slug not in listed(
        client.get(URL, {"min_pay": str(top + 2), "pay_today": "on"})
    )


def test_undated_figures_count_as_stated_and_are_never_adjusted(client):
    undated = SalaryFigure.objects.filter(year=None, role__isnull=False).first()
    role = Role.objects.create(title="Undated pay only", slug="undated-pay-only")
    SalaryFigure.objects.create(
        role=role,
        source=undated.source,
        quote=undated.quote,
        low=Decimal(20000),
        high=Decimal(30000),
        period="year",
        year=None,
    )
    assert role.slug in listed(client.get(URL, {"min_pay": "30000", "pay_today": "on"}))
    assert role.slug not in listed(client.get(URL, {"min_pay": "30001", "pay_today": "on"}))
    assert undated.in_latest_dollars(CpiYear.objects.as_table()) is None
    page = client.get(role.get_absolute_url()).content.decode()
    assert "from 2007" not in page and "undated, not today's pay" in page
    assert " dollars: " not in page


def test_the_role_list_shows_dated_figures_in_todays_dollars_with_the_banner(client):
    page = client.get(URL).content.decode()
    figure = csm_figure()
    low = money(in_latest_dollars(figure.low, 2007), "year").removesuffix(" a year")
    assert f"in {latest()} dollars: typically {low}" in page
    assert "About the articles’ pay figures:" in page
    assert "from 2007–2008 or undated" in page
    assert "An undated figure is never adjusted" in page
    # 001's "Entry-level salaries range from $19,000 to $34,000" gives no period.
    assert "(a year, as we read it)" in page
    assert "“As we read it” marks a period the sentence does not give" in page


def test_a_page_whose_figures_all_state_their_period_does_not_explain_as_we_read_it(client):
    role = Role.objects.get(slug="customer-service-training-manager")  # 001: "a year"
    page = client.get(role.get_absolute_url()).content.decode()
    assert "About the articles’ pay figures:" in page
    assert "as we read it" not in page.lower()


def test_a_profile_shows_its_own_figures_years_and_todays_dollars(client):
    page = client.get(Role.objects.get(slug=CSM).get_absolute_url()).content.decode()
    assert "they are the articles' own, from 2007, not today's pay" in page
    assert f"In {latest()} dollars:" in page
    assert "adjusted from 2007, the year the article was published," in page


def test_without_a_cpi_table_nothing_is_adjusted_and_the_box_is_not_offered(client):
    CpiYear.objects.all().delete()
    page = client.get(URL, {"min_pay": "80000", "pay_today": "on"})
    assert CSM not in listed(page)
    html = page.content.decode()
    assert 'name="pay_today"' not in html
    assert " dollars: " not in html


def test_ladder_steps_show_the_next_rungs_pay_in_todays_dollars(client):
    from ladders.models import Rung

    rung = Rung.objects.filter(role__slug=CSM).select_related("ladder").first()
    page = client.get(rung.ladder.get_absolute_url()).content.decode()
    assert f"in {latest()} dollars: typically" in page


def test_ladder_pages_and_routes_carry_the_note_on_when_pay_dates_from(client):
    ladder = client.get("/ladders/customer-service-track/").content.decode()
    route = client.get(
        "/paths/", {"from": "customer-service-representative", "to": CSM}
    ).content.decode()
    for page in (ladder, route):
        assert "About the articles’ pay figures:" in page
        assert "from 2007–2008 or undated" in page
