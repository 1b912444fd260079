"""Choosing items from a list that may be long (the path finder and both comparisons): a
drop-down while the list is short, a typed name once it is not."""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.db.models import Q

# Above this many items a drop-down stops being usable (and weighs too much: 10,000 roles
# are half a megabyte of <option>s); the form then takes a typed name instead.
SELECT_LIMIT = 300
SUGGESTIONS = 8


def drop_down_choices(queryset, label_field: str) -> list[tuple[str, str]] | None:
    """(slug, label) pairs for a drop-down, or None when there are too many to list. One
    query, which never reads more than SELECT_LIMIT + 1 rows."""
    rows = list(queryset.values_list("slug", label_field)[: SELECT_LIMIT + 1])
    return None if len(rows) > SELECT_LIMIT else rows


def find_named(queryset, values: list[str], name_field: str) -> dict:
    """The items these values name, keyed by the value: each value is an item's slug or,
    failing that, its name in any case (what a person types). Two queries at most; of
    items sharing a name, the oldest."""
    values = [value for value in values if value]
    found = {item.slug: item for item in queryset.filter(slug__in=values)}
    by_name = {value.casefold(): value for value in values if value not in found}
    if by_name:
        named = queryset.filter(
            reduce(or_, (Q(**{f"{name_field}__iexact": value}) for value in by_name.values()))
        ).order_by("-pk")
        for item in named:  # newest first, so the oldest of a shared name wins
            value = by_name.get(getattr(item, name_field).casefold())
            if value is not None:
                found[value] = item
    return found


def suggestions(queryset, typed: str, name_field: str) -> list:
    """A few items whose name contains what was typed, for a name that matched none."""
    words = typed.split()[:4]
    if not words:
        return []
    match = Q()
    for word in words:
        match &= Q(**{f"{name_field}__icontains": word[:50]})
    return list(queryset.filter(match)[:SUGGESTIONS])
