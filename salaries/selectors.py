"""Questions about roles that only pay can answer, and what the articles say around pay."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, F, Max, OuterRef, Subquery
from django.db.models.functions import Lower

from careers.models import Fact
from careers.querysets import RoleQuerySet
from salaries.models import FigureKind, SalaryFigure


def roles_paying_at_least(roles: RoleQuerySet, yearly_amount: Decimal) -> RoleQuerySet:
    """Roles with at least one figure whose top reaches `yearly_amount` a year (hourly
    figures compared at 2,080 hours a year)."""
    figures = SalaryFigure.objects.with_annual_top().filter(
        role=OuterRef("pk"), annual_top__gte=yearly_amount
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
