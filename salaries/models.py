"""Pay figures exactly as the sources state them."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Case, Q, When
from django.db.models.functions import Coalesce
from django.utils import timezone
from simple_history.models import HistoricalRecords

from careers.models import Role, SourcedStatement
from salaries import pay

# Official wage estimates (BLS OEWS) and the roles' federal occupations live in their own
# module; importable from here like every model of the app.
from salaries.official import (  # noqa: F401
    Area,
    Industry,
    Occupation,
    RoleOccupation,
    WageEstimate,
    WageRelease,
)
from salaries.pay import HOURS_PER_YEAR, NormalisedPay, StatedPay

# The pay rules live in salaries.pay; other code imports these from here too.
from salaries.pay import adjust_for_inflation as adjust_for_inflation

# Beyond these, an hourly figure reads like a yearly one and the reverse.
MOST_HOURLY = Decimal(500)
LEAST_YEARLY = Decimal(1000)
EARLIEST_YEAR = 1950


class PayPeriod(models.TextChoices):
    HOUR = pay.HOUR, pay.PERIOD_WORDS[pay.HOUR]
    YEAR = pay.YEAR, pay.PERIOD_WORDS[pay.YEAR]


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
    hedge = models.CharField(
        max_length=60,
        blank=True,
        help_text='How the source hedges the figure: "generally", "often", "can make", "may".',
    )
    applies_to = models.CharField(
        max_length=120,
        blank=True,
        help_text="The title the figure is given for, when narrower than the role "
        '(e.g. "Customer Service Representative I").',
    )
    period_is_stated = models.BooleanField(
        default=True,
        help_text="Off when the sentence gives no period: the period is the site's reading.",
    )

    objects = SalaryFigureQuerySet.as_manager()
    history = HistoricalRecords()

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

    def get_absolute_url(self) -> str:
        if self.role_id:
            return self.role.get_absolute_url()
        return self.source.get_absolute_url()

    def clean(self) -> None:
        errors = {}
        try:
            super().clean()
        except ValidationError as error:
            errors.update(error.update_error_dict({}))
        low, high = self.low, self.high
        if low is None and high is None:
            errors.setdefault("low", []).append("Give a low figure, a high figure, or both.")
        if low is not None and high is not None and low > high:
            errors.setdefault("high", []).append(
                f"The high figure (${high:,}) is below the low figure (${low:,})."
            )
        amounts = [value for value in (low, high) if value is not None]
        if self.period == PayPeriod.HOUR and any(value > MOST_HOURLY for value in amounts):
            errors.setdefault("period", []).append(
                f"${max(amounts):,} an hour looks like a yearly figure: choose “a year”, "
                "or correct the amount."
            )
        if self.period == PayPeriod.YEAR and any(value < LEAST_YEARLY for value in amounts):
            errors.setdefault("period", []).append(
                f"${min(amounts):,} a year looks like an hourly figure: choose “an hour”, "
                "or correct the amount."
            )
        if self.year is not None:
            this_year = timezone.now().year
            if self.year > this_year:
                errors.setdefault("year", []).append(f"The year cannot be after {this_year}.")
            elif self.year < EARLIEST_YEAR:
                errors.setdefault("year", []).append(f"The year cannot be before {EARLIEST_YEAR}.")
        if errors:
            raise ValidationError(errors)

    @property
    def stated(self) -> StatedPay:
        """The figure as plain numbers, for the rules in salaries.pay."""
        return StatedPay(
            low=self.low,
            high=self.high,
            period=self.period,
            approximate=self.approximate,
            can_be_exceeded=self.high_can_be_exceeded,
            currency=self.currency,
            year=self.year,
            hedge=self.hedge,
            applies_to=self.applies_to,
            period_is_stated=self.period_is_stated,
        )

    def as_stated(self) -> str:
        """The figure in the source's own terms, period always shown, e.g.
        "about $9.00–$17.00 an hour"."""
        return self.stated.as_stated()

    @property
    def annual_low(self) -> Decimal | None:
        return pay.yearly(self.low, self.period)

    @property
    def annual_high(self) -> Decimal | None:
        return pay.yearly(self.high, self.period)

    @property
    def annual_midpoint(self) -> Decimal:
        """Middle of the stated range as a yearly amount; a one-sided figure is its bound."""
        return self.stated.yearly_midpoint

    def normalised(self, dollars_of: int | None, cpi: dict[int, Decimal]) -> NormalisedPay:
        """Yearly equivalent, and in `dollars_of` dollars when asked and possible. A year
        that is the article's own publication year is said to be (callers fetch the
        source with the figure)."""
        year, source = self.year, self.source if self.source_id else None
        published = year is not None and source is not None and year == source.year
        return replace(self.stated, year_is_published=published).normalised(dollars_of, cpi)

    def in_latest_dollars(self, cpi: dict[int, Decimal]) -> NormalisedPay | None:
        """The figure as a yearly amount in the dollars of the latest CPI-U year, or None
        where there is nothing to adjust: an undated figure (never adjusted), one already
        from that year, or one from a year the CPI table does not hold."""
        if not cpi or self.year is None or self.year not in cpi or self.year >= max(cpi):
            return None
        return self.normalised(max(cpi), cpi)

    def as_yearly_equivalent(self, *, hedged: bool = False) -> str:
        """For hourly figures: the yearly equivalent at 2,080 hours; empty otherwise."""
        return self.stated.as_yearly_equivalent(hedged=hedged)

    @property
    def year_display(self) -> str:
        return str(self.year) if self.year else "year not stated"


class CpiYearQuerySet(models.QuerySet):
    def as_table(self) -> dict[int, Decimal]:
        return dict(self.values_list("year", "value"))


class CpiYear(models.Model):
    """The US Consumer Price Index for All Urban Consumers (CPI-U), U.S. city average,
    all items, annual average (1982–84 = 100), as published by the Bureau of Labor
    Statistics. Kept as data so next year's figure is an admin edit, not a release."""

    year = models.PositiveSmallIntegerField(primary_key=True)
    value = models.DecimalField(max_digits=8, decimal_places=3)

    objects = CpiYearQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["year"]
        verbose_name = "CPI-U annual average"
        verbose_name_plural = "CPI-U annual averages"
        constraints = [
            models.CheckConstraint(condition=Q(value__gt=0), name="cpi_value_positive"),
            models.CheckConstraint(condition=Q(year__gte=1913), name="cpi_year_from_1913"),
        ]

    def __str__(self) -> str:
        return f"{self.year}: {self.value}"
