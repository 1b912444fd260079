"""Server-drawn pay charts: one horizontal range bar per figure on one yearly axis."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from decimal import Decimal

from salaries.pay import NormalisedPay

ROW_HEIGHT = 38
BAR_HEIGHT = 14
LEFT = 12
RIGHT = 24
TOP = 8
AXIS_SPACE = 34
OPEN_END = 0.12  # share of the axis an open-ended bar's arrow runs on past its figure


@dataclass
class Bar:
    label: str
    pay: NormalisedPay
    y: float = 0
    x_start: float = 0
    x_end: float = 0
    open_end: float | None = None  # where the "can exceed" arrow ends
    point: bool = False

    @property
    def width(self) -> float:
        return max(self.x_end - self.x_start, 0)


@dataclass
class Chart:
    bars: list[Bar]
    width: int
    height: int
    axis_max: Decimal
    ticks: list[tuple[float, str]] = field(default_factory=list)
    plot_left: int = LEFT
    plot_width: int = 0
    bar_height: int = BAR_HEIGHT
    axis_y: float = 0
    unit: str = "US dollars a year"


def open_ended(pay: NormalisedPay) -> bool:
    """Pay the source says can go past its figure, or gives only a floor for."""
    return pay.can_be_exceeded or (pay.high is None and pay.low is not None)


def tick_label(value: Decimal) -> str:
    if not value:
        return "$0"
    thousands = value / 1000
    if thousands == thousands.to_integral_value():
        return f"${thousands:,.0f}k"
    return f"${thousands:,.1f}k"


def nice_step(top: float, most_ticks: int = 6) -> float:
    raw = top / most_ticks
    magnitude = 10 ** math.floor(math.log10(raw)) if raw > 0 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return factor * magnitude
    return 10 * magnitude


def axis_ticks(axis_max: Decimal, step: float, x) -> list[tuple[float, str]]:
    """(position, label) of each tick from $0 to axis_max, `step` apart."""
    ticks = []
    value = Decimal(0)
    while value <= axis_max:
        ticks.append((x(value), tick_label(value)))
        value += Decimal(str(step))
    return ticks


def pay_chart(rows: list[tuple[str, NormalisedPay]], width: int = 720, unit: str = "") -> Chart:
    """Lay out range bars for (label, pay) rows. Positions are linear in pay from 0 at
    the plot's left edge to `axis_max` at its right edge."""
    values = [v for _, pay in rows for v in (pay.low, pay.high) if v is not None]
    top = max(float(max(values)) if values else 0.0, 1.0)
    if any(open_ended(pay) for _, pay in rows):
        top *= 1 + OPEN_END
    step = nice_step(top)
    axis_max = Decimal(str(step * math.ceil(top / step)))
    plot_width = width - LEFT - RIGHT

    def x(value: Decimal) -> float:
        return round(LEFT + float(value / axis_max) * plot_width, 2)

    bars = []
    for index, (label, pay) in enumerate(rows):
        bar = Bar(label=label, pay=pay, y=TOP + index * ROW_HEIGHT + 18)
        low = pay.low if pay.low is not None else Decimal(0)
        high = pay.high if pay.high is not None else low
        bar.x_start, bar.x_end = x(low), x(high)
        bar.point = pay.low == pay.high or pay.high is None
        if open_ended(pay):
            bar.open_end = min(bar.x_end + OPEN_END * plot_width, LEFT + plot_width)
        bars.append(bar)
    axis_y = TOP + len(rows) * ROW_HEIGHT
    ticks = axis_ticks(axis_max, step, x)
    return Chart(
        bars=bars,
        width=width,
        height=int(axis_y + AXIS_SPACE),
        axis_max=axis_max,
        ticks=ticks,
        plot_width=plot_width,
        axis_y=axis_y,
        unit=unit or "US dollars a year",
    )


@dataclass
class Spread:
    """One estimate's 10th-90th percentile wages drawn on a shared yearly axis: a thin
    line from p10 to p90, a box from p25 to p75 and a mark at the median. A top-coded
    90th percentile (BLS publishes no figure above $239,200) ends in an arrow."""

    label: str
    estimate: object  # a salaries.official.WageEstimate
    y: float = 0
    x_p10: float | None = None
    x_p25: float | None = None
    x_median: float | None = None
    x_p75: float | None = None
    x_p90: float | None = None
    top_coded: bool = False

    @property
    def box_width(self) -> float:
        if self.x_p25 is None or self.x_p75 is None:
            return 0
        return max(self.x_p75 - self.x_p25, 0)


@dataclass
class SpreadChart:
    rows: list[Spread]
    width: int
    height: int
    axis_max: Decimal
    ticks: list[tuple[float, str]]
    plot_left: int
    axis_y: float
    bar_height: int = BAR_HEIGHT

    @property
    def top_coded(self) -> bool:
        """Whether any row's 90th percentile is top-coded (drawn as an arrow)."""
        return any(row.top_coded for row in self.rows)


SPREAD_NAMES = ["annual_p10", "annual_p25", "annual_median", "annual_p75", "annual_p90"]


def wage_spread_chart(rows: list[tuple[str, object]], width: int = 640) -> SpreadChart:
    """Lay out (label, estimate) rows on one axis from $0 past the highest published
    annual percentile; a top-coded 90th percentile (not published) runs on to the axis's
    end in an arrow. An estimate is anything with the annual_* attributes and
    is_top_coded()."""
    values = [
        getattr(estimate, name)
        for _, estimate in rows
        for name in SPREAD_NAMES
        if getattr(estimate, name) is not None
    ]
    coded = any(estimate.is_top_coded("annual_p90") for _, estimate in rows)
    top = float(max(values or [Decimal(1)]))
    if coded:
        top *= 1 + OPEN_END
    step = nice_step(top, most_ticks=5)
    axis_max = Decimal(str(step * math.ceil(top / step)))
    plot_width = width - LEFT - RIGHT

    def x(value: Decimal | None) -> float | None:
        if value is None:
            return None
        return round(LEFT + float(value / axis_max) * plot_width, 2)

    spreads = []
    for index, (label, estimate) in enumerate(rows):
        spread = Spread(label=label, estimate=estimate, y=TOP + index * ROW_HEIGHT + 18)
        spread.x_p10, spread.x_p25, spread.x_median, spread.x_p75, spread.x_p90 = (
            x(getattr(estimate, name)) for name in SPREAD_NAMES
        )
        if estimate.is_top_coded("annual_p90"):
            spread.top_coded = True
            spread.x_p90 = LEFT + plot_width
        spreads.append(spread)
    axis_y = TOP + len(rows) * ROW_HEIGHT
    ticks = axis_ticks(axis_max, step, x)
    return SpreadChart(
        rows=spreads,
        width=width,
        height=int(axis_y + AXIS_SPACE),
        axis_max=axis_max,
        ticks=ticks,
        plot_left=LEFT,
        axis_y=axis_y,
    )
