"""Where the jobs are, drawn: the states as square tiles in the usual US tile-grid layout,
coloured in a few classes of a colour-blind-safe sequential scale, and the areas ranked by
one measure. Plain Python on plain data (no Django, no models): tested without a database."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

# The NPR-style tile grid: (column, row) of each state's tile, 11 columns by 8 rows, and
# below them the three territories BLS publishes as states.
TILES: dict[str, tuple[int, int]] = {
    "AK": (0, 0), "ME": (10, 0),
    "WI": (5, 1), "VT": (9, 1), "NH": (10, 1),
    "WA": (0, 2), "ID": (1, 2), "MT": (2, 2), "ND": (3, 2), "MN": (4, 2), "IL": (5, 2),
    "MI": (6, 2), "NY": (8, 2), "MA": (9, 2),
    "OR": (0, 3), "NV": (1, 3), "WY": (2, 3), "SD": (3, 3), "IA": (4, 3), "IN": (5, 3),
    "OH": (6, 3), "PA": (7, 3), "NJ": (8, 3), "CT": (9, 3), "RI": (10, 3),
    "CA": (0, 4), "UT": (1, 4), "CO": (2, 4), "NE": (3, 4), "MO": (4, 4), "KY": (5, 4),
    "WV": (6, 4), "VA": (7, 4), "MD": (8, 4), "DE": (9, 4),
    "AZ": (1, 5), "NM": (2, 5), "KS": (3, 5), "AR": (4, 5), "TN": (5, 5), "NC": (6, 5),
    "SC": (7, 5), "DC": (8, 5),
    "OK": (3, 6), "LA": (4, 6), "MS": (5, 6), "AL": (6, 6), "GA": (7, 6),
    "HI": (0, 7), "TX": (3, 7), "FL": (8, 7),
    "PR": (8, 8), "VI": (9, 8), "GU": (10, 8),
}  # fmt: skip
# Which tiles are territories, drawn apart from the states.
TERRITORIES = {"PR", "VI", "GU"}

# FIPS state code (as BLS's areas carry it) -> postal abbreviation.
POSTAL: dict[str, str] = {
    "01": "AL", "02": "AK", "04": "AZ", "05": "AR", "06": "CA", "08": "CO", "09": "CT",
    "10": "DE", "11": "DC", "12": "FL", "13": "GA", "15": "HI", "16": "ID", "17": "IL",
    "18": "IN", "19": "IA", "20": "KS", "21": "KY", "22": "LA", "23": "ME", "24": "MD",
    "25": "MA", "26": "MI", "27": "MN", "28": "MS", "29": "MO", "30": "MT", "31": "NE",
    "32": "NV", "33": "NH", "34": "NJ", "35": "NM", "36": "NY", "37": "NC", "38": "ND",
    "39": "OH", "40": "OK", "41": "OR", "42": "PA", "44": "RI", "45": "SC", "46": "SD",
    "47": "TN", "48": "TX", "49": "UT", "50": "VT", "51": "VA", "53": "WA", "54": "WV",
    "55": "WI", "56": "WY", "66": "GU", "72": "PR", "78": "VI",
}  # fmt: skip

TILE = 44  # a tile's side, in the SVG's units
GAP = 4
TERRITORY_GAP = 12  # the territories' row sits a little apart
COLUMNS = 1 + max(column for column, _ in TILES.values())
ROWS = 1 + max(row for _, row in TILES.values())
WIDTH = COLUMNS * (TILE + GAP) - GAP
HEIGHT = ROWS * (TILE + GAP) - GAP + TERRITORY_GAP

# Viridis in five steps, light (fewest) to dark (most): readable in every common form of
# colour blindness and in greyscale. Light text on the dark classes, dark on the light.
SCALE = ["#fde725", "#5ec962", "#21918c", "#3b528b", "#440154"]
NOT_PUBLISHED = "#e4e7ec"
DARK_TEXT = "#000000"
LIGHT_TEXT = "#ffffff"


def luminance(colour: str) -> float:
    """WCAG's relative luminance of a #rrggbb colour."""
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_on(fill: str) -> str:
    """Black or white, whichever reads better on `fill`."""
    return max((DARK_TEXT, LIGHT_TEXT), key=lambda ink: contrast(ink, fill))


