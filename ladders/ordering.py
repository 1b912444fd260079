"""Ordering the rows of a layered drawing and sliding them into place.

`order_rows` sweeps the rows up and down (the barycentre heuristic), keeping the order with
the fewest crossing arrows; `slide` places one row's nodes, in order and apart by their
gaps, as close as can be to where they want to be. Pure Python: no Django, no database.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from itertools import groupby

# A place in a row: a role's id, or (move number, row) for a move passing through.
Node = int | tuple[int, int]

SWEEPS = 9  # odd, so the last sweep is upwards, from the entry level


def crossings_between(upper: list[Node], lower: list[Node], links: dict[Node, list[Node]]) -> int:
    """How many arrows between two neighbouring rows cross each other."""
    place = {node: index for index, node in enumerate(upper)}
    ends = sorted(
        (index, place[other]) for index, node in enumerate(lower) for other in links[node]
    )
    seen: list[int] = []
    total = 0
    for _, end in ends:
        total += len(seen) - bisect_right(seen, end)
        insort(seen, end)
    return total


def order_rows(rows: list[list[Node]], below: dict, above: dict) -> list[list[Node]]:
    """Rows reordered by the mean place of each node's neighbours, sweeping up and down,
    keeping the order with the fewest crossings."""
    place = {node: (index + 0.5) / len(row) for row in rows for index, node in enumerate(row)}

    def mean(nodes: list[Node], own: float) -> float:
        return sum(place[node] for node in nodes) / len(nodes) if nodes else own

    def sweep(r: int, links: dict, others: dict) -> None:
        here = {node: mean(links[node], place[node]) for node in rows[r]}
        row = sorted(rows[r], key=lambda node: (here[node], place[node]))
        # Among nodes tied on this side, those that go on to the other side are put in the
        # middle, in that side's order, and the rest split around them: a role's moves to
        # roles that lead nowhere fan out to both sides, the moves climbing on go up the
        # middle, and the row stays narrow.
        rows[r] = []
        for _, group in groupby(row, key=here.__getitem__):
            tied = list(group)
            if len(tied) > 1:
                going_on = sorted(
                    (node for node in tied if others[node]),
                    key=lambda node: (mean(others[node], 0), place[node]),
                )
                ending = [node for node in tied if not others[node]]
                half = (len(ending) + 1) // 2
                tied = [*ending[:half], *going_on, *ending[half:]]
            rows[r] += tied
        place.update((node, (index + 0.5) / len(row)) for index, node in enumerate(rows[r]))

    def crossings() -> int:
        return sum(crossings_between(rows[r + 1], rows[r], above) for r in range(len(rows) - 1))

    best, fewest = [list(row) for row in rows], crossings()
    for turn in range(SWEEPS):
        if turn % 2 == 0:
            for r in range(1, len(rows)):
                sweep(r, below, above)
        else:
            for r in range(len(rows) - 2, -1, -1):
                sweep(r, above, below)
        count = crossings()
        if count <= fewest:  # on a tie, the later sweeps have settled more
            best, fewest = [list(row) for row in rows], count
    return best


def slide(wanted: list[float], weights: list[float], gaps: list[float]) -> list[float]:
    """Positions in the given order, each at least its gap from the one before, as close
    as can be to the wanted ones (weighted least squares: pool adjacent violators)."""
    offsets = [0.0]
    for gap in gaps:
        offsets.append(offsets[-1] + gap)
    blocks: list[list[float]] = []  # [weighted sum, weight, count]
    for want, offset, weight in zip(wanted, offsets, weights, strict=True):
        blocks.append([(want - offset) * weight, weight, 1])
        while len(blocks) > 1 and blocks[-2][0] / blocks[-2][1] > blocks[-1][0] / blocks[-1][1]:
            total, weight_sum, count = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += weight_sum
            blocks[-1][2] += count
    placed: list[float] = []
    for total, weight_sum, count in blocks:
        placed.extend([total / weight_sum] * int(count))
    return [place + offset for place, offset in zip(placed, offsets, strict=True)]
