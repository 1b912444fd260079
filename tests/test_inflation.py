"""Pay in another year's dollars: the CPI-U table and the arithmetic, checked against
the cpi package's own data and answers."""

import warnings
from decimal import Decimal

import pytest

from salaries.models import HOURS_PER_YEAR, CpiYear, SalaryFigure, adjust_for_inflation

pytestmark = pytest.mark.django_db

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # cpi warns that its bundled data may be stale
    import cpi


def test_the_cpi_table_matches_the_cpi_package_year_by_year():
    table = CpiYear.objects.as_table()
    assert min(table) == 1950
    assert max(table) >= 2025
    for year, value in table.items():
        assert float(value) == pytest.approx(cpi.get(year), abs=0.0005), year


@pytest.mark.parametrize(
    ("amount", "from_year", "to_year"), [(25702, 2007, 2025), (9, 2008, 2024), (50000, 2025, 1990)]
)
def test_adjustment_agrees_with_cpi_inflate(amount, from_year, to_year):
    table = CpiYear.objects.as_table()
    ours = adjust_for_inflation(Decimal(amount), from_year, to_year, table)
    assert float(ours) == pytest.approx(cpi.inflate(amount, from_year, to=to_year), rel=1e-6)


def test_hourly_figures_become_yearly_at_2080_hours_then_adjust():
    figure = SalaryFigure.objects.get(period="hour")  # $9.00-$17.00 an hour, 2008
    table = CpiYear.objects.as_table()
    pay = figure.normalised(2025, table)
    assert HOURS_PER_YEAR == 2080
    assert float(pay.low) == pytest.approx(cpi.inflate(9 * 2080, 2008, to=2025), rel=1e-6)
    assert float(pay.high) == pytest.approx(cpi.inflate(17 * 2080, 2008, to=2025), rel=1e-6)
    assert pay.adjusted
    assert "hourly figure × 2,080 hours" in pay.notes


def test_yearly_equivalent_without_adjustment():
    figure = SalaryFigure.objects.get(period="hour")
    pay = figure.normalised(None, {})
    assert (pay.low, pay.high) == (Decimal("18720.00"), Decimal("35360.00"))
    assert figure.as_yearly_equivalent() == "about $18,720–$35,360 a year"


def test_undated_figures_are_never_adjusted_and_say_why():
    figure = SalaryFigure.objects.get(role=None)  # 004, undated
    pay = figure.normalised(2025, CpiYear.objects.as_table())
    assert not pay.adjusted
    assert (pay.low, pay.high) == (figure.low, figure.high)
    assert "not adjusted: the source gives no year" in pay.notes


def test_a_new_cpi_year_added_in_admin_is_used_without_a_release():
    CpiYear.objects.create(year=2026, value=Decimal("330.000"))
    table = CpiYear.objects.as_table()
    figure = SalaryFigure.objects.get(role__slug="senior-customer-service-representative")
    pay = figure.normalised(2026, table)
    assert pay.low == figure.low * Decimal("330.000") / table[2007]
