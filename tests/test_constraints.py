"""Invariants the database itself enforces, whatever writes to it."""

from decimal import Decimal

import pytest
from django.db import IntegrityError, transaction

from careers.models import Fact, RequirementStatement, Role, Source
from ladders.models import Ladder, Promotion, Rung
from salaries.models import SalaryFigure

pytestmark = pytest.mark.django_db


@pytest.fixture
def source():
    return Source.objects.get(seed_file__startswith="004")


@pytest.fixture
def csr():
    return Role.objects.get(slug="customer-service-representative")


def refused(make):
    with pytest.raises(IntegrityError), transaction.atomic():
        make()


def test_salary_low_above_high_is_refused(source, csr):
    refused(
        lambda: SalaryFigure.objects.create(
            role=csr, source=source, quote="q", low=Decimal(10), high=Decimal(5), period="hour"
        )
    )


def test_salary_with_no_figure_at_all_is_refused(source, csr):
    refused(lambda: SalaryFigure.objects.create(role=csr, source=source, quote="q", period="year"))


def test_salary_with_only_a_low_figure_is_accepted(source, csr):
    figure = SalaryFigure.objects.create(
        role=csr, source=source, quote="q", low=Decimal(16000), period="year"
    )
    assert figure.as_stated() == "$16,000 or more a year"


def test_requirement_experience_min_above_max_is_refused(source, csr):
    refused(
        lambda: RequirementStatement.objects.create(
            role=csr,
            source=source,
            quote="q",
            summary="s",
            necessity="required",
            experience_min_years=Decimal(5),
            experience_max_years=Decimal(2),
        )
    )


def test_fact_values_low_above_high_are_refused(source, csr):
    refused(
        lambda: Fact.objects.create(
            role=csr, source=source, quote="q", kind="span", text="t", value_low=30, value_high=10
        )
    )


def test_rung_position_is_unique_within_a_ladder(csr):
    ladder = Ladder.objects.get(slug="call-center-hierarchy")
    other = Role.objects.create(title="Other", slug="other")
    refused(lambda: Rung.objects.create(ladder=ladder, role=other, position=1))


def test_same_position_on_another_ladder_is_fine():
    ladder = Ladder.objects.get(slug="convergys")
    other = Role.objects.create(title="Other", slug="other")
    assert Rung.objects.create(ladder=ladder, role=other, position=99).pk


def test_promotion_from_a_role_to_itself_is_refused(source, csr):
    ladder = Ladder.objects.get(slug="call-center-hierarchy")
    refused(
        lambda: Promotion.objects.create(
            ladder=ladder, source=source, quote="q", from_role=csr, to_role=csr
        )
    )


def test_promotion_months_min_above_max_is_refused(source, csr):
    ladder = Ladder.objects.get(slug="call-center-hierarchy")
    gm = Role.objects.get(slug="call-center-general-manager")
    refused(
        lambda: Promotion.objects.create(
            ladder=ladder,
            source=source,
            quote="q",
            from_role=csr,
            to_role=gm,
            months_min=18,
            months_max=12,
        )
    )


def test_role_slugs_are_unique():
    refused(
        lambda: Role.objects.create(title="Another CSR", slug="customer-service-representative")
    )


def test_ladder_slugs_are_unique(source):
    refused(lambda: Ladder.objects.create(name="x", slug="convergys", source=source, quote="q"))


def test_an_article_needs_its_file_and_statistics_need_none(source):
    refused(lambda: Source.objects.create(slug="no-file", title="An article", seed_file=""))
    refused(lambda: Source.objects.create(slug="twin", title="Twin", seed_file=source.seed_file))
    for release in ["2026a01", "2027a01"]:  # several without a file do not collide
        Source.objects.create(
            slug=f"bls-oews-{release}", title="Statistics", kind=Source.Kind.STATISTICS
        )
    assert Source.objects.filter(seed_file="").count() == 3
    assert Source.objects.articles().count() == 5
