"""Pay today along ladders, paths and comparisons: each role's official median (BLS OEWS,
the latest release) where the reader is, and the change each step between two roles makes,
both ends from one release and one area (salaries.today.step_change). Every page asks for
all its roles at once: two queries, whatever the number of rungs or roles."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from salaries.official import NATIONAL, Area, Closeness
from salaries.today import PayToday, StepChange, pay_today, step_change


@dataclass
class StepToday:
    """The change in official median pay a step from one role to another makes, in words
    that name the area and release, or why there is none."""

    start: PayToday | None
    end: PayToday | None
    start_title: str
    end_title: str
    area: Area | None  # the area the reader chose (None or the nation: national figures)

    @cached_property
    def change(self) -> StepChange | None:
        return step_change(self.start, self.end)

    @property
    def amount(self):
        """The yearly difference in USD, or None (no change, or the same occupation)."""
        if self.change is None or self.change.same_occupation:
            return None
        return self.change.amount

    @property
    def falls_back(self) -> bool:
        """An area was chosen but the change is the nation's: BLS publishes no median
        there for one end (or both)."""
        chosen = self.area is not None and self.area.code != NATIONAL
        return chosen and self.change is not None and self.change.area.code == NATIONAL

    @property
    def missing_locally(self) -> list[str]:
        """The roles whose occupation has no median in the chosen area."""
        return [
            title
            for title, pay in ((self.start_title, self.start), (self.end_title, self.end))
            if pay is not None and (pay.local is None or pay.local.annual_median is None)
        ]

    @property
    def where(self) -> str:
        """Where both ends' figures come from, and why when that is not the chosen area."""
        change = self.change
        release = f"BLS {change.after.release.name}"
        if self.falls_back:
            missing = " or ".join(self.missing_locally)
            return (
                f"{change.area.name}, {release}: BLS publishes no median for {missing} "
                f"in {self.area.name}"
            )
        return f"{change.area.name}, {release}"

    @property
    def why_none(self) -> str:
        """Why no change can be worked out (or "")."""
        if self.change is not None:
            return ""
        for title, pay in ((self.start_title, self.start), (self.end_title, self.end)):
            if pay is None or pay.national is None:
                return f"No change can be worked out: {no_figures(title, pay)}."
        for title, pay in ((self.start_title, self.start), (self.end_title, self.end)):
            if pay.national.annual_median is None:
                shown = pay.national.shown("annual_median")
                return f"No change can be worked out: the median for {title} is {shown}."
        return "No change can be worked out."

    @property
    def short(self) -> str:
        """The change without where it is from, but for "nationally" where the reader
        chose an area BLS publishes no figures for: "+$4,270 a year (+10%)"."""
        if self.change is None:
            return self.why_none
        text = self.change.words + (", nationally" if self.falls_back else "")
        return text[:1].upper() + text[1:]

    @property
    def words(self) -> str:
        """ "+$4,270 a year (+10%) (Salt Lake City-Murray, UT, BLS May 2025)", or why none."""
        if self.change is None:
            return self.why_none
        text = f"{self.change.words} ({self.where})"
        return text[:1].upper() + text[1:]


def no_figures(title: str, pay: PayToday | None) -> str:
    """In a few words, why a role has no official median (its page says more)."""
    if pay is None or pay.mapping is None:
        return f"no federal occupation has been chosen for {title} yet"
    if pay.mapping.closeness == Closeness.NONE:
        return f"{title} has no federal category that fits it"
    return f"BLS publishes no estimates for the occupation of {title} in the latest release"


def between(pay: dict[int, PayToday], start, end, area: Area | None) -> StepToday:
    """The step from role `start` to role `end` (Role rows), from the page's PayToday."""
    return StepToday(pay.get(start.pk), pay.get(end.pk), start.title, end.title, area)


def heading(pay, area: Area | None) -> str:
    """What a row of medians is called: "Median pay today (BLS OEWS, May 2025, Utah)";
    `pay` is a dict of PayToday by role id, or PayToday (None for a role without)."""
    found = pay.values() if isinstance(pay, dict) else pay
    release = next((p.release.name for p in found if p and p.release is not None), "")
    parts = ["BLS OEWS", release, area.name if area is not None else ""]
    return "Median pay today (" + ", ".join(part for part in parts if part) + ")"


def attach_to_roles(roles, area: Area | None) -> dict[int, PayToday]:
    """Each role's PayToday as `role.today` (two queries for all of them)."""
    found = pay_today(roles, area)
    for role in roles:
        role.today = found.get(role.pk)
    return found


def attach_to_steps(steps, pay: dict[int, PayToday], area: Area | None) -> None:
    """Each ladders.steps.Step's change as `step.today`, with both ends' PayToday."""
    for step in steps:
        step.today = between(pay, step.from_role, step.to_role, area)
