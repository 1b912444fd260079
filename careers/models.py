"""Sources, roles, and the sourced statements made about roles.

Every statement row carries the source it was drawn from and the exact sentence
(`quote`). Where sources disagree, each statement is kept as its own row: nothing
is merged into an invented consensus value.

The choices and rules for requirements (education levels, necessities, what counts as a
degree) live in careers.requirements and are importable from here too.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Lower
from django.urls import reverse
from simple_history.models import HistoricalRecords

from careers.querysets import FactQuerySet, RoleQuerySet, SourceQuerySet
from careers.requirements import (
    EDUCATION_REQUIRED_BY,
    EXPERIENCE_COUNTS,
    EducationLevel,
    Necessity,
    experience_range_display,
    said_once,
)
from careers.sources import SourceStatements
from core.locking import Versioned


def normalise_whitespace(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


class Source(Versioned):
    """One article from which facts are drawn, or one release of official statistics
    (BLS's wage estimates), which is cited with its publisher's own caveat."""

    class Kind(models.TextChoices):
        ARTICLE = "article", "Article"
        STATISTICS = "statistics", "Official statistics"

    slug = models.SlugField(unique=True)
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.ARTICLE)
    title = models.CharField(max_length=200)
    title_is_descriptive = models.BooleanField(
        default=False,
        help_text="The article carries no title of its own; this title describes it.",
    )
    publisher = models.CharField(max_length=200, blank=True, help_text="Blank when unknown.")
    published_on = models.DateField(
        null=True, blank=True, help_text="Blank when the article gives no date."
    )
    seed_file = models.CharField(
        max_length=100,
        blank=True,
        help_text="File name of the article under shared/seeds/ (blank for statistics).",
    )
    text = models.TextField(
        blank=True, help_text="The article's full text; every quote from it is checked against it."
    )
    url = models.URLField(blank=True, help_text="Where the statistics are published.")
    caveat = models.TextField(
        blank=True, help_text="The publisher's own caveat, in its words, shown with its figures."
    )

    objects = SourceQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "seed_file", "slug"]
        constraints = [
            models.UniqueConstraint(
                fields=["seed_file"], condition=~Q(seed_file=""), name="source_seed_file_unique"
            ),
            models.CheckConstraint(
                condition=Q(kind="statistics") | ~Q(seed_file=""), name="source_article_has_file"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("careers:source-detail", kwargs={"slug": self.slug})

    def statements(self) -> SourceStatements:
        return SourceStatements(self)

    @property
    def year(self) -> int | None:
        return self.published_on.year if self.published_on else None


class SourcedStatement(Versioned):
    """Common fields for every row drawn from a source."""

    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="%(class)ss")
    quote = models.TextField(help_text="The exact sentence from the source this row draws on.")

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        if self.source_id and self.quote:
            text = self.source.text
            if text and normalise_whitespace(self.quote) not in normalise_whitespace(text):
                raise ValidationError(
                    {
                        "quote": "This quote is not in the source's text word for word. "
                        "Copy the exact sentence from the article."
                    }
                )


class Employer(Versioned):
    """A company a source names (Convergys, Stream International, ...)."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(unique=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Role(Versioned):
    title = models.CharField(max_length=200)
    slug = models.SlugField(unique=True)

    objects = RoleQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = [Lower("title")]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("careers:role-detail", kwargs={"slug": self.slug})

    def facts_of_kind(self, kind: str) -> list[Fact]:
        """Uses the prefetched facts when present, so templates stay query-free."""
        return [fact for fact in self.facts.all() if fact.kind == kind]

    @property
    def descriptions(self) -> list[Fact]:
        return self.facts_of_kind(Fact.Kind.DESCRIPTION)

    @property
    def other_titles(self) -> list[Fact]:
        return self.facts_of_kind(Fact.Kind.OTHER_TITLE)

    @property
    def entry_facts(self) -> list[Fact]:
        """What sources say about people starting here: the only ground for "entry"."""
        return self.facts_of_kind(Fact.Kind.ENTRY)

    @property
    def top_facts(self) -> list[Fact]:
        """What sources say about this role's rank: the only ground for "top"."""
        return self.facts_of_kind(Fact.Kind.TOP)

    def education_levels(self) -> list[int]:
        """Distinct stated education levels, lowest first (one per disagreeing source)."""
        return sorted(
            {req.education for req in self.requirements.all() if req.education is not None}
        )

    def required_education_statements(self) -> list[RequirementStatement]:
        """The statements that require an education level (from prefetched rows): the
        ones RoleQuerySet.within_education takes the least of."""
        return [
            req
            for req in self.requirements.all()
            if req.necessity in EDUCATION_REQUIRED_BY and req.education is not None
        ]

    @property
    def education_sources_disagree(self) -> bool:
        """Whether two sources require different education: one source asking for a
        certification and preferring a degree is not a disagreement."""
        stated = self.required_education_statements()
        return any(
            a.source_id != b.source_id and a.education != b.education
            for a in stated
            for b in stated
        )

    def least_required_education(self) -> int | None:
        """The least education any source requires (the same rule as
        RoleQuerySet.within_education, on prefetched rows)."""
        return min((req.education for req in self.required_education_statements()), default=None)

    @property
    def least_required_education_statement(self) -> RequirementStatement | None:
        """The statement behind least_required_education, for its hedges and conditions."""
        stated = self.required_education_statements()
        return min(stated, key=lambda req: req.education) if stated else None

    @property
    def least_required_education_label(self) -> str:
        level = self.least_required_education()
        return EducationLevel(level).label if level is not None else ""

    def least_required_years(self):
        """The least minimum experience any source asks for (the same rule as
        RoleQuerySet.within_experience, on prefetched rows)."""
        return min(
            (req.experience_min_years for req in self.required_experience_statements()),
            default=None,
        )

    def required_experience_statements(self) -> list[RequirementStatement]:
        """The statements whose minimum experience counts (from prefetched rows): the ones
        RoleQuerySet.within_experience takes the least of."""
        return [
            req
            for req in self.requirements.all()
            if req.necessity in EXPERIENCE_COUNTS and req.experience_min_years is not None
        ]

    def cited_rows(self, *, facts: bool = True) -> list[SourcedStatement]:
        """Every sourced row about this role (from prefetched rows): requirements, pay
        figures and, unless left out, the other facts."""
        rows = [*self.requirements.all(), *self.salary_figures.all()]
        return [*rows, *self.facts.all()] if facts else rows

    def source_ids(self) -> set[int]:
        """The articles that say anything about this role (from prefetched rows)."""
        return {row.source_id for row in self.cited_rows()}

    def experience_statements(self) -> list[RequirementStatement]:
        return [req for req in self.requirements.all() if req.states_experience]

    def certification_statements(self) -> list[RequirementStatement]:
        return [req for req in self.requirements.all() if req.certification]

    @property
    def reports_to(self) -> list[Fact]:
        return self.facts_of_kind(Fact.Kind.REPORTS_TO)


class RequirementStatement(SourcedStatement):
    """What one source says a role needs."""

    role = models.ForeignKey(Role, on_delete=models.CASCADE, related_name="requirements")
    summary = models.CharField(max_length=300, help_text="The requirement in plain words.")
    necessity = models.CharField(max_length=12, choices=Necessity.choices)
    scope = models.CharField(
        max_length=120,
        blank=True,
        help_text='How widely the source says it applies, e.g. "most jobs", "many jobs now".',
    )
    education = models.PositiveSmallIntegerField(
        choices=EducationLevel.choices, null=True, blank=True, help_text="Blank: not stated."
    )
    education_field = models.CharField(max_length=200, blank=True)
    education_also = models.CharField(
        max_length=100,
        blank=True,
        help_text='What the sentence accepts instead, e.g. "or bachelor\'s degree", "or higher".',
    )
    experience_min_years = models.DecimalField(
        max_digits=4, decimal_places=1, null=True, blank=True, help_text="Blank: open."
    )
    experience_max_years = models.DecimalField(
        max_digits=4, decimal_places=1, null=True, blank=True, help_text="Blank: open."
    )
    experience_field = models.CharField(max_length=200, blank=True)
    certification = models.CharField(max_length=200, blank=True)
    experience_may_substitute = models.BooleanField(
        default=False, help_text="The source says experience may stand in for education."
    )
    applies_generally = models.BooleanField(
        default=False,
        help_text='The sentence is about a group of jobs (e.g. "positions in management"), '
        "not this role by name: the site applies it to this role.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "source__seed_file", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(experience_min_years__isnull=True)
                | Q(experience_max_years__isnull=True)
                | Q(experience_min_years__lte=models.F("experience_max_years")),
                name="requirement_experience_min_lte_max",
            ),
            models.CheckConstraint(
                condition=Q(experience_min_years__isnull=True) | Q(experience_min_years__gte=0),
                name="requirement_experience_min_not_negative",
            ),
            models.CheckConstraint(
                condition=Q(education__isnull=True) | Q(education__lte=EducationLevel.BACHELOR),
                name="requirement_education_known_level",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.role}: {self.summary}"

    def get_absolute_url(self) -> str:
        return self.role.get_absolute_url()

    def clean(self) -> None:
        super().clean()
        low, high = self.experience_min_years, self.experience_max_years
        if low is not None and high is not None and low > high:
            raise ValidationError(
                {"experience_max_years": "The most years of experience is below the least."}
            )

    @property
    def states_experience(self) -> bool:
        return self.experience_min_years is not None or self.experience_max_years is not None

    @property
    def education_brief(self) -> str:
        """The education the statement names, with what the same sentence adds to it: a
        certification asked for as well, and experience that may stand in for it."""
        if self.education is None:
            return ""
        text = self.get_education_display()
        if self.education_field:
            text += f" in {self.education_field}"
        if self.education_also:
            text += f" {self.education_also}"
        if self.certification and self.necessity in EDUCATION_REQUIRED_BY:
            text += f", as well as {self.certification[0].lower()}{self.certification[1:]}"
        if self.experience_may_substitute:
            text += "; in some cases experience may override it"
        return text

    @property
    def qualifiers(self) -> str:
        """How strongly and how widely the source asks, e.g. "required, typically";
        "suggested, usually"; a statement about a group of jobs says it is applied here.
        Words the scope repeats from the necessity are said once."""
        general = "applied from a general statement" if self.applies_generally else ""
        return said_once(self.get_necessity_display().lower(), self.scope, general)

    @property
    def experience_display(self) -> str:
        return experience_range_display(self.experience_min_years, self.experience_max_years)


class Fact(SourcedStatement):
    """A sourced statement that is not a requirement, pay figure or promotion:
    another title for a role, a duty, a skill, a tool, a work setting, a reporting
    line, a span of control, or a number about the field or an employer."""

    class Kind(models.TextChoices):
        DESCRIPTION = "description", "Description"
        OTHER_TITLE = "other_title", "Also called"
        DUTY = "duty", "Duty"
        SKILL = "skill", "Skill"
        TOOL = "tool", "Tool or system"
        SETTING = "setting", "Work setting"
        BENEFIT = "benefit", "Benefit"
        REPORTS_TO = "reports_to", "Reports to"
        SPAN = "span", "Span of control"
        WORKFORCE = "workforce", "Who does the work"
        ADVANCEMENT = "advancement", "Getting in and getting ahead"
        EMPLOYER = "employer", "About an employer"
        FIELD = "field", "About the field"
        ENTRY = "entry", "Where people start"
        TOP = "top", "Highest ranking"

    # Headings for a role profile's sections, in the order they appear.
    SECTION_HEADINGS = {
        Kind.DUTY: "Duties",
        Kind.SKILL: "Skills",
        Kind.TOOL: "Tools and systems",
        Kind.SETTING: "Where and when the work happens",
        Kind.BENEFIT: "Benefits",
        Kind.REPORTS_TO: "Reports to",
        Kind.SPAN: "Span of control",
        Kind.WORKFORCE: "Who does the work",
        Kind.ADVANCEMENT: "Getting in and getting ahead",
        Kind.EMPLOYER: "About employers",
        Kind.FIELD: "About the field",
    }

    kind = models.CharField(max_length=12, choices=Kind.choices)
    text = models.CharField(max_length=300, help_text="The fact in plain words.")
    role = models.ForeignKey(
        Role, on_delete=models.CASCADE, related_name="facts", null=True, blank=True
    )
    related_role = models.ForeignKey(
        Role,
        on_delete=models.SET_NULL,
        related_name="+",
        null=True,
        blank=True,
        help_text="For 'reports to': the role reported to, when it is one of ours.",
    )
    employer = models.ForeignKey(
        Employer, on_delete=models.CASCADE, related_name="facts", null=True, blank=True
    )
    value_low = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    value_high = models.DecimalField(max_digits=12, decimal_places=2, null=True, blank=True)
    unit = models.CharField(max_length=40, blank=True, help_text='e.g. "people", "percent".')
    topic = models.CharField(
        max_length=40,
        blank=True,
        choices=[
            ("outsourcing", "Outsourcing"),
            ("pay_and_place", "Where pay and duties vary"),
        ],
        help_text="Facts on one topic are shown together, so sources that disagree sit "
        "side by side; pay-and-place facts are shown wherever pay is.",
    )

    objects = FactQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["kind", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(value_low__isnull=True)
                | Q(value_high__isnull=True)
                | Q(value_low__lte=models.F("value_high")),
                name="fact_value_low_lte_high",
            ),
            models.CheckConstraint(
                condition=~Q(role=models.F("related_role")),
                name="fact_role_not_related_to_itself",
            ),
        ]

    def __str__(self) -> str:
        return self.text

    def get_absolute_url(self) -> str:
        if self.role_id:
            return self.role.get_absolute_url()
        return self.source.get_absolute_url()

    def clean(self) -> None:
        super().clean()
        if None not in (self.value_low, self.value_high) and self.value_low > self.value_high:
            raise ValidationError({"value_high": "The high value is below the low value."})
