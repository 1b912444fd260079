"""The pure pay rules in salaries/pay.py: no database, no Django."""

import ast
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from salaries.pay import (
    HOURS_PER_YEAR,
    StatedPay,
    adjust_for_inflation,
    as_stated,
    midpoint,
    money,
    yearly,
)

ROOT = Path(__file__).resolve().parent.parent
PURE_MODULES = ["salaries.pay", "salaries.charts"]

D = Decimal


@pytest.mark.parametrize(
    ("low", "high", "period", "options", "expected"),
    [
        (D("9"), D("17"), "hour", {}, "$9.00–$17.00 an hour"),
        (D("9"), D("17"), "hour", {"approximate": True}, "about $9.00–$17.00 an hour"),
        (D("25702"), D("33661"), "year", {}, "$25,702–$33,661 a year"),
        (
            D("16000"),
            D("100000"),
            "year",
            {"can_be_exceeded": True},
            "from $16,000, and can exceed $100,000 a year",
        ),
        (
            D("16000"),
            D("100000"),
            "year",
            {"can_be_exceeded": True, "approximate": True},
            "from about $16,000, and can exceed $100,000 a year",
        ),
        (None, D("50000"), "year", {}, "up to $50,000 a year"),
        (None, D("50000"), "year", {"approximate": True}, "up to about $50,000 a year"),
        (None, D("50000"), "year", {"can_be_exceeded": True}, "more than $50,000 a year"),
        (D("50000"), None, "year", {}, "$50,000 or more a year"),
        (D("40000"), D("40000"), "year", {}, "$40,000 a year"),
        (D("40000"), D("40000"), "year", {"can_be_exceeded": True}, "$40,000 or more a year"),
        (D("12.5"), None, "hour", {"currency": "CAD"}, "CAD 12.50 or more an hour"),
        # The source's hedge, the title a figure is for, and a period the sentence omits.
        (D("22925"), D("39743"), "year", {"hedge": "often"}, "often $22,925–$39,743 a year"),
        (
            D("25702"),
            D("33661"),
            "year",
            {"hedge": "generally", "applies_to": "CSR I", "period_is_stated": False},
            "CSR I: generally $25,702–$33,661 (a year, as we read it)",
        ),
        (
            D("19000"),
            D("34000"),
            "year",
            {"period_is_stated": False},
            "$19,000–$34,000 (a year, as we read it)",
        ),
    ],
)
def test_as_stated_reads_as_the_source_put_it(low, high, period, options, expected):
    assert as_stated(low, high, period, **options) == expected
    assert StatedPay(low, high, period, **options).as_stated() == expected


@pytest.mark.parametrize(
    ("value", "period", "currency", "expected"),
    [
        (D("9"), "hour", "USD", "$9.00"),
        (D("1234.5"), "hour", "USD", "$1,234.50"),
        (D("25702"), "year", "USD", "$25,702"),
        (D("25702.60"), "year", "USD", "$25,703"),
        (D("25702"), "year", "EUR", "EUR 25,702"),
    ],
)
def test_money_shows_cents_by_the_hour_and_whole_dollars_by_the_year(
    value, period, currency, expected
):
    assert money(value, period, currency) == expected


def test_yearly_equivalent_is_2080_hours():
    assert HOURS_PER_YEAR == 2080
    assert yearly(D("9"), "hour") == D("18720")
    assert yearly(D("25702"), "year") == D("25702")
    assert yearly(None, "hour") is None
    figure = StatedPay(D("9.00"), D("17.00"), "hour", approximate=True)
    assert figure.as_yearly_equivalent() == "about $18,720–$35,360 a year"
    assert StatedPay(D("25702"), None, "year").as_yearly_equivalent() == ""


def test_midpoint_of_a_one_sided_range_is_its_bound():
    assert midpoint(D("10"), D("20")) == D("15")
    assert midpoint(D("10"), None) == D("10")
    assert midpoint(None, D("20")) == D("20")
    assert StatedPay(D("9"), D("17"), "hour").yearly_midpoint == D("13") * 2080


def test_adjustment_is_the_ratio_of_the_two_years_cpi():
    table = {2000: D("100"), 2020: D("150")}
    assert adjust_for_inflation(D("20000"), 2000, 2020, table) == D("30000")
    assert adjust_for_inflation(D("30000"), 2020, 2000, table) == D("20000")
    with pytest.raises(KeyError):
        adjust_for_inflation(D("1"), 1999, 2020, table)


def test_normalised_pay_adjusts_dated_figures_and_says_what_it_did():
    table = {2008: D("200"), 2025: D("300")}
    pay = StatedPay(D("9"), D("17"), "hour", approximate=True, year=2008).normalised(2025, table)
    assert (pay.low, pay.high) == (D("28080"), D("53040"))
    assert pay.adjusted
    assert pay.notes == ["hourly figure × 2,080 hours", "adjusted from 2008 to 2025 dollars"]
    assert pay.display() == "about $28,080–$53,040 a year"
    assert pay.figure.year == 2008 and pay.year == 2008


def test_normalised_pay_says_why_it_was_not_adjusted():
    undated = StatedPay(D("30000"), None, "year").normalised(2025, {2025: D("300")})
    assert not undated.adjusted
    assert undated.notes == ["not adjusted: the source gives no year"]
    missing = StatedPay(D("30000"), None, "year", year=1990).normalised(2025, {2025: D("300")})
    assert missing.notes == ["not adjusted: no CPI-U figure for 1990 or 2025"]
    assert missing.display() == "$30,000 or more a year"


def test_normalised_pay_display_rounds_to_whole_dollars_and_keeps_can_exceed():
    table = {2000: D("3"), 2001: D("4")}
    pay = StatedPay(D("10000"), D("20000"), "year", can_be_exceeded=True, year=2000)
    normalised = pay.normalised(2001, table)
    assert normalised.can_be_exceeded
    assert normalised.display() == "from $13,333, and can exceed $26,667 a year"


@pytest.mark.parametrize("module", PURE_MODULES)
def test_pure_pay_modules_name_no_django_import(module):
    tree = ast.parse((ROOT / (module.replace(".", "/") + ".py")).read_text())
    imported = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
    assert not {name for name in imported if name.split(".")[0] in {"django", "simple_history"}}
    assert not {name for name in imported if name.endswith(".models")}


def test_pure_pay_modules_load_without_django():
    code = (
        "import sys; import salaries.pay, salaries.charts; "
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'django' "
        "or m.endswith('.models')); "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_period_read_by_the_site_is_marked_without_nested_brackets_in_running_text():
    from decimal import Decimal as D

    from salaries.pay import as_stated

    plain = as_stated(D(19000), D(34000), "year", period_is_stated=False)
    inline = as_stated(D(19000), D(34000), "year", period_is_stated=False, in_brackets=True)
    assert plain == "$19,000–$34,000 (a year, as we read it)"
    assert inline == "$19,000–$34,000 a year, as we read it"
    assert as_stated(D(1), D(2), "year", in_brackets=True) == "$1–$2 a year"