@dataclass(frozen=True)
class ValueClass:
    """One class of the map's scale: the lowest and highest values it holds."""

    index: int
    low: Decimal
    high: Decimal
    count: int

    @property
    def fill(self) -> str:
        return SCALE[self.index]

    @property
    def ink(self) -> str:
        return text_on(self.fill)


def classes_of(values: Iterable[Decimal], count: int = len(SCALE)) -> list[ValueClass]:
    """Up to `count` classes holding about as many values each (quantiles), equal values
    always in one class; each class is named by the lowest and highest value in it, so a
    legend never names a range no value is in. Fewer distinct values, fewer classes."""
    ordered = sorted(values)
    if not ordered:
        return []
    groups: list[list[Decimal]] = []
    size = len(ordered) / count
    current: list[Decimal] = []
    for position, value in enumerate(ordered):
        # Start a new class at each quantile boundary, unless the value ties the last.
        boundary = len(groups) + 1
        starts = current and position >= round(size * boundary) and value != current[-1]
        if starts and len(groups) < count - 1:
            groups.append(current)
            current = []
        current.append(value)
    groups.append(current)
    # Light to dark across the whole scale, even when there are fewer classes than colours.
    steps = len(groups)
    picks = [round(i * (count - 1) / (steps - 1)) if steps > 1 else 0 for i in range(steps)]
    return [
        ValueClass(pick, group[0], group[-1], len(group))
        for pick, group in zip(picks, groups, strict=True)
    ]


def class_for(value: Decimal | None, classes: Sequence[ValueClass]) -> ValueClass | None:
    if value is None:
        return None
    for value_class in classes:
        if value_class.low <= value <= value_class.high:
            return value_class
    return None


@dataclass(frozen=True)
class Tile:
    """One state's square: where it is drawn and how."""

    postal: str
    name: str
    value: Decimal | None
    words: str  # the value as the page writes it, or why there is none
    value_class: ValueClass | None
    outlined: bool

    @property
    def column(self) -> int:
        return TILES[self.postal][0]

    @property
    def row(self) -> int:
        return TILES[self.postal][1]

    @property
    def x(self) -> int:
        return self.column * (TILE + GAP)

    @property
    def y(self) -> int:
        extra = TERRITORY_GAP if self.postal in TERRITORIES else 0
        return self.row * (TILE + GAP) + extra

    @property
    def centre_x(self) -> int:
        return self.x + TILE // 2

    @property
    def centre_y(self) -> int:
        return self.y + TILE // 2

    @property
    def fill(self) -> str:
        return self.value_class.fill if self.value_class else NOT_PUBLISHED

    @property
    def ink(self) -> str:
        return self.value_class.ink if self.value_class else DARK_TEXT

    @property
    def published(self) -> bool:
        return self.value_class is not None


def tiles(
    states: Iterable[tuple[str, str, Decimal | None, str]], outline: str = ""
) -> tuple[list[Tile], list[ValueClass]]:
    """The tiles of (FIPS code, name, value, words) for each state BLS publishes, and the
    classes they are coloured by; the state with FIPS code `outline` is outlined. States
    not on the grid are left out (none are, for BLS's 54)."""
    placed = [state for state in states if POSTAL.get(state[0]) in TILES]
    classes = classes_of(value for _, _, value, _ in placed if value is not None)
    drawn = [
        Tile(
            POSTAL[code],
            name,
            value,
            words,
            class_for(value, classes),
            bool(outline) and code == outline,
        )
        for code, name, value, words in placed
    ]
    return sorted(drawn, key=lambda tile: (tile.row, tile.column)), classes


def ranked(
    rows: Iterable[Any],
    value: Callable[[Any], Any],
    *,
    descending: bool,
    name: Callable[[Any], str],
) -> list[Any]:
    """The rows by `value` (highest first when descending), those without one last, ties
    and the unvalued in order of `name`."""
    rows = sorted(rows, key=lambda row: name(row).casefold())
    valued = [row for row in rows if value(row) is not None]
    unvalued = [row for row in rows if value(row) is None]
    return sorted(valued, key=value, reverse=descending) + unvalued


def ordinal(number: int) -> str:
    if 10 <= number % 100 <= 20:
        suffix = "th"
    else:
        suffix = {1: "st", 2: "nd", 3: "rd"}.get(number % 10, "th")
    return f"{number}{suffix}"
