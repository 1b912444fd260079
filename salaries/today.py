"""Pay today: for each role, BLS's latest estimates of the federal occupation it is mapped
to, nationally and in the area a person chose, and the change a step between two roles
makes. Every figure comes from one release and names its area; nothing is derived from
the estimates (no "senior = 75th percentile")."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from salaries.official import (
    BUSINESS_SUPPORT,
    CROSS_INDUSTRY,
    NATIONAL,
    Area,
    Closeness,
    RoleOccupation,
    WageEstimate,
    WageRelease,
)


@dataclass
class PayToday:
    """One role's official figures: `national` and, when an area other than the nation
    is chosen, `local` (None where BLS publishes none there); `call_centers` is the
    national estimate in business support services, the industry of call centers."""

    role_id: int
    area: Area | None  # the area asked for; None or the nation: national figures only
    mapping: RoleOccupation | None
    national: WageEstimate | None = None
    local: WageEstimate | None = None
    call_centers: WageEstimate | None = None

    @property
    def occupation(self):
        return self.mapping.occupation if self.mapping else None

    @property
    def is_local(self) -> bool:
        """Whether an area other than the nation is asked for."""
        return self.area is not None and self.area.code != NATIONAL

    @property
    def headline(self) -> WageEstimate | None:
        """The figures a one-line summary uses: the chosen area's where BLS publishes a
        median there, else the nation's (the same rule as step_change and the pay filter)."""
        if self.local is not None and self.local.annual_median is not None:
            return self.local
        return self.national

    @property
    def local_missing(self) -> bool:
        """An area is chosen but BLS publishes no median there (no estimate at all, or
        one whose wages it does not release), so the summary is the nation's."""
        return self.is_local and self.national is not None and self.headline is self.national

    @property
    def why_none(self) -> str:
        """In plain words, why there are no official figures for the role (or "")."""
        if self.national is not None:
            return ""
        if self.mapping is None:
            return "No federal occupation has been chosen for this role yet."
        if self.mapping.closeness == Closeness.NONE:
            return f"No federal category fits this role: {self.mapping.reason}"
        return "BLS publishes no estimates for this occupation in the latest release."

    @property
    def release(self) -> WageRelease | None:
        return self.national.release if self.national else None


def latest_release() -> WageRelease | None:
    return WageRelease.objects.select_related("source").order_by("-published_on").first()


def pay_today(roles, area: Area | None = None) -> dict[int, PayToday]:
    """Each role's PayToday by role id, for the roles given (Role rows or ids), in two
    queries whatever their number and whichever the area."""
    ids = [getattr(role, "pk", role) for role in roles]
    mappings = {
        mapping.role_id: mapping
        for mapping in RoleOccupation.objects.filter(role_id__in=ids).select_related("occupation")
    }
    found = {role_id: PayToday(role_id, area, mappings.get(role_id)) for role_id in ids}
    codes = {mapping.occupation_id for mapping in mappings.values() if mapping.occupation_id}
    if not codes:
        return found
    areas = {NATIONAL} | ({area.code} if area is not None else set())
    latest = WageRelease.objects.order_by("-published_on").values("code")[:1]
    estimates = WageEstimate.objects.filter(
        Q(industry=CROSS_INDUSTRY, area__in=areas) | Q(industry=BUSINESS_SUPPORT, area=NATIONAL),
        release__in=latest,
        occupation__in=codes,
    ).select_related("release__source", "area", "occupation")
    by_occupation: dict[str, list[WageEstimate]] = {}
    for estimate in estimates:
        by_occupation.setdefault(estimate.occupation_id, []).append(estimate)
    for pay in found.values():
        for estimate in by_occupation.get(pay.mapping.occupation_id if pay.mapping else "", []):
            if estimate.industry_id == BUSINESS_SUPPORT:
                pay.call_centers = estimate
            elif estimate.area_id == NATIONAL:
                pay.national = estimate
            else:
                pay.local = estimate
    return found


def roles_with_median_at_least(
    roles, amount: Decimal, area: Area | None = None, *, hourly: bool = False
):
    """The roles (a queryset) whose federal occupation's median in the latest release
    reaches `amount`: the annual median, or the hourly one with `hourly`. The figure is the
    one a role's "today" cell shows: the chosen area's median where BLS publishes one
    there, else the nation's (also where BLS has a local estimate but does not release its
    wages). One query: subqueries on the role's mapping."""
    measure = "hourly_median" if hourly else "annual_median"
    latest = WageRelease.objects.order_by("-published_on").values("code")[:1]
    estimates = WageEstimate.objects.filter(
        release__in=latest,
        industry=CROSS_INDUSTRY,
        occupation=OuterRef("occupation_mapping__occupation"),
    ).order_by()
    nationally = Subquery(estimates.filter(area=NATIONAL).values(measure)[:1])
    if area is None or area.code == NATIONAL:
        median = nationally
    else:
        here = Subquery(estimates.filter(area=area.code).values(measure)[:1])
        median = Coalesce(here, nationally)
    return roles.annotate(median_today=median).filter(median_today__gte=amount)


@dataclass
class StepChange:
    """The difference in annual median pay between two roles' occupations, both ends
    from one release and one area."""

    before: WageEstimate
    after: WageEstimate

    @property
    def area(self) -> Area:
        return self.after.area

    @property
    def same_occupation(self) -> bool:
        return self.before.occupation_id == self.after.occupation_id

    @property
    def amount(self) -> Decimal:
        return self.after.annual_median - self.before.annual_median

    @property
    def percent(self) -> Decimal:
        return (self.amount * 100 / self.before.annual_median).quantize(Decimal("1"))

    @property
    def words(self) -> str:
        if self.same_occupation:
            return "the same federal occupation: BLS’s figures cannot tell these roles apart"
        sign = "+" if self.amount >= 0 else "−"
        # Both medians, so the change can be checked whichever area they are from.
        before = self.before.shown("annual_median")
        after = self.after.shown("annual_median")
        return (
            f"{sign}${abs(self.amount):,.0f} a year ({sign}{abs(self.percent)}%), "
            f"from {before} to {after}"
        )


def step_change(start: PayToday | None, end: PayToday | None) -> StepChange | None:
    """The change in median pay a step makes: in the chosen area where both ends have
    figures there, else nationally; None when either end has no median."""
    if start is None or end is None:
        return None
    for before, after in ((start.local, end.local), (start.national, end.national)):
        if (
            before is not None
            and after is not None
            and before.annual_median is not None
            and after.annual_median is not None
        ):
            return StepChange(before, after)
    return None
