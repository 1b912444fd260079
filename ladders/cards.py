"""What a ladder's card on the ladder list says beyond its rungs: the pay stated for its
first and last rungs, and the time in role the sources give along it."""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise

from ladders.graph import Edge, PathTime, path_time
from ladders.models import Ladder, Promotion, Rung
from salaries.models import SalaryFigure


@dataclass
class LadderCard:
    first: Rung | None
    last: Rung | None
    first_pay: list[SalaryFigure]
    last_pay: list[SalaryFigure]
    time: PathTime  # over the moves the data holds between neighbouring rungs
    moves: int  # how many pairs of neighbouring rungs a move links
    gaps: int  # how many pairs of neighbouring rungs there are


def ladder_cards(ladders: list[Ladder]) -> None:
    """Give each ladder (fetched with_rungs()) its `card`, in two queries for them all."""
    ends = {}
    for ladder in ladders:
        rungs = list(ladder.rungs.all())
        ends[ladder.pk] = (rungs[0], rungs[-1]) if rungs else (None, None)
    role_ids = {rung.role_id for pair in ends.values() for rung in pair if rung}
    pay: dict[int, list[SalaryFigure]] = {}
    for figure in SalaryFigure.objects.filter(role_id__in=role_ids).select_related("source"):
        pay.setdefault(figure.role_id, []).append(figure)
    moves = {
        (move.ladder_id, move.from_role_id, move.to_role_id): move
        for move in Promotion.objects.filter(ladder__in=ladders)
    }
    for ladder in ladders:
        chain = []
        for lower, upper in pairwise(ladder.rungs.all()):
            if move := moves.get((ladder.pk, lower.role_id, upper.role_id)):
                chain.append(
                    Edge(move.pk, lower.role_id, upper.role_id, move.months_min, move.months_max)
                )
        first, last = ends[ladder.pk]
        ladder.card = LadderCard(
            first=first,
            last=last,
            first_pay=pay.get(first.role_id, []) if first else [],
            last_pay=pay.get(last.role_id, []) if last and last != first else [],
            time=path_time(chain),
            moves=len(chain),
            gaps=max(len(ladder.rungs.all()) - 1, 0),
        )
