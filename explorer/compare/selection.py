"""Which items a comparison shows: read from the URL (by slug or typed name), in the order
chosen, with what was wrong with the request; and the field that adds one more."""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.http import HttpRequest

from core.choosers import drop_down_choices, find_named, suggestions

MIN_ITEMS = 2
MAX_ITEMS = 4
# Sent by the link that removes the last item: the remembered comparison is forgotten.
CLEARED = "cleared"


@dataclass
class Selection:
    """The items a comparison shows, in the order chosen, and what was wrong with the
    request, if anything (a 400 with this message)."""

    param: str
    items: list = field(default_factory=list)
    error: str = ""
    # Other query values a link should keep (the dollars year).
    keep: dict = field(default_factory=dict)
    # Asked-for values that name no item (shown back in a typed chooser).
    unknown: list[str] = field(default_factory=list)
    # The query string with every item by its slug, when some were asked for by name.
    canonical: str = ""
    # Items asked for beyond MAX_ITEMS: left out of the table, each offered as a swap.
    left_out: list = field(default_factory=list)

    @property
    def slugs(self) -> list[str]:
        return [item.slug for item in self.items]

    @property
    def ready(self) -> bool:
        return len(self.items) >= MIN_ITEMS and not self.error

    @property
    def full(self) -> bool:
        return len(self.items) >= MAX_ITEMS

    def query(self, *, without: str | None = None, adding: str | None = None, **extra) -> str:
        slugs = [slug for slug in self.slugs if slug != without] + ([adding] if adding else [])
        pairs = [(self.param, slug) for slug in slugs]
        values = {**self.keep, **extra}
        pairs += [(key, value) for key, value in values.items() if value not in (None, "")]
        return urlencode(pairs)

    @property
    def swaps(self) -> list[tuple]:
        """(item left out, the query that shows it in place of the last one shown)."""
        if not self.items:
            return []
        last = self.items[-1].slug
        return [(item, self.query(without=last, adding=item.slug)) for item in self.left_out]

    @property
    def link(self) -> str:
        """The query string that reproduces this comparison exactly."""
        return self.query()

    @property
    def removals(self) -> list[tuple]:
        # Removing the last item says so, so that the remembered comparison is
        # forgotten; a page opened with nothing chosen keeps it, to offer it back.
        last = {CLEARED: "1"} if len(self.items) == 1 else {}
        return [(item, self.query(without=item.slug, **last)) for item in self.items]


def requested(request: HttpRequest, param: str) -> list[str]:
    """The values asked for, as the selection reads them: trimmed (U+3000 and the other
    Unicode spaces too), cut to 200 characters, empty and repeated ones dropped."""
    values = (value.strip()[:200] for value in request.GET.getlist(param))
    return list(dict.fromkeys(value for value in values if value))


def read_selection(
    request: HttpRequest, param: str, queryset, noun: str, name_field: str
) -> Selection:
    """Items named by repeated `param` query values, by slug or by name (duplicates
    ignored)."""
    selection = Selection(param=param)
    wanted = requested(request, param)
    # More than fit: the first MAX_ITEMS are compared and the rest named, so a link
    # asking for five still shows a table (the page says which one was left out).
    wanted, extra = wanted[:MAX_ITEMS], wanted[MAX_ITEMS:]
    found = find_named(queryset, wanted + extra, name_field)
    selection.unknown = [value for value in wanted if value not in found]
    if selection.unknown:
        names = ", ".join(f"“{value[:60]}”" for value in selection.unknown)
        selection.error = f"There is no {noun} called {names}."
    # An item asked for twice (by slug and by name) is shown once.
    items = {found[value].pk: found[value] for value in wanted if value in found}
    selection.items = list(items.values())
    shown = set(items)
    selection.left_out = [
        found[value] for value in extra if value in found and found[value].pk not in shown
    ]
    every = selection.slugs + [item.slug for item in selection.left_out]
    if not selection.error and request.GET.getlist(param) != every:
        # A typed name, a slug with spaces around it, a repeat or an empty field: answer
        # at the address that names every item once by its slug, which is what links,
        # the remembered comparison and the page cache all go by.
        params = request.GET.copy()
        params.setlist(param, every)
        selection.canonical = params.urlencode()
    return selection


def chooser(selection: Selection, queryset, name_field: str) -> dict:
    """The "add an item" field: a drop-down of the items not chosen yet while they are
    few, else a typed name; after an unknown name, a few items whose names contain it."""
    rest = queryset.exclude(pk__in=[item.pk for item in selection.items])
    typed = selection.unknown[0][:100] if selection.unknown else ""
    close = suggestions(rest, typed, name_field) if typed and not selection.full else []
    return {
        "choices": drop_down_choices(rest, name_field),
        "typed": typed,
        "suggestions": [(item, selection.query(adding=item.slug)) for item in close],
    }
