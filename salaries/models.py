"""Pay figures exactly as the sources state them."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import Case, Q, When
from django.db.models.functions import Coalesce

from careers.models import Role, SourcedStatement

HOURS_PER_YEAR = 2080  # 40 hours x 52 weeks: the usual full-time convention.


class PayPeriod(models.TextChoices):
    HOUR = "hour", "an hour"
    YEAR = "year", "a year"


class FigureKind(models.TextChoices):
    RANGE = "range", "Pay range"
    AVERAGE_RANGE = "average_range", "Average pay range"
    STARTING = "starting", "Starting pay and top of the field"
    ENTRY_LEVEL = "entry_level", "Entry-level pay range"


class SalaryFigureQuerySet(models.QuerySet):
    def with_annual_top(self) -> SalaryFigureQuerySet:
        """Annotate `annual_top`: the highest figure stated, as a yearly amount
        (hourly figures x 2,080 hours). Open-ended ranges use their stated bound."""
        top = Coalesce("high", "low")
        return self.annotate(
            annual_top=Case(
                When(period=PayPeriod.HOUR, then=top * HOURS_PER_YEAR),
                default=top,
                output_field=models.DecimalField(max_digits=14, decimal_places=2),
            )
        )


class SalaryFigure(SourcedStatement):
    role = models.ForeignKey(
        Role,
        on_delete=models.CASCADE,
        related_name="salary_figures",
        null=True,
        blank=True,
        help_text="Blank for a statement about the field as a whole.",
    )
    low = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, help_text="Blank: no lower figure."
    )
    high = models.DecimalField(
        max_digits=12, decimal_places=2, null=True, blank=True, help_text="Blank: no upper figure."
    )
    high_can_be_exceeded = models.BooleanField(
        default=False, help_text='The source says pay "can exceed" the high figure.'
    )
    approximate = models.BooleanField(
        default=False, help_text='The source hedges the figures ("about", "around").'
    )
    period = models.CharField(max_length=4, choices=PayPeriod.choices)
    currency = models.CharField(max_length=3, default="USD")
    year = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="The year the figure describes (the article's year); blank when undated.",
    )
    kind = models.CharField(max_length=16, choices=FigureKind.choices, default=FigureKind.RANGE)
    cited_authority = models.CharField(
        max_length=200, blank=True, help_text="Where the source says the figure comes from."
    )
    condition = models.CharField(
        max_length=200, blank=True, help_text="What the source says pay depends on."
    )

    objects = SalaryFigureQuerySet.as_manager()

    class Meta:
        ordering = ["role__title", "period", "low"]
        constraints = [
            models.CheckConstraint(
                condition=Q(low__isnull=True) | Q(high__isnull=True) | Q(low__lte=models.F("high")),
                name="salary_low_lte_high",
            ),
            models.CheckConstraint(
                condition=Q(low__isnull=False) | Q(high__isnull=False),
                name="salary_has_a_figure",
            ),
            models.CheckConstraint(
                condition=(Q(low__isnull=True) | Q(low__gte=0))
                & (Q(high__isnull=True) | Q(high__gte=0)),
                name="salary_not_negative",
            ),
        ]

    def __str__(self) -> str:
        subject = self.role.title if self.role_id else "Whole field"
        return f"{subject}: {self.as_stated()}"

    def as_stated(self) -> str:
        """The figure in the source's own terms, period always shown, e.g.
        "about $9.00–$17.00 an hour"."""
        low, high = self.low, self.high
        prefix = "about " if self.approximate else ""
        if low is not None and high is not None and low != high:
            if self.high_can_be_exceeded:
                amount = f"from {prefix}{self._money(low)} to more than {self._money(high)}"
            else:
                amount = f"{prefix}{self._money(low)}–{self._money(high)}"
        elif low is not None and high is not None:
            amount = f"{prefix}{self._money(low)}"
        elif low is not None:
            amount = f"{prefix}{self._money(low)} or more"
        else:
            amount = f"up to {prefix}{self._money(high)}"
        return f"{amount} {self.get_period_display()}"

    def annual(self, value: Decimal | None) -> Decimal | None:
        if value is None:
            return None
        return value * HOURS_PER_YEAR if self.period == PayPeriod.HOUR else value

    @property
    def annual_low(self) -> Decimal | None:
        return self.annual(self.low)

    @property
    def annual_high(self) -> Decimal | None:
        return self.annual(self.high)

    @property
    def annual_midpoint(self) -> Decimal:
        """Middle of the stated range as a yearly amount; a one-sided figure is its bound."""
        low, high = self.annual_low, self.annual_high
        if low is not None and high is not None:
            return (low + high) / 2
        return low if low is not None else high

    def as_yearly_equivalent(self) -> str:
        """For hourly figures: the yearly equivalent at 2,080 hours, e.g.
        "$18,720–$35,360 a year"; empty for figures already stated by the year."""
        if self.period != PayPeriod.HOUR:
            return ""
        return SalaryFigure(
            low=self.annual_low,
            high=self.annual_high,
            high_can_be_exceeded=self.high_can_be_exceeded,
            approximate=self.approximate,
            period=PayPeriod.YEAR,
            currency=self.currency,
        ).as_stated()

    @property
    def year_display(self) -> str:
        return str(self.year) if self.year else "year not stated"

    def _money(self, value: Decimal) -> str:
        symbol = "$" if self.currency == "USD" else f"{self.currency} "
        if self.period == PayPeriod.HOUR:
            return f"{symbol}{value:,.2f}"
        return f"{symbol}{value:,.0f}"
