"""An article's stored text as a reader sees it: headings and paragraphs, with every
stretch some row quotes marked. Plain Python on plain strings, so it needs no Django.

A quote is found in the text when it matches word for word once runs of whitespace
(line breaks included) count as one space and typographic punctuation counts as its
plain form (’ as ', “ as ", – and — as -, … as ...). Quotes that overlap or nest are
marked as one stretch, which backs every row quoting any part of it."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

FOLD = str.maketrans(
    {"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": "...", "\u00a0": " "}
)
# A line this short that ends without sentence punctuation is one of the article's headings.
HEADING_MAX_WORDS = 12
SENTENCE_END = tuple(".!?:;,\"')”’…")
DATELINE = re.compile(r"^(Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day, \w+ \d{1,2}, \d{4}$")


def fold(text: str) -> tuple[str, list[int]]:
    """The text as quotes are matched against it, and for each of its characters the
    index in `text` it came from."""
    chars: list[str] = []
    where: list[int] = []
    for index, char in enumerate(text):
        if char.isspace():
            if chars and chars[-1] != " ":
                chars.append(" ")
                where.append(index)
            continue
        for plain in char.translate(FOLD):
            chars.append(plain)
            where.append(index)
    return "".join(chars), where


def locate(text: str, quote: str) -> tuple[int, int] | None:
    """Where the quote's first occurrence starts and ends in `text`, or None."""
    needle = fold(quote)[0].strip()
    if not needle:
        return None
    haystack, where = fold(text)
    at = haystack.find(needle)
    if at < 0:
        return None
    return where[at], where[at + len(needle) - 1] + 1


@dataclass(frozen=True)
class Mark:
    """One marked stretch of the text, numbered in reading order from 1."""

    number: int
    start: int
    end: int
    quotes: tuple[str, ...]  # every distinct quote found inside it

    @property
    def anchor(self) -> str:
        return f"q-{self.number}"


@dataclass(frozen=True)
class Piece:
    text: str
    mark: Mark | None = None
    opens: bool = False  # the piece where its mark starts (it carries the anchor)


@dataclass(frozen=True)
class Block:
    heading: bool
    pieces: tuple[Piece, ...]


@dataclass(frozen=True)
class Reading:
    blocks: tuple[Block, ...]
    marks: tuple[Mark, ...]
    missing: tuple[str, ...]  # quotes not found in the text, in the order given
    mark_of: dict[str, Mark]  # each found quote -> the mark holding it


def marks(text: str, quotes: Iterable[str]) -> tuple[list[Mark], list[str], dict[str, Mark]]:
    """Mark every quote found; overlapping spans merge into one mark."""
    spans, missing = [], []
    for quote in dict.fromkeys(quotes):
        span = locate(text, quote)
        if span is None:
            missing.append(quote)
        else:
            spans.append((*span, quote))
    merged: list[list] = []
    for start, end, quote in sorted(spans):
        if merged and start < merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
            merged[-1][2].append(quote)
        else:
            merged.append([start, end, [quote]])
    found = [Mark(n, s, e, tuple(q)) for n, (s, e, q) in enumerate(merged, 1)]
    return found, missing, {quote: mark for mark in found for quote in mark.quotes}


def is_heading(line: str) -> bool:
    return (
        len(line.split()) <= HEADING_MAX_WORDS
        and not line.endswith(SENTENCE_END)
        and not DATELINE.match(line)
    )


def read(text: str, quotes: Iterable[str]) -> Reading:
    """The text split at its line breaks into headings and paragraphs, each cut into
    pieces at the edges of the marks. A mark running over a line break shows in both
    blocks; only its first piece opens it."""
    found, missing, mark_of = marks(text, quotes)
    blocks = []
    for line in re.finditer(r"[^\n]+", text):
        stripped = line.group().strip()
        if not stripped:
            continue
        start = line.start() + line.group().index(stripped)
        end = start + len(stripped)
        pieces, at = [], start
        for mark in found:
            low, high = max(mark.start, start), min(mark.end, end)
            if low >= high:
                continue
            if at < low:
                pieces.append(Piece(text[at:low]))
            pieces.append(Piece(text[low:high], mark, opens=low == mark.start))
            at = high
        if at < end:
            pieces.append(Piece(text[at:end]))
        blocks.append(Block(is_heading(stripped), tuple(pieces)))
    return Reading(tuple(blocks), tuple(found), tuple(missing), mark_of)
