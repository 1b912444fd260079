"""How figures and requirements read to a person."""

from decimal import Decimal

import pytest

from careers.models import EducationLevel, RequirementStatement, Role
from careers.requirements import is_degree
from ladders.models import Promotion
from salaries.models import SalaryFigure


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"low": Decimal("9"), "high": Decimal("17"), "period": "hour"}, "$9.00–$17.00 an hour"),
        (
            {"low": Decimal("9"), "high": Decimal("17"), "period": "hour", "approximate": True},
            "about $9.00–$17.00 an hour",
        ),
        (
            {"low": Decimal("25702"), "high": Decimal("33661"), "period": "year"},
            "$25,702–$33,661 a year",
        ),
        ({"low": None, "high": Decimal("50000"), "period": "year"}, "up to $50,000 a year"),
        ({"low": Decimal("40000"), "high": Decimal("40000"), "period": "year"}, "$40,000 a year"),
    ],
)
def test_pay_is_stated_with_its_period(fields, expected):
    assert SalaryFigure(**fields).as_stated() == expected


def test_undated_pay_says_so():
    assert SalaryFigure(low=1, period="year").year_display == "year not stated"
    assert SalaryFigure(low=1, period="year", year=2007).year_display == "2007"


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [
        (Decimal("0"), Decimal("3"), "0 to 3 years"),
        (Decimal("7"), None, "at least 7 years"),
        (Decimal("1"), None, "at least 1 year"),
        (None, Decimal("2"), "up to 2 years"),
        (Decimal("2.5"), Decimal("2.5"), "2.5 years"),
        (None, None, ""),
    ],
)
def test_experience_reads_naturally(low, high, expected):
    statement = RequirementStatement(experience_min_years=low, experience_max_years=high)
    assert statement.experience_display == expected


@pytest.mark.parametrize(
    ("low", "high", "expected"),
    [(12, 18, "12–18 months"), (6, None, "at least 6 months"), (None, None, "not stated")],
)
def test_time_in_role_reads_naturally(low, high, expected):
    assert Promotion(months_min=low, months_max=high).time_in_role_display == expected


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"low": None, "high": Decimal(100000)}, "more than $100,000 a year"),
        ({"low": Decimal(100000), "high": Decimal(100000)}, "$100,000 or more a year"),
        ({"low": Decimal(50000), "high": None}, "$50,000 or more a year"),
    ],
)
def test_pay_that_can_exceed_its_figure_never_reads_as_a_cap(fields, expected):
    figure = SalaryFigure(period="year", high_can_be_exceeded=True, **fields)
    assert figure.as_stated() == expected


@pytest.mark.parametrize(
    ("level", "expected"),
    [
        (None, False),
        (EducationLevel.SOME_COLLEGE, False),
        (EducationLevel.ASSOCIATE, True),
        (EducationLevel.BACHELOR, True),
    ],
)
def test_a_degree_is_an_associate_degree_or_more(level, expected):
    assert is_degree(level) is expected


@pytest.mark.django_db
def test_least_education_and_experience_agree_in_the_database_and_in_python():
    roles = list(Role.objects.with_pay_and_requirements())
    for level in EducationLevel.values:
        within = set(Role.objects.within_education(level).values_list("pk", flat=True))
        by_python = {
            role.pk
            for role in roles
            if role.least_required_education() is None or role.least_required_education() <= level
        }
        assert within == by_python, level
    for years in (0, 1, 2, 5):
        within = set(Role.objects.within_experience(years).values_list("pk", flat=True))
        by_python = {
            role.pk
            for role in roles
            if role.least_required_years() is None or role.least_required_years() <= years
        }
        assert within == by_python, years
