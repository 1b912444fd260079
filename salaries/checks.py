"""The articles checked against today: where an article makes a claim BLS's latest
estimates can test, the claim in its own words beside the figures, and nothing more (no
verdict). The claims and the places they name are data here; the figures come from one
release. Six queries for the whole page."""

from __future__ import annotations

from dataclasses import dataclass, field

from careers.models import Fact, Role, Source
from salaries.areas import known_areas
from salaries.models import SalaryFigure
from salaries.official import (
    CROSS_INDUSTRY,
    NATIONAL,
    Area,
    Occupation,
    WageEstimate,
    WageRelease,
)

CSR = "43-4051"  # Customer Service Representatives

# 000: where most CRM centers are, in the article's words (two facts, one sentence each
# but the first, which holds two).
TIER_QUOTES = [
    "Most CRM centers are located in what Freker calls “second-tier” cities where rents, "
    "salaries, and the cost of living are lower than those in “first-tier” cities. "
    "Second-tier cities include Salt Lake City and Orlando and Jacksonville in Florida, "
    "for example.",
    "First-tier cities include Boston, Los Angeles, or Chicago.",
]
# The cities the article names, each with the state its metropolitan area is in (the
# article puts Jacksonville "in Florida"; the others are the well-known ones).
TIER_CITIES = [
    ("second-tier", "Salt Lake City", "UT"),
    ("second-tier", "Orlando", "FL"),
    ("second-tier", "Jacksonville", "FL"),
    ("first-tier", "Boston", "MA"),
    ("first-tier", "Los Angeles", "CA"),
    ("first-tier", "Chicago", "IL"),
]
TIER_MEASURES = ["jobs_per_1000", "location_quotient", "employment", "annual_median"]
# 001: pay varies with where the call center is.
PLACE_QUOTE = "Depending on where the call center is situated, duties and salary varies."
SPREAD_EXAMPLES = 3  # the lowest and highest few states shown
# 004: where call center pay starts and how high it goes.
RANGE_QUOTE = (
    "The average call center wages start right around $16,000.00 annually, and can exceed "
    "$100,000.00 yearly depending on the position held."
)
# 002: a CSR's hourly pay, citing the U.S. Department of Labor.
HOURLY_QUOTE = (
    "Depending on your area and the job market, Customer Service Representatives can make "
    "anywhere from about $9.00 to $17.00 per hour according to the U.S. Department of Labor."
)
HOURLY_MEASURES = ["hourly_p10", "hourly_p25", "hourly_median", "hourly_p75", "hourly_p90"]
ANNUAL_MEASURES = ["annual_p10", "annual_p25", "annual_median", "annual_p75", "annual_p90"]


def metro_named(city: str, state: str, areas) -> Area | None:
    """The metropolitan area BLS names after `city` in `state`: its name lists the main
    cities, then the states ("Salt Lake City-Murray, UT"; "Chicago-Naperville-Elgin,
    IL-IN"). None when BLS publishes no such area."""
    for area in areas:
        if area.kind != Area.Kind.METRO or ", " not in area.name:
            continue
        cities, states = area.name.rsplit(", ", 1)
        if city in cities.split("-") and state in states.split("-"):
            return area
    return None


@dataclass
class TierRow:
    tier: str
    city: str  # as the article names it
    area: Area | None  # BLS's metropolitan area, None when there is none by that name
    estimate: WageEstimate | None


@dataclass
class StateMedian:
    area: Area
    estimate: WageEstimate

    @property
    def median(self):
        return self.estimate.annual_median


@dataclass
class RoleRange:
    role: Role
    occupation: Occupation | None
    closeness: str
    reason: str
    estimate: WageEstimate | None


