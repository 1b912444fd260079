"""Pay as plain numbers: how a figure reads, its yearly equivalent and its value in
another year's dollars. No Django here, so the rules can be read and tested alone;
salaries.models hands its rows over as `StatedPay`."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

HOURS_PER_YEAR = 2080  # 40 hours x 52 weeks: the usual full-time convention.

HOUR = "hour"
YEAR = "year"
PERIOD_WORDS = {HOUR: "an hour", YEAR: "a year"}


def money(value: Decimal, period: str, currency: str = "USD") -> str:
    """One amount: cents for hourly pay ("$9.00"), whole dollars otherwise ("$25,702");
    a currency other than US dollars goes by its code ("CAD 9.00")."""
    symbol = "$" if currency == "USD" else f"{currency} "
    if period == HOUR:
        return f"{symbol}{value:,.2f}"
    return f"{symbol}{value:,.0f}"


def as_stated(
    low: Decimal | None,
    high: Decimal | None,
    period: str,
    *,
    approximate: bool = False,
    can_be_exceeded: bool = False,
    currency: str = "USD",
    hedge: str = "",
    applies_to: str = "",
    period_is_stated: bool = True,
    in_brackets: bool = False,
) -> str:
    """A figure in the source's own terms, period always shown, e.g.
    "about $9.00–$17.00 an hour", "from $16,000, and can exceed $100,000 a year". The source's
    hedge goes in front ("generally $22,925–$39,743"), the title the figure is given for
    before that, and a period the sentence does not give is marked as the site's reading:
    "$19,000–$34,000 (a year, as we read it)", or, `in_brackets` (the text already stands
    in brackets), "$19,000–$34,000 a year, as we read it"."""
    prefix = "about " if approximate else ""

    def amount_of(value: Decimal) -> str:
        return money(value, period, currency)

    if low is not None and high is not None and low != high:
        if can_be_exceeded:
            amount = f"from {prefix}{amount_of(low)}, and can exceed {amount_of(high)}"
        else:
            amount = f"{prefix}{amount_of(low)}–{amount_of(high)}"
    elif low is not None:
        amount = f"{prefix}{amount_of(low)}"
        if high is None or can_be_exceeded:
            amount += " or more"
    elif can_be_exceeded:
        amount = f"more than {prefix}{amount_of(high)}"
    else:
        amount = f"up to {prefix}{amount_of(high)}"
    words = PERIOD_WORDS.get(period, period)
    if period_is_stated:
        text = f"{amount} {words}"
    elif in_brackets:
        text = f"{amount} {words}, as we read it"
    else:
        text = f"{amount} ({words}, as we read it)"
    if hedge:
        text = f"{hedge} {text}"
    return f"{applies_to}: {text}" if applies_to else text


def yearly(value: Decimal | None, period: str) -> Decimal | None:
    """An amount as a yearly one: hourly pay x HOURS_PER_YEAR."""
    if value is None:
        return None
    return value * HOURS_PER_YEAR if period == HOUR else value


def midpoint(low: Decimal | None, high: Decimal | None) -> Decimal | None:
    """Middle of a range; a one-sided range is its bound."""
    if low is not None and high is not None:
        return (low + high) / 2
    return low if low is not None else high


def adjust_for_inflation(
    amount: Decimal, from_year: int, to_year: int, table: dict[int, Decimal]
) -> Decimal:
    """`amount` in `from_year` dollars expressed in `to_year` dollars, by the ratio of
    the two years' CPI-U annual averages. KeyError when either year is not in the table."""
    return amount * table[to_year] / table[from_year]


