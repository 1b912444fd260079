"""A role's profile as a whole: what the sources say about it, the ladders it stands on,
and the moves into and out of it."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Q

from careers.models import EducationLevel, Fact, Role
from ladders.models import Promotion, Rung
from ladders.steps import Step, describe_steps
from salaries.charts import SpreadChart, wage_spread_chart
from salaries.official import Area
from salaries.today import PayToday, pay_today


@dataclass
class RoleProfile:
    role: Role  # fetched with_profile()
    rungs: list[Rung]
    next_steps: list[Step]
    comes_from: list[Step]
    fact_groups: list[tuple[str, list[Fact]]]  # (section heading, its facts), in page order
    education_labels: list[str]  # one per level the sources state, lowest first
    statement_sources: int  # how many articles say anything about the role
    requirement_groups: list[tuple]  # (source, its requirements), so a page names each once
    pay: PayToday  # official figures, nationally and in the chosen area
    spread: SpreadChart | None  # their 10th-90th percentile wages, drawn

    @classmethod
    def of(cls, role: Role, area: Area | None = None) -> RoleProfile:
        rungs = Rung.objects.filter(role=role).select_related("ladder__source", "ladder__employer")
        moves = Promotion.objects.select_related("ladder", "source")
        steps = describe_steps(moves.filter(Q(from_role=role) | Q(to_role=role)))
        pay = pay_today([role], area)[role.pk]
        return cls(
            role=role,
            rungs=list(rungs),
            next_steps=[step for step in steps if step.from_role.pk == role.pk],
            comes_from=[step for step in steps if step.to_role.pk == role.pk],
            fact_groups=[
                # By article (stable within it), so the page names each source once.
                (heading, [fact for _, rows in by_source(facts) for fact in rows])
                for kind, heading in Fact.SECTION_HEADINGS.items()
                if (facts := role.facts_of_kind(kind))
            ],
            education_labels=[EducationLevel(level).label for level in role.education_levels()],
            statement_sources=len(role.source_ids()),
            requirement_groups=by_source(role.requirements.all()),
            pay=pay,
            spread=spread_of(pay),
        )


def spread_of(pay: PayToday) -> SpreadChart | None:
    """The chosen area's, the nation's and call centers' spreads of pay, on one axis."""
    rows = []
    if pay.local is not None:
        rows.append((pay.local.area.name, pay.local))
    if pay.national is not None:
        rows.append(("United States", pay.national))
    if pay.call_centers is not None:
        rows.append(("U.S., business support services", pay.call_centers))
    return wage_spread_chart(rows, width=420) if rows else None


def by_source(rows) -> list[tuple]:
    """(source, its rows) in the order each source first appears (rows keep theirs)."""
    groups: dict = {}
    for row in rows:
        groups.setdefault(row.source_id, (row.source, []))[1].append(row)
    return list(groups.values())
