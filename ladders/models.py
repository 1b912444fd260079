"""Promotion ladders named by the sources, and the steps between their rungs.

All promotions of all ladders together form one directed graph of roles.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from careers.models import Employer, Role, SourcedStatement, Versioned
from ladders.graph import Edge, PromotionGraph


class LadderQuerySet(models.QuerySet):
    def with_rungs(self, *, role_profiles: bool = False) -> LadderQuerySet:
        """Ladders with their source, employer and rungs (bottom first, with their roles);
        with `role_profiles`, each role comes with everything its profile shows."""
        rungs = Rung.objects.order_by("position")
        if role_profiles:
            roles = Role.objects.with_profile()
            rungs = rungs.prefetch_related(models.Prefetch("role", queryset=roles))
        else:
            rungs = rungs.select_related("role")
        return self.select_related("source", "employer").prefetch_related(
            models.Prefetch("rungs", queryset=rungs)
        )


class Ladder(SourcedStatement):  # versioned through SourcedStatement
    name = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)
    employer = models.ForeignKey(
        Employer, on_delete=models.SET_NULL, null=True, blank=True, related_name="ladders"
    )
    order_is_stated = models.BooleanField(
        default=True,
        help_text="Off when the source lists the rungs without saying their order; "
        "rung positions then only follow the source's listing.",
    )
    name_is_ours = models.BooleanField(
        default=False,
        help_text="The source gives this ladder no name: the name is the site's own.",
    )

    objects = LadderQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("ladders:ladder-detail", kwargs={"slug": self.slug})

    def moves_off(self):
        """The moves this ladder's source records to roles that are not its rungs."""
        return (
            self.promotions.select_related("ladder", "source", "from_role", "to_role")
            .exclude(to_role__in=self.rungs.values("role"))
            .order_by("pk")
        )


class Rung(Versioned):
    ladder = models.ForeignKey(Ladder, on_delete=models.CASCADE, related_name="rungs")
    role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="rungs")
    position = models.PositiveSmallIntegerField(help_text="1 is the entry rung.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["ladder", "position"]
        constraints = [
            models.UniqueConstraint(fields=["ladder", "position"], name="rung_position_unique"),
            models.UniqueConstraint(fields=["ladder", "role"], name="rung_role_once_per_ladder"),
            models.CheckConstraint(condition=Q(position__gte=1), name="rung_position_from_one"),
        ]

    def __str__(self) -> str:
        return f"{self.ladder}: {self.position}. {self.role}"

    def get_absolute_url(self) -> str:
        return f"{self.ladder.get_absolute_url()}?at={self.role.slug}"


class Promotion(SourcedStatement):
    """One move from a role to another, as a source describes it."""

    class Direction(models.TextChoices):
        UP = "up", "Step up"
        SIDEWAYS = "sideways", "Sideways move"

    ladder = models.ForeignKey(Ladder, on_delete=models.CASCADE, related_name="promotions")
    from_role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="promotions_out")
    to_role = models.ForeignKey(Role, on_delete=models.PROTECT, related_name="promotions_in")
    direction = models.CharField(max_length=8, choices=Direction.choices, default=Direction.UP)
    order_is_stated = models.BooleanField(
        default=True,
        help_text="On only when the sentence states this move, from this role to that one. "
        "Off when it is read from a list, an order or a general statement: say from what.",
    )
    inferred_from = models.TextField(
        blank=True,
        help_text="When the sentence does not state the move: what the site infers it from.",
    )
    hedge = models.CharField(
        max_length=40,
        blank=True,
        help_text="The sentence's own hedge on this move, kept in every badge: "
        "e.g. 'typically', 'a motivated CSR can'.",
    )
    months_min = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="Time in the first role before the move; blank: unknown."
    )
    months_max = models.PositiveSmallIntegerField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["ladder", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(from_role=models.F("to_role")), name="promotion_not_to_itself"
            ),
            models.CheckConstraint(
                condition=Q(order_is_stated=True) | ~Q(inferred_from=""),
                name="promotion_inferred_says_from_what",
                violation_error_message="A move the sentence does not state must say what "
                "it is inferred from.",
            ),
            models.UniqueConstraint(
                fields=["ladder", "from_role", "to_role"], name="promotion_once_per_ladder"
            ),
            models.CheckConstraint(
                condition=Q(months_min__isnull=True)
                | Q(months_max__isnull=True)
                | Q(months_min__lte=models.F("months_max")),
                name="promotion_months_min_lte_max",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_role} → {self.to_role} ({self.ladder})"

    def get_absolute_url(self) -> str:
        return self.ladder.get_absolute_url()

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.from_role_id and self.from_role_id == self.to_role_id:
            errors["to_role"] = "A promotion must lead to a different role."
        low, high = self.months_min, self.months_max
        if low is not None and high is not None and low > high:
            errors["months_max"] = "The most months is below the least."
        complete = self.ladder_id and self.from_role_id and self.to_role_id
        if not errors and complete and self.would_loop():
            errors["to_role"] = (
                "This move would make the ladder loop back on itself: "
                f"{self.to_role} already leads up to {self.from_role} on {self.ladder}."
            )
        if errors:
            raise ValidationError(errors)

    def would_loop(self) -> bool:
        """Whether the ladder's other moves already lead from to_role back to from_role."""
        others = Promotion.objects.filter(ladder_id=self.ladder_id).exclude(pk=self.pk)
        graph = PromotionGraph(
            Edge(pk, a, b) for pk, a, b in others.values_list("pk", "from_role_id", "to_role_id")
        )
        return self.to_role_id == self.from_role_id or (
            graph.shortest_path(self.to_role_id, self.from_role_id) is not None
        )

    @property
    def label(self) -> str:
        """The move's kind as a badge says it, with the sentence's hedge ("Step up,
        typically"); where no sentence states the move, asked and marked inferred (the
        ladder's order may be stated while this move is only read from it)."""
        label = self.get_direction_display()
        if self.hedge:
            label = f"{label}, {self.hedge}"
        return label if self.order_is_stated else f"{label}? Inferred, not stated"

    @property
    def time_in_role_display(self) -> str:
        low, high = self.months_min, self.months_max
        if low is not None and high is not None:
            return f"{low} months" if low == high else f"{low}–{high} months"
        if low is not None:
            return f"at least {low} months"
        if high is not None:
            return f"up to {high} months"
        return "not stated"
