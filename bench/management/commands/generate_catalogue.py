"""A synthetic occupational catalogue on top of the seed data, deterministic from a seed."""

import random
from itertools import pairwise

from django.core.management.base import BaseCommand
from django.db import transaction

from careers.models import EducationLevel, Fact, RequirementStatement, Role, Source
from core.models import DataVersion
from ladders.models import Ladder, Promotion, Rung
from salaries.models import SalaryFigure

LEVELS = ["Junior", "Associate", "Senior", "Lead", "Principal", "Chief"]
AREAS = [
    "billing",
    "claims",
    "technical",
    "retention",
    "onboarding",
    "escalations",
    "chat",
    "email",
    "quality",
    "workforce",
    "training",
    "sales",
    "collections",
    "returns",
]
KINDS = [
    "representative",
    "specialist",
    "agent",
    "analyst",
    "coordinator",
    "supervisor",
    "manager",
    "advisor",
    "coach",
    "lead",
]
BATCH = 2000


class Command(BaseCommand):
    help = "Add a synthetic catalogue of roles, ladders, promotions, pay and requirements."

    def add_arguments(self, parser):
        parser.add_argument("--roles", type=int, default=10_000)
        parser.add_argument("--promotions", type=int, default=50_000)
        parser.add_argument("--ladders", type=int, default=500)
        parser.add_argument("--seed", type=int, default=1)

    @transaction.atomic
    def handle(self, *args, roles, promotions, ladders, seed, **options):
        rng = random.Random(seed)
        sources = list(Source.objects.all())
        start = Role.objects.count()
        made = Role.objects.bulk_create(
            (
                Role(
                    title=f"{rng.choice(LEVELS)} {rng.choice(AREAS)} {rng.choice(KINDS)} {n:05d}",
                    slug=f"synthetic-role-{n:05d}",
                )
                for n in range(roles)
            ),
            batch_size=BATCH,
        )
        made = list(Role.objects.filter(slug__startswith="synthetic-role-").order_by("pk"))
        # Roles get a rank, and moves only go up the ranks, so the graph has no loops.
        rank = {role.pk: index for index, role in enumerate(made)}
        figures, requirements, facts = [], [], []
        for role in made:
            source = rng.choice(sources)
            base = rng.randrange(18_000, 90_000, 500)
            if rng.random() < 0.2:
                low = round(base / 2080, 2)
                figures.append(
                    SalaryFigure(
                        role=role,
                        source=source,
                        quote="synthetic",
                        low=low,
                        high=round(low * 1.4, 2),
                        period="hour",
                        year=source.year,
                    )
                )
            else:
                figures.append(
                    SalaryFigure(
                        role=role,
                        source=source,
                        quote="synthetic",
                        low=base,
                        high=base + rng.randrange(2_000, 30_000, 500),
                        period="year",
                        year=source.year,
                    )
                )
            requirements.append(
                RequirementStatement(
                    role=role,
                    source=source,
                    quote="synthetic",
                    summary="Synthetic requirement",
                    necessity=rng.choice(["required", "preferred"]),
                    education=rng.choice(list(EducationLevel.values)),
                    experience_min_years=rng.choice([None, 0, 1, 2, 3, 5]),
                )
            )
            facts.append(
                Fact(
                    role=role,
                    source=source,
                    quote="synthetic",
                    kind="duty",
                    text=f"Handles {rng.choice(AREAS)} work",
                )
            )
        SalaryFigure.objects.bulk_create(figures, batch_size=BATCH)
        RequirementStatement.objects.bulk_create(requirements, batch_size=BATCH)
        Fact.objects.bulk_create(facts, batch_size=BATCH)

        made_ladders = Ladder.objects.bulk_create(
            (
                Ladder(
                    name=f"Synthetic ladder {n:04d}",
                    slug=f"synthetic-ladder-{n:04d}",
                    source=rng.choice(sources),
                    quote="synthetic",
                )
                for n in range(ladders)
            ),
            batch_size=BATCH,
        )
        made_ladders = list(Ladder.objects.filter(slug__startswith="synthetic-ladder-"))
        rungs, moves, seen = [], [], set()
        for ladder in made_ladders:
            chain = sorted(rng.sample(made, rng.randint(4, 12)), key=lambda r: rank[r.pk])
            for position, role in enumerate(chain, 1):
                rungs.append(Rung(ladder=ladder, role=role, position=position))
            for lower, upper in pairwise(chain):
                seen.add((ladder.pk, lower.pk, upper.pk))
                moves.append(
                    Promotion(
                        ladder=ladder,
                        source=ladder.source,
                        quote="synthetic",
                        from_role=lower,
                        to_role=upper,
                        months_min=rng.choice([None, 6, 12]),
                        months_max=None,
                    )
                )
        while len(moves) < promotions:
            a, b = rng.sample(made, 2)
            if rank[a.pk] > rank[b.pk]:
                a, b = b, a
            ladder = rng.choice(made_ladders)
            if (ladder.pk, a.pk, b.pk) in seen:
                continue
            seen.add((ladder.pk, a.pk, b.pk))
            moves.append(
                Promotion(
                    ladder=ladder,
                    source=ladder.source,
                    quote="synthetic",
                    from_role=a,
                    to_role=b,
                    direction="up",
                )
            )
        Rung.objects.bulk_create(rungs, batch_size=BATCH)
        Promotion.objects.bulk_create(moves, batch_size=BATCH)
        DataVersion.bump()  # bulk_create sends no signals
        self.stdout.write(
            f"Added {len(made)} roles (now {start + len(made)}), {len(made_ladders)} ladders, "
            f"{len(rungs)} rungs, {len(moves)} promotions."
        )
