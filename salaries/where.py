"""Where the jobs are: one role's federal occupation in every state and every metropolitan
and nonmetropolitan area of the latest release, as BLS publishes them, for a tile map, a
table of states and a ranked table of areas. Three queries whatever the number of areas."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from careers.models import Role
from salaries import geography
from salaries.areas import known_areas
from salaries.official import (
    CROSS_INDUSTRY,
    NATIONAL,
    Area,
    Closeness,
    RoleOccupation,
    WageEstimate,
    WageRelease,
    money,
)

# What the map can be coloured by: (label, the words after a value).
MAP_MEASURES = {
    "jobs_per_1000": ("Jobs per 1,000 jobs", "jobs per 1,000 jobs"),
    "annual_median": ("Median pay a year", "median a year"),
}
DEFAULT_MEASURE = "jobs_per_1000"
# How the areas' table can be sorted: (label, measure or None for the name, descending).
SORTS = {
    "jobs_per_1000": ("jobs per 1,000 jobs, most first", "jobs_per_1000", True),
    "employment": ("employment, most first", "employment", True),
    "annual_median": ("median pay a year, highest first", "annual_median", True),
    "name": ("name, A to Z", None, False),
}
DEFAULT_SORT = "jobs_per_1000"
SHOWN_AREAS = 50  # the areas' table shows the first 50 unless all are asked for


def figure(measure: str, value: Decimal) -> str:
    """A value of one of the map's measures as the pages write it."""
    return money(value, hourly=False) if measure.startswith("annual_") else f"{value}"


class UnknownChoice(ValueError):
    """A measure or sort the page does not offer; the message says which ones it does."""


def check_choices(measure: str, sort: str) -> None:
    if measure not in MAP_MEASURES:
        offered = " or ".join(f"“{name}”" for name in MAP_MEASURES)
        raise UnknownChoice(f"The map can be coloured by {offered} only.")
    if sort not in SORTS:
        *most, last = (f"“{name}”" for name in SORTS)
        offered = f"{', '.join(most)} or {last}"
        raise UnknownChoice(f"The areas can be sorted by {offered} only.")


@dataclass
class StateRow:
    area: Area
    estimate: WageEstimate | None  # None: BLS publishes no estimate for the state

    def shown(self, measure: str) -> str:
        return self.estimate.shown(measure) if self.estimate else "not published"


@dataclass
class AreaRow:
    area: Area
    estimate: WageEstimate
    rank: int = 0
    chosen: bool = False

    @property
    def rank_words(self) -> str:
        return geography.ordinal(self.rank)

    @property
    def kind_words(self) -> str:
        return "nonmetropolitan area" if self.area.kind == Area.Kind.NONMETRO else "metro area"


