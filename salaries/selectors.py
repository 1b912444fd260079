"""Questions about roles that only pay can answer."""

from __future__ import annotations

from decimal import Decimal

from django.db.models import Exists, OuterRef

from careers.querysets import RoleQuerySet
from salaries.models import SalaryFigure


def roles_paying_at_least(roles: RoleQuerySet, yearly_amount: Decimal) -> RoleQuerySet:
    """Roles with at least one figure whose top reaches `yearly_amount` a year (hourly
    figures compared at 2,080 hours a year)."""
    figures = SalaryFigure.objects.with_annual_top().filter(
        role=OuterRef("pk"), annual_top__gte=yearly_amount
    )
    return roles.filter(Exists(figures))
