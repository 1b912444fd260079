"""The kinds of row a source supports, and every row of one source as one pageable
sequence. Reaches the rows through the source's relations, so it imports no model."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models


@dataclass(frozen=True)
class SourcedKind:
    """One kind of row drawn from a source."""

    name: str  # plain name; a source fetched with_counts() has `<name>_count`
    relation: str  # the reverse accessor on Source
    label: str  # how a page names rows of this kind
    related: tuple[str, ...]  # what a listing of them shows beside each row


# Every kind of sourced row, in the order a source's page lists them.
SOURCED_KINDS = (
    SourcedKind("salaries", "salaryfigures", "pay figures", ("role",)),
    SourcedKind("requirements", "requirementstatements", "requirements", ("role",)),
    SourcedKind("ladders", "ladders", "ladders", ()),
    SourcedKind("promotions", "promotions", "moves", ("from_role", "to_role", "ladder")),
    SourcedKind("facts", "facts", "other facts", ("role", "employer")),
)


class SourceStatements:
    """Every row drawn from one source, in the order its page shows them, as one sequence
    a Paginator can page through: the counts come with the source when it was fetched
    `with_counts()`, and a page queries only the kinds of row it reaches."""

    def __init__(self, source: models.Model):  # a careers.models.Source
        self.parts = []
        for kind in SOURCED_KINDS:
            rows = getattr(source, kind.relation).all()
            if kind.related:  # select_related() with no names would follow every key
                rows = rows.select_related(*kind.related)
            count = getattr(source, f"{kind.name}_count", None)
            # The pk breaks ties in the usual order, so that no row falls between pages.
            rows = rows.order_by(*rows.model._meta.ordering, "pk")
            self.parts.append((kind, rows, rows.count() if count is None else count))

    def count(self) -> int:
        return sum(count for _, _, count in self.parts)

    def __getitem__(self, window: slice) -> list[tuple[str, models.Model]]:
        start, stop = window.start or 0, window.stop
        taken, offset = [], 0
        for kind, rows, count in self.parts:
            low, high = max(start - offset, 0), min(stop - offset, count)
            if low < high:
                taken += [(kind.name, row) for row in rows[low:high]]
            offset += count
        return taken

    def starts(self, per_page: int) -> list[tuple[str, int, int]]:
        """(label, how many, the page where they start) for each kind with any rows."""
        starts, offset = [], 0
        for kind, _, count in self.parts:
            if count:
                starts.append((kind.label, count, offset // per_page + 1))
            offset += count
        return starts

    @classmethod
    def by_kind(cls, taken: list[tuple[str, models.Model]]) -> dict[str, list]:
        """A page's rows grouped by kind, each kind under its own name (salaries, ...)."""
        grouped: dict[str, list] = {kind.name: [] for kind in SOURCED_KINDS}
        for name, row in taken:
            grouped[name].append(row)
        return grouped