@dataclass
class WhereJobs:
    role: Role
    mapping: RoleOccupation | None
    release: WageRelease | None
    measure: str
    sort: str
    show_all: bool
    chosen: Area | None
    national: WageEstimate | None = None
    states: list[StateRow] = field(default_factory=list)
    tiles: list[geography.Tile] = field(default_factory=list)
    classes: list[geography.ValueClass] = field(default_factory=list)
    areas: list[AreaRow] = field(default_factory=list)  # every area, ranked
    chosen_row: AreaRow | None = None
    sort_measure: str | None = None  # the measure the areas are ranked by (None: by name)

    @property
    def chosen_ranked(self) -> bool:
        """Whether the chosen area's rank means something: ranked by a measure it has."""
        row = self.chosen_row
        return bool(
            row and self.sort_measure and row.estimate.measure(self.sort_measure) is not None
        )

    @property
    def occupation(self):
        return self.mapping.occupation if self.mapping else None

    @property
    def fits(self) -> bool:
        """Whether there is a federal occupation whose figures speak for the role."""
        return self.occupation is not None

    @property
    def no_category(self) -> bool:
        return self.mapping is not None and self.mapping.closeness == Closeness.NONE

    @property
    def has_local(self) -> bool:
        return any(row.estimate for row in self.states) or bool(self.areas)

    @property
    def measure_label(self) -> str:
        return MAP_MEASURES[self.measure][0]

    @property
    def measure_words(self) -> str:
        return MAP_MEASURES[self.measure][1]

    @property
    def legend_words(self) -> str:
        """What follows a range in the legend: "jobs per 1,000 jobs", "a year"."""
        return "a year" if self.measure.startswith("annual_") else self.measure_words

    @property
    def sort_label(self) -> str:
        return SORTS[self.sort][0]

    @property
    def legend(self) -> list[tuple[geography.ValueClass, str]]:
        """Each class of the map with its range in words ("$35,410 to $38,990")."""
        return [
            (
                value_class,
                f"{figure(self.measure, value_class.low)} to "
                f"{figure(self.measure, value_class.high)}",
            )
            for value_class in self.classes
        ]

    @property
    def unpublished_tiles(self) -> int:
        return sum(1 for tile in self.tiles if not tile.published)

    @property
    def outline_code(self) -> str:
        """The FIPS code of the chosen area's state ("" nationally)."""
        chosen = self.chosen
        return chosen.state_code if chosen is not None and chosen.code != NATIONAL else ""

    @property
    def outlined(self) -> geography.Tile | None:
        return next((tile for tile in self.tiles if tile.outlined), None)

    @property
    def shown_areas(self) -> list[AreaRow]:
        return self.areas if self.show_all else self.areas[:SHOWN_AREAS]

    @property
    def capped(self) -> bool:
        return not self.show_all and len(self.areas) > SHOWN_AREAS

    @property
    def chosen_below_cap(self) -> bool:
        """Whether the chosen area is ranked below the rows shown (it is shown after them)."""
        return self.chosen_row is not None and self.chosen_row not in self.shown_areas


def where_jobs(
    role: Role,
    chosen: Area | None,
    measure: str = DEFAULT_MEASURE,
    sort: str = DEFAULT_SORT,
    show_all: bool = False,
) -> WhereJobs:
    """The role's occupation in every area of the latest release. The role should come
    with its mapping selected (`occupation_mapping__occupation`); then this costs two
    queries (the release with its source, the estimates with their areas)."""
    check_choices(measure, sort)
    try:
        mapping = role.occupation_mapping
    except RoleOccupation.DoesNotExist:
        mapping = None
    release = WageRelease.objects.select_related("source").order_by("-published_on").first()
    found = WhereJobs(role, mapping, release, measure, sort, show_all, chosen)
    if release is None or found.occupation is None:
        return found
    estimates = WageEstimate.objects.filter(
        release=release, occupation=found.occupation, industry=CROSS_INDUSTRY
    ).select_related("area")
    states: list[StateRow] = []
    by_state: dict[str, WageEstimate] = {}
    areas: list[AreaRow] = []
    for estimate in estimates:
        kind = estimate.area.kind
        if estimate.area_id == NATIONAL:
            found.national = estimate
        elif kind == Area.Kind.STATE:
            by_state[estimate.area_id] = estimate
        else:
            areas.append(AreaRow(estimate.area, estimate))
    # Every state, published or not (the areas are kept in memory).
    for area in sorted(known_areas().values(), key=lambda area: area.name):
        if area.kind == Area.Kind.STATE:
            states.append(StateRow(area, by_state.get(area.code)))
    found.states = states
    found.tiles, found.classes = geography.tiles(
        (
            (
                row.area.state_code,
                row.area.name,
                row.estimate.measure(measure) if row.estimate else None,
                row.shown(measure),
            )
            for row in states
        ),
        found.outline_code,
    )
    _, by, descending = SORTS[sort]
    found.sort_measure = by
    found.areas = geography.ranked(
        areas,
        (lambda row: row.estimate.measure(by)) if by else (lambda row: None),
        descending=descending,
        name=lambda row: row.area.name,
    )
    for position, row in enumerate(found.areas, start=1):
        row.rank = position
        if chosen is not None and row.area.code == chosen.code:
            row.chosen = True
            found.chosen_row = row
    return found
