"""The kinds of row a source supports, and every row of one source as one pageable
sequence. Reaches the rows through the source's relations, so it imports no model."""

from __future__ import annotations

from dataclasses import dataclass

from django.db import models
from django.db.models.functions import Coalesce

from careers import article


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


# What each kind of row is called one at a time, and the columns that say which row it is.
QUOTED_AS = {
    "salaries": ("Pay figure", "role__title", None),
    "requirements": ("Requirement", "role__title", "summary"),
    "ladders": ("Ladder", "name", None),
    "promotions": ("Move", "from_role__title", "to_role__title"),
    "facts": ("", "role__title", "text"),  # a fact is called by its kind
}


@dataclass(frozen=True)
class QuotedRow:
    """One row drawn from an article, told in a few words beside the sentence it quotes."""

    kind: str  # a SourcedKind name
    pk: int
    label: str  # "Requirement", "Pay figure", or a fact's kind ("Duty")
    about: str
    shown: bool  # whether the page's list of rows shows it, so it can be linked to

    @property
    def anchor(self) -> str:
        return f"row-{self.kind}-{self.pk}"


@dataclass(frozen=True)
class Cited:
    """A row in the page's list with the mark in the article its quote is in (None:
    the quote is not in the stored text)."""

    row: models.Model
    mark: article.Mark | None


@dataclass(frozen=True)
class Backing:
    mark: article.Mark
    rows: list[QuotedRow]


@dataclass(frozen=True)
class SourceArticle:
    """The article's text marked with every quote drawn from it, what each mark backs,
    the quotes not found in the text, and the page's rows, each with its mark."""

    reading: article.Reading
    backings: list[Backing]
    missing: list[tuple[str, list[QuotedRow]]]
    cited: dict[str, list[Cited]]  # the page's rows by kind, as SourceStatements.by_kind


def _about(kind: str, who: str | None, what: str | None, fact_kind: str, kinds: dict) -> tuple:
    label = QUOTED_AS[kind][0] or kinds.get(fact_kind, fact_kind)
    if kind == "salaries":
        return label, who or "The whole field"
    if kind == "promotions":
        return label, f"{who} → {what}"
    return label, ": ".join(part for part in (who, what) if part)


def read_article(source: models.Model, shown: list[tuple[str, models.Model]]) -> SourceArticle:
    """Every quote drawn from the source (all its rows, in one query) located in its
    stored text; `shown` is the page of rows (from SourceStatements) the page lists."""
    text = models.Value("")
    parts, kinds = [], {}
    for kind in SOURCED_KINDS:
        rows = getattr(source, kind.relation).all().order_by()
        _, who, what = QUOTED_AS[kind.name]
        is_fact = kind.name == "facts"
        if is_fact:
            kinds = dict(rows.model._meta.get_field("kind").choices)
            who = Coalesce("role__title", "employer__name", text)
        parts.append(
            rows.values_list(
                models.Value(kind.name),
                "pk",
                "quote",
                who,
                what or text,
                "kind" if is_fact else text,
            )
        )
    on_page = {(name, row.pk) for name, row in shown}
    by_quote: dict[str, list[QuotedRow]] = {}
    order = {kind.name: place for place, kind in enumerate(SOURCED_KINDS)}
    for name, pk, quote, who, what, fact_kind in sorted(
        parts[0].union(*parts[1:], all=True).order_by(), key=lambda row: (order[row[0]], row[1])
    ):
        label, about = _about(name, who, what, fact_kind, kinds)
        row = QuotedRow(name, pk, label, about, (name, pk) in on_page)
        by_quote.setdefault(quote, []).append(row)
    reading = article.read(source.text, by_quote)
    backings = [
        Backing(mark, [row for quote in mark.quotes for row in by_quote[quote]])
        for mark in reading.marks
    ]
    cited = {
        name: [Cited(row, reading.mark_of.get(row.quote)) for row in rows]
        for name, rows in SourceStatements.by_kind(shown).items()
    }
    missing = [(quote, by_quote[quote]) for quote in reading.missing]
    return SourceArticle(reading, backings, missing, cited)
