"""Questions about roles that only pay can answer, and what the articles say around pay."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import (
    DecimalField,
    Exists,
    ExpressionWrapper,
    F,
    Max,
    OuterRef,
    Q,
    Subquery,
)
from django.db.models.functions import Lower

from careers.models import Fact
from careers.querysets import RoleQuerySet
from salaries.models import CpiYear, FigureKind, SalaryFigure


def roles_paying_at_least(
    roles: RoleQuerySet, yearly_amount: Decimal, *, cpi: dict[int, Decimal] | None = None
) -> RoleQuerySet:
    """Roles with at least one figure whose top reaches `yearly_amount` a year (hourly
    figures compared at 2,080 hours a year). With a CPI-U table, dated figures count in
    the dollars of its latest year (as SalaryFigure.in_latest_dollars shows them, to the
    dollar); undated figures, and years the table lacks, count as stated."""
    figures = SalaryFigure.objects.with_annual_top().filter(role=OuterRef("pk"))
    if not cpi:
        return roles.filter(Exists(figures.filter(annual_top__gte=yearly_amount)))
    latest = max(cpi)
    then = CpiYear.objects.filter(year=OuterRef("year"), year__lt=latest).values("value")[:1]
    # Shown rounded to the dollar, so a figure shown as exactly the amount qualifies.
    adjusted = ExpressionWrapper(
        F("annual_top") * cpi[latest] / F("cpi_then"), output_field=DecimalField()
    )
    figures = figures.annotate(cpi_then=Subquery(then), adjusted_top=adjusted).filter(
        Q(cpi_then__isnull=True, annual_top__gte=yearly_amount)
        | Q(cpi_then__isnull=False, adjusted_top__gte=yearly_amount - Decimal("0.5"))
    )
    return roles.filter(Exists(figures))


def by_top_pay(roles: RoleQuerySet) -> RoleQuerySet:
    """Highest stated pay first (the top of each role's best figure, as a yearly amount);
    roles with no stated pay last, then by title."""
    top = (
        SalaryFigure.objects.with_annual_top()
        .filter(role=OuterRef("pk"))
        .values("role")
        .annotate(best=Max("annual_top"))
        .values("best")
    )
    return roles.annotate(top_pay=Subquery(top)).order_by(
        F("top_pay").desc(nulls_last=True), Lower("title"), "pk"
    )


@dataclass
class PayContext:
    """What the articles say around any pay figure: that pay (and duties) vary with where
    the work is, and, beside entry pay, where call-center pay starts across the field."""

    place: list  # facts on the "pay and place" topic
    field_start: list  # field-wide starting figures (004: "start right around $16,000")


def pay_context(*, starting: bool = False) -> PayContext:
    place = Fact.objects.on_topic("pay_and_place")
    start = (
        SalaryFigure.objects.filter(role=None, kind=FigureKind.STARTING).select_related("source")
        if starting
        else SalaryFigure.objects.none()
    )
    return PayContext(place=list(place), field_start=list(start))


@dataclass
class PayDates:
    """When the pay figures a page shows date from, and the CPI-U year dated ones are
    also shown in: the plain banner beside pay outside the comparisons."""

    first: int | None
    last: int | None
    undated: int
    latest_cpi_year: int | None
    period_read: int = 0  # figures whose sentence gives no period ("as we read it")

    @property
    def years(self) -> str:
        if self.first is None:
            return ""
        return str(self.first) if self.first == self.last else f"{self.first}–{self.last}"


def pay_dates(figures, cpi: dict[int, Decimal]) -> PayDates:
    """The years of `figures` (those a page shows, already fetched), and the latest year
    of the CPI-U table `cpi`."""
    years = [figure.year for figure in figures if figure.year is not None]
    return PayDates(
        first=min(years, default=None),
        last=max(years, default=None),
        undated=sum(1 for figure in figures if figure.year is None),
        latest_cpi_year=max(cpi) if cpi else None,
        period_read=sum(1 for figure in figures if not figure.period_is_stated),
    )