@dataclass
class ArticlesChecked:
    release: WageRelease | None
    csr: Occupation | None = None
    tier_facts: list[Fact] = field(default_factory=list)
    tiers: list[TierRow] = field(default_factory=list)
    place_fact: Fact | None = None
    national: WageEstimate | None = None  # CSRs nationally
    states: list[StateMedian] = field(default_factory=list)  # by median, lowest first
    states_unpublished: list[Area] = field(default_factory=list)
    range_figure: SalaryFigure | None = None
    ranges: list[RoleRange] = field(default_factory=list)
    hourly_figure: SalaryFigure | None = None

    @property
    def lowest_states(self) -> list[StateMedian]:
        return self.states[:SPREAD_EXAMPLES]

    @property
    def highest_states(self) -> list[StateMedian]:
        return list(reversed(self.states[-SPREAD_EXAMPLES:]))

    @property
    def middle_states(self) -> list[StateMedian]:
        """The state in the middle of the ranking, or the two when their number is even."""
        count = len(self.states)
        if not count:
            return []
        half = count // 2
        return self.states[half - 1 : half + 1] if count % 2 == 0 else [self.states[half]]

    @property
    def spread(self):
        """The highest state median less the lowest."""
        return self.states[-1].median - self.states[0].median if self.states else None

    @property
    def hourly(self) -> list[tuple[str, str]]:
        """(label, figure as BLS publishes it) of CSRs' national hourly percentiles."""
        if self.national is None:
            return []
        labels = [label for label, _ in self.national.percentiles("hourly")]
        return [
            (label, self.national.shown(name))
            for label, name in zip(labels, HOURLY_MEASURES, strict=True)
        ]

    @property
    def range_lowest(self) -> RoleRange | None:
        published = [row for row in self.ranges if row.estimate and row.estimate.annual_p10]
        return min(published, key=lambda row: row.estimate.annual_p10, default=None)

    @property
    def range_highest(self) -> RoleRange | None:
        published = [row for row in self.ranges if row.estimate and row.estimate.annual_p90]
        return max(published, key=lambda row: row.estimate.annual_p90, default=None)


def article_label(source: Source) -> str:
    return str(source.published_on.year) if source.published_on else "undated"


def articles_checked() -> ArticlesChecked:
    release = WageRelease.objects.select_related("source").order_by("-published_on").first()
    found = ArticlesChecked(release)
    facts = {
        fact.quote: fact
        for fact in Fact.objects.filter(quote__in=[*TIER_QUOTES, PLACE_QUOTE]).select_related(
            "source"
        )
    }
    found.tier_facts = [facts[quote] for quote in TIER_QUOTES if quote in facts]
    found.place_fact = facts.get(PLACE_QUOTE)
    figures = {
        figure.quote: figure
        for figure in SalaryFigure.objects.filter(
            quote__in=[RANGE_QUOTE, HOURLY_QUOTE]
        ).select_related("source")
    }
    found.range_figure = figures.get(RANGE_QUOTE)
    found.hourly_figure = figures.get(HOURLY_QUOTE)
    if release is None:
        return found

    areas = known_areas()
    metros = {
        (city, state): metro_named(city, state, areas.values()) for _, city, state in TIER_CITIES
    }
    # 004's roles: those on the ladder its figure's article gives, bottom rung first.
    roles = []
    if found.range_figure is not None:
        roles = list(
            Role.objects.filter(rungs__ladder__source=found.range_figure.source_id)
            .select_related("occupation_mapping__occupation")
            .order_by("rungs__position")
            .distinct()
        )
    occupations = {CSR} | {
        role.occupation_mapping.occupation_id
        for role in roles
        if hasattr(role, "occupation_mapping") and role.occupation_mapping.occupation_id
    }
    wanted = {NATIONAL} | {area.code for area in metros.values() if area is not None}
    wanted |= {code for code, area in areas.items() if area.kind == Area.Kind.STATE}
    estimates = (
        WageEstimate.objects.filter(
            release=release,
            industry=CROSS_INDUSTRY,
            occupation__in=occupations,
            area__in=wanted,
        )
        .select_related("occupation")
        .order_by("area_id")
    )
    csr: dict[str, WageEstimate] = {}
    nationally: dict[str, WageEstimate] = {}
    for estimate in estimates:
        if estimate.occupation_id == CSR:
            csr[estimate.area_id] = estimate
        if estimate.area_id == NATIONAL:
            nationally[estimate.occupation_id] = estimate
    found.national = csr.get(NATIONAL)
    found.csr = found.national.occupation if found.national else None
    found.tiers = [
        TierRow(tier, city, area, csr.get(area.code) if area else None)
        for (tier, city, state), area in zip(TIER_CITIES, metros.values(), strict=True)
    ]
    for area in sorted(areas.values(), key=lambda area: area.name):
        if area.kind != Area.Kind.STATE:
            continue
        estimate = csr.get(area.code)
        if estimate is not None and estimate.annual_median is not None:
            found.states.append(StateMedian(area, estimate))
        else:
            found.states_unpublished.append(area)
    found.states.sort(key=lambda row: row.median)
    for role in roles:
        mapping = getattr(role, "occupation_mapping", None)
        occupation = mapping.occupation if mapping else None
        found.ranges.append(
            RoleRange(
                role,
                occupation,
                mapping.get_closeness_display() if mapping else "no federal occupation chosen",
                mapping.reason if mapping else "",
                nationally.get(occupation.code) if occupation else None,
            )
        )
    return found
