"""What a move from one role to another means for a person: pay before and after,
and what the next role asks for that this one did not."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from careers.models import Necessity, Role
from careers.requirements import EXPERIENCE_COUNTS, scoped, years_display
from ladders.models import Promotion
from salaries import pay
from salaries.models import SalaryFigure


@dataclass
class PayChange:
    before: list[SalaryFigure]
    after: list[SalaryFigure]
    # Midpoint difference a year, only where one article states both roles' pay.
    yearly_difference: Decimal | None = None
    compared_in: SalaryFigure | None = None

    @property
    def summary(self) -> str:
        if not self.after:
            return "No source states pay for the next role."
        if not self.before:
            return "No source states pay for this role, so no change can be worked out."
        if self.yearly_difference is None:
            return (
                "The two roles' pay comes from different articles, so no change is worked out; "
                "see both figures as stated."
            )
        sign = "+" if self.yearly_difference >= 0 else "−"
        amount = pay.money(abs(self.yearly_difference), pay.YEAR)
        return (
            f"{sign}{amount} {pay.PERIOD_WORDS[pay.YEAR]} at the middle of the ranges "
            f"(both from {self.compared_in.source.title}, {self.compared_in.year_display})."
        )


@dataclass
class Step:
    promotion: Promotion
    from_role: Role
    to_role: Role
    pay: PayChange
    gained: list[str] = field(default_factory=list)

    @property
    def ladder(self):
        return self.promotion.ladder


def pay_change(before: list[SalaryFigure], after: list[SalaryFigure]) -> PayChange:
    change = PayChange(before=before, after=after)
    for next_figure in after:
        for figure in before:
            comparable = (
                figure.source_id == next_figure.source_id and figure.year == next_figure.year
            )
            if comparable:
                change.yearly_difference = next_figure.annual_midpoint - figure.annual_midpoint
                change.compared_in = next_figure
                return change
    return change


def requirements_gained(from_role: Role, to_role: Role) -> list[str]:
    """Plain statements of what `to_role` asks for beyond `from_role`, each with how its
    sentence asks ("required, often"; "preferred, almost always")."""
    gained = []
    before, after = from_role.least_required_education(), to_role.least_required_education()
    if after is not None and (before is None or after > before):
        # Each side as its sentence puts it: the help desk's "as well as either vocational
        # certification" must not make the team manager's certification look new.
        was = from_role.least_required_education_statement
        was = (
            f"{from_role.title} asks for {was.education_brief}"
            if was
            else f"no source states an education requirement for {from_role.title}"
        )
        now = to_role.least_required_education_statement
        gained.append(f"Education: {now.education_brief} ({now.qualifiers}; {was})")
    before_years, after_years = from_role.least_required_years(), to_role.least_required_years()
    if after_years is not None and (before_years is None or after_years > before_years):
        asks = next(
            req
            for req in to_role.requirements.all()
            if req.necessity in EXPERIENCE_COUNTS and req.experience_min_years == after_years
        )
        gained.append(f"Experience: at least {years_display(after_years)} ({asks.qualifiers})")
    held = {req.certification for req in from_role.requirements.all() if req.certification}
    for req in to_role.requirements.all():
        if req.certification and req.certification not in held:
            also = "; in some cases experience may override it" * req.experience_may_substitute
            gained.append(f"Certification: {req.certification} ({req.qualifiers}){also}")
        elif (
            req.necessity in (Necessity.PREFERRED, Necessity.SUGGESTED)
            and req.education is not None
            and (before is None or req.education > before)
        ):
            gained.append(
                f"{req.get_necessity_display()}: {scoped(req.education_brief, req.scope)}"
            )
        if (
            req.necessity in (Necessity.PREFERRED, Necessity.SUGGESTED)
            and req.experience_min_years is not None
            and (before_years is None or req.experience_min_years > before_years)
        ):
            where = f" {req.experience_field}" if req.experience_field else ""
            experience = f"experience, {req.experience_display}{where}"
            gained.append(f"{req.get_necessity_display()}: {scoped(experience, req.scope)}")
    return gained


def describe_steps(promotions: Iterable[Promotion]) -> list[Step]:
    """Steps with pay and requirements, in a fixed number of queries."""
    promotions = list(promotions)
    role_ids = {p.from_role_id for p in promotions} | {p.to_role_id for p in promotions}
    roles = Role.objects.with_pay_and_requirements().in_bulk(role_ids)
    steps = []
    for promotion in promotions:
        from_role, to_role = roles[promotion.from_role_id], roles[promotion.to_role_id]
        steps.append(
            Step(
                promotion=promotion,
                from_role=from_role,
                to_role=to_role,
                pay=pay_change(
                    list(from_role.salary_figures.all()), list(to_role.salary_figures.all())
                ),
                gained=requirements_gained(from_role, to_role),
            )
        )
    return steps
