"""The questions asked of sources and roles, as queryset methods.

The models these queries join (facts, requirements, and pay one layer up in salaries) are
reached through the relations of `self.model`, so this module needs no model import and
careers.models can import it.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.db.models.functions import Coalesce, Lower

from careers.requirements import EDUCATION_REQUIRED_BY, EXPERIENCE_COUNTS
from careers.sources import SOURCED_KINDS


def _related(model, name: str):
    """The model at the other end of `model`'s relation `name`."""
    return model._meta.get_field(name).related_model


class SourceQuerySet(models.QuerySet):
    def articles(self) -> SourceQuerySet:
        """The five articles, without the official statistics cited beside them."""
        return self.filter(kind=self.model.Kind.ARTICLE)

    def statistics(self) -> SourceQuerySet:
        """The official statistics (BLS's wage estimates), cited apart from the articles."""
        return self.filter(kind=self.model.Kind.STATISTICS)

    def with_counts(self) -> SourceQuerySet:
        """Annotate how many rows of each kind every source supports."""
        counts = {}
        for kind in SOURCED_KINDS:
            model = self.model._meta.get_field(kind.relation).related_model
            rows = model.objects.filter(source=models.OuterRef("pk")).order_by()
            counts[f"{kind.name}_count"] = Coalesce(
                models.Subquery(rows.values("source").annotate(n=models.Count("pk")).values("n")),
                0,
            )
        return self.annotate(**counts)


def least_education_required():
    """The least education any source requires of a role: the one aggregate behind the
    education filter and the "least education required first" order."""
    return models.Min(
        "requirements__education", filter=Q(requirements__necessity__in=EDUCATION_REQUIRED_BY)
    )


class RoleQuerySet(models.QuerySet):
    def within_education(self, level: int) -> RoleQuerySet:
        """Roles that a person with this education can enter according to at least one
        source: no source requires more (sources disagree, so the least demanding
        required level counts)."""
        # Annotated under its own name: Role.least_required_education is a method, and an
        # annotation of the same name would replace it on every row.
        return self.annotate(least_education_asked=least_education_required()).filter(
            Q(least_education_asked__isnull=True) | Q(least_education_asked__lte=level)
        )

    def by_least_education(self) -> RoleQuerySet:
        """The least education any source requires, lowest first; roles for which no
        source requires any come last (not stated is not "none needed"), then by title."""
        return self.annotate(least_education_order=least_education_required()).order_by(
            models.F("least_education_order").asc(nulls_last=True), Lower("title"), "pk"
        )

    def within_experience(self, years) -> RoleQuerySet:
        """Roles whose least demanding stated minimum experience is within `years`."""
        return self.annotate(
            least_years_asked=models.Min(
                "requirements__experience_min_years",
                filter=Q(requirements__necessity__in=EXPERIENCE_COUNTS),
            )
        ).filter(Q(least_years_asked__isnull=True) | Q(least_years_asked__lte=years))

    def matching(self, text: str) -> RoleQuerySet:
        """Free text over titles, other titles, descriptions and duties."""
        fact = _related(self.model, "facts")
        facts = fact.objects.filter(
            role=models.OuterRef("pk"),
            kind__in=[fact.Kind.OTHER_TITLE, fact.Kind.DESCRIPTION, fact.Kind.DUTY],
            text__icontains=text,
        )
        return self.filter(Q(title__icontains=text) | models.Exists(facts))

    def with_pay_and_requirements(self) -> RoleQuerySet:
        """What a step from one role to another compares, in a fixed number of queries."""
        # Pay lives in salaries, which sits above careers: reached through the relation.
        pay = _related(self.model, "salary_figures")
        return self.prefetch_related(
            models.Prefetch(
                "requirements",
                queryset=_related(self.model, "requirements").objects.select_related("source"),
            ),
            models.Prefetch(
                "salary_figures",
                queryset=pay.objects.select_related("source"),
            ),
        )

    def with_profile(self) -> RoleQuerySet:
        """Everything the role list and profile show, in a fixed number of queries."""
        return self.with_pay_and_requirements().prefetch_related(
            models.Prefetch(
                "facts",
                queryset=_related(self.model, "facts").objects.select_related(
                    "source", "related_role"
                ),
            ),
        )


class FactQuerySet(models.QuerySet):
    def on_topic(self, topic: str) -> FactQuerySet:
        """The facts on one topic, each source's in turn, so they can stand side by side."""
        return self.filter(topic=topic).select_related("source").order_by("source__seed_file", "pk")