@dataclass(frozen=True)
class StatedPay:
    """A pay figure as its source states it."""

    low: Decimal | None
    high: Decimal | None
    period: str
    approximate: bool = False
    can_be_exceeded: bool = False
    currency: str = "USD"
    year: int | None = None  # the year the figure describes; None when undated
    hedge: str = ""  # the source's own hedge: "generally", "often", "can make"
    applies_to: str = ""  # the title the figure is given for, when narrower than the role
    period_is_stated: bool = True
    # The year is the article's publication year, taken as the year the figure describes.
    year_is_published: bool = False

    def as_stated(self) -> str:
        return as_stated(
            self.low,
            self.high,
            self.period,
            approximate=self.approximate,
            can_be_exceeded=self.can_be_exceeded,
            currency=self.currency,
            hedge=self.hedge,
            applies_to=self.applies_to,
            period_is_stated=self.period_is_stated,
        )

    @property
    def yearly_low(self) -> Decimal | None:
        return yearly(self.low, self.period)

    @property
    def yearly_high(self) -> Decimal | None:
        return yearly(self.high, self.period)

    @property
    def yearly_midpoint(self) -> Decimal | None:
        return midpoint(self.yearly_low, self.yearly_high)

    def as_yearly_equivalent(self, *, hedged: bool = False) -> str:
        """For hourly figures: the yearly equivalent at 2,080 hours, e.g.
        "$18,720–$35,360 a year"; empty for figures already stated by the year. Hedged,
        with the source's hedge in front, for where it stands alone (a CSV cell)."""
        if self.period != HOUR:
            return ""
        return as_stated(
            self.yearly_low,
            self.yearly_high,
            YEAR,
            approximate=self.approximate,
            can_be_exceeded=self.can_be_exceeded,
            currency=self.currency,
            hedge=self.hedge if hedged else "",
        )

    def normalised(self, dollars_of: int | None, cpi: dict[int, Decimal]) -> NormalisedPay:
        """Yearly equivalent, and in `dollars_of` dollars when asked and possible.
        Undated figures are never adjusted: there is no year to adjust from."""
        low, high = self.yearly_low, self.yearly_high
        notes = []
        if self.period == HOUR:
            notes.append(f"hourly figure × {HOURS_PER_YEAR:,} hours")
        adjusted = False
        if dollars_of is not None:
            if self.year is None:
                notes.append("not adjusted: the source gives no year")
            elif self.year not in cpi or dollars_of not in cpi:
                notes.append(f"not adjusted: no CPI-U figure for {self.year} or {dollars_of}")
            else:
                low, high = (
                    None
                    if value is None
                    else adjust_for_inflation(value, self.year, dollars_of, cpi)
                    for value in (low, high)
                )
                adjusted = True
                if self.year != dollars_of:
                    year = self.year
                    if self.year_is_published:
                        year = f"{year}, the year the article was published,"
                    notes.append(f"adjusted from {year} to {dollars_of} dollars")
        return NormalisedPay(
            low=low,
            high=high,
            adjusted=adjusted,
            notes=notes,
            figure=self,
            dollars_of=dollars_of if adjusted else None,
        )


@dataclass
class NormalisedPay:
    """A figure as a yearly amount, possibly in another year's dollars."""

    low: Decimal | None
    high: Decimal | None
    adjusted: bool
    notes: list[str]
    figure: StatedPay  # the figure as stated (the chart reads its year)
    dollars_of: int | None = None  # the year whose dollars it is in, when adjusted

    @property
    def can_be_exceeded(self) -> bool:
        return self.figure.can_be_exceeded

    @property
    def year(self) -> int | None:
        return self.figure.year

    def display(self, *, in_brackets: bool = False) -> str:
        """The yearly (and adjusted) amount with the figure's own hedge, and its period
        marked as the site's reading where the sentence gives none: "generally
        $39,908–$52,266 (a year, as we read it)" (`in_brackets`: no brackets of its own)."""
        return as_stated(
            None if self.low is None else self.low.quantize(Decimal(1)),
            None if self.high is None else self.high.quantize(Decimal(1)),
            YEAR,
            approximate=self.figure.approximate,
            can_be_exceeded=self.figure.can_be_exceeded,
            currency=self.figure.currency,
            hedge=self.figure.hedge,
            # An hourly figure's period is stated; its yearly one is worked out (a note).
            period_is_stated=self.figure.period_is_stated or self.figure.period == HOUR,
            in_brackets=in_brackets,
        )

    def display_in_brackets(self) -> str:
        """display() for text that already stands in brackets (templates call this)."""
        return self.display(in_brackets=True)
