"""The server-drawn pay chart: bars sit where their numbers say."""

from decimal import Decimal

import pytest

from salaries.charts import LEFT, nice_step, pay_chart
from salaries.models import SalaryFigure


def pay(low, high, *, exceed=False, year=2007):
    figure = SalaryFigure(
        low=None if low is None else Decimal(low),
        high=None if high is None else Decimal(high),
        high_can_be_exceeded=exceed,
        period="year",
        year=year,
    )
    return figure.normalised(None, {})


def test_bars_are_placed_linearly_on_one_axis():
    chart = pay_chart([("a", pay(25000, 50000)), ("b", pay(50000, 100000))], width=724)
    assert chart.axis_max == Decimal(100000)
    plot = chart.plot_width
    a, b = chart.bars
    assert a.x_start == pytest.approx(LEFT + 0.25 * plot)
    assert a.x_end == pytest.approx(LEFT + 0.5 * plot)
    assert b.x_start == pytest.approx(a.x_end)
    assert b.x_end == pytest.approx(LEFT + plot)
    assert b.y > a.y


def test_open_ended_pay_gets_an_arrow_past_its_figure_and_room_on_the_axis():
    chart = pay_chart([("field", pay(16000, 100000, exceed=True))])
    bar = chart.bars[0]
    assert chart.axis_max > Decimal(100000)
    assert bar.open_end is not None and bar.open_end > bar.x_end


def test_a_single_figure_is_drawn_as_a_point():
    chart = pay_chart([("x", pay(40000, 40000))])
    assert chart.bars[0].point


def test_axis_ticks_are_round_numbers_starting_at_zero():
    chart = pay_chart([("a", pay(19000, 34000))])
    labels = [label for _, label in chart.ticks]
    assert labels[0] == "$0"
    assert labels[-1] == f"${chart.axis_max / 1000:,.0f}k"
    assert nice_step(34000) == 10000


@pytest.mark.django_db
def test_comparison_page_draws_one_bar_per_figure_with_a_table(client):
    response = client.get(
        "/compare/roles/",
        {"role": ["customer-service-representative", "senior-customer-service-representative"]},
    )
    html = response.content.decode()
    figures = SalaryFigure.objects.filter(
        role__slug__in=["customer-service-representative", "senior-customer-service-representative"]
    ).count()
    svg = html[
        html.index('<figure class="pay-chart">') : html.index(
            "</figure>", html.index('<figure class="pay-chart">')
        )
    ]
    assert svg.count('<g class="bar') == figures
    assert '<title id="chart-title">' in svg and '<desc id="chart-desc">' in svg
    assert html.count('<tr><th scope="row">') >= figures  # the same numbers as a table


def test_tick_labels_for_a_step_of_2500_are_exact():
    chart = pay_chart([("a", pay(12000, 14000))])
    assert nice_step(14000) == 2500
    assert [label for _, label in chart.ticks] == [
        "$0",
        "$2.5k",
        "$5k",
        "$7.5k",
        "$10k",
        "$12.5k",
        "$15k",
    ]


def test_all_zero_pay_still_draws():
    figure = SalaryFigure(low=Decimal(0), high=Decimal(0), period="hour", year=2007)
    chart = pay_chart([("zero", figure.normalised(None, {}))])
    assert chart.axis_max > 0


def test_a_floor_only_figure_gets_room_for_its_arrow():
    chart = pay_chart([("a", pay(50000, None))])
    bar = chart.bars[0]
    assert bar.open_end > bar.x_end


@pytest.mark.django_db
def test_the_chart_title_names_the_dollars_year_when_one_is_chosen(client):
    roles = ["customer-service-representative", "supervisor"]
    html = client.get("/compare/roles/", {"role": roles, "dollars": "2025"}).content.decode()
    assert '<title id="chart-title">Pay ranges, US dollars a year, in 2025 dollars' in html
    plain = client.get("/compare/roles/", {"role": roles}).content.decode()
    assert '<title id="chart-title">Pay ranges, US dollars a year</title>' in plain
