"""The areas BLS publishes estimates for, as the pages offer them: held in memory (a few
hundred rows that change once a year, with the release), so that naming the area a page
uses, or keying a cached page on it, never costs a query."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from django.db.models.signals import post_delete, post_save

from salaries.official import NATIONAL, Area

CODE = re.compile(r"^\d{7}$")
KEPT_FOR = 300  # seconds; a load or an admin edit forgets them at once (in this process)

_memo: dict = {"at": 0.0, "areas": {}}


def known_areas() -> dict[str, Area]:
    """Every area by code (one query, then kept for KEPT_FOR seconds). An empty table is
    never kept, so a database being loaded is read again next time."""
    now = time.monotonic()
    if not _memo["areas"] or now - _memo["at"] > KEPT_FOR:
        _memo["areas"] = {area.code: area for area in Area.objects.all()}
        _memo["at"] = now
    return _memo["areas"]


def forget_areas(**kwargs) -> None:
    _memo["areas"] = {}


def connect_signals() -> None:
    post_save.connect(forget_areas, sender=Area, dispatch_uid="forget-areas")
    post_delete.connect(forget_areas, sender=Area, dispatch_uid="forget-areas-d")


def area_named(code: str | None) -> Area | None:
    """The area with this code, or None for anything else (no query once known)."""
    if not code or not CODE.fullmatch(code):
        return None
    return known_areas().get(code)


def national() -> Area | None:
    return known_areas().get(NATIONAL)


@dataclass
class AreaGroups:
    """The areas to choose from: the nation, the states (few enough for a drop-down) and
    the metropolitan and nonmetropolitan areas (too many: chosen by typed name)."""

    nation: Area | None
    states: list[Area]
    local: list[Area]


def area_groups() -> AreaGroups:
    areas = known_areas().values()
    by_name = sorted(areas, key=lambda area: area.name.casefold())
    return AreaGroups(
        nation=national(),
        states=[area for area in by_name if area.kind == Area.Kind.STATE],
        local=[area for area in by_name if area.kind in (Area.Kind.METRO, Area.Kind.NONMETRO)],
    )


SUGGESTED = 8


def find_area(typed: str) -> tuple[Area | None, list[Area]]:
    """(the area this name or code means, or None; and up to SUGGESTED areas whose name
    holds every word typed, when it means none). Case and extra spaces do not matter:
    "salt lake city" finds "Salt Lake City-Murray, UT" as the only match."""
    typed = " ".join(typed.split())[:100]
    if not typed:
        return None, []
    if exact := area_named(typed):
        return exact, []
    folded = typed.casefold()
    areas = sorted(known_areas().values(), key=lambda area: (area.kind != "state", area.name))
    for area in areas:
        if area.name.casefold() == folded:
            return area, []
    words = folded.replace(",", " ").split()[:6]
    matches = [area for area in areas if all(word in area.name.casefold() for word in words)]
    if len(matches) == 1:
        return matches[0], []
    return None, matches[:SUGGESTED]
