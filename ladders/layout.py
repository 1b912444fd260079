"""The career map's layout: roles as boxes in rows by level, moves as arrows between them.

A layered drawing (after Sugiyama): roles in rows by level, entry level at the bottom. A
move that climbs past a row gets a slot of its own in that row, a channel between the
boxes, so no arrow is ever drawn behind a box it does not start or end at; a reader would
take such an arrow for a move from that box. Rows are ordered to cross as few arrows as
the sweeps find, then each row slides towards the boxes and channels it joins.

Pure Python like the graph it draws, so it can be tested without a request or a database.
"""

from __future__ import annotations

from bisect import bisect_right, insort
from dataclasses import dataclass, field
from itertools import groupby, pairwise

from ladders.graph import PromotionGraph

BOX_WIDTH = 164
BOX_HEIGHT = 60
GAP_X = 16  # between two boxes
CHANNEL = 14  # from an arrow passing through a row to whatever is beside it
GAP_Y = 56
STUB = 12  # arrows leave and enter a box, and cross a row, straight up this far
MARGIN = 16
LINE_CHARS = 21
PER_ROW = 5  # a level with more roles wraps onto further rows, so the map stays narrow
SWEEPS = 9  # odd, so the last sweep is upwards, from the entry level

# A place in a row: a role's id, or (move number, row) for a move passing through.
Node = int | tuple[int, int]


@dataclass
class Box:
    role_id: int
    title: str
    x: int
    y: int
    level: int
    lines: list[str] = field(default_factory=list)

    @property
    def centre_x(self) -> int:
        return self.x + BOX_WIDTH // 2


@dataclass
class Arrow:
    """One drawn move: every move the sources name from one role to another, as a line
    from the first box's edge through the channels it passes to the second box's edge."""

    from_id: int
    to_id: int
    points: list[tuple[int, int]]
    sideways: bool  # every move named between the two roles is sideways
    mixed: bool = False  # some ladders call it a step up, others sideways

    @property
    def svg_points(self) -> str:
        return " ".join(f"{x},{y}" for x, y in self.points)


@dataclass
class MapLayout:
    boxes: list[Box]
    arrows: list[Arrow]
    width: int
    height: int
    box_width: int = BOX_WIDTH
    box_height: int = BOX_HEIGHT


def wrap(title: str, limit: int = LINE_CHARS) -> list[str]:
    lines: list[str] = []
    for word in title.split():
        if lines and len(lines[-1]) + 1 + len(word) <= limit:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines[:3]


def _chunks(members: list[int]) -> list[list[int]]:
    """Members split into rows of at most PER_ROW, as even as they can be."""
    if not members:
        return []
    count = -(-len(members) // PER_ROW)
    size = -(-len(members) // count)
    return [members[first : first + size] for first in range(0, len(members), size)]


def _crossings(upper: list[Node], lower: list[Node], links: dict[Node, list[Node]]) -> int:
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


def _order(rows: list[list[Node]], below: dict, above: dict) -> list[list[Node]]:
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
        return sum(_crossings(rows[r + 1], rows[r], above) for r in range(len(rows) - 1))

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


def _slide(wanted: list[float], weights: list[float], gaps: list[float]) -> list[float]:
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


def _positions(rows: list[list[Node]], below: dict, above: dict) -> dict[Node, float]:
    """The centre x of every node: rows packed, then slid towards their neighbours a few
    times, moves passing through pulled hardest so that they run straight."""

    def gap(left: Node, right: Node) -> float:
        half = {True: BOX_WIDTH / 2, False: 0}
        if isinstance(left, int) and isinstance(right, int):
            return BOX_WIDTH + GAP_X
        return half[isinstance(left, int)] + half[isinstance(right, int)] + CHANNEL

    gaps = [[gap(a, b) for a, b in pairwise(row)] for row in rows]
    x: dict[Node, float] = {}
    for row, row_gaps in zip(rows, gaps, strict=True):
        x.update(zip(row, _slide([0.0] * len(row), [1.0] * len(row), row_gaps), strict=True))
    # Up the rows towards the nodes below, down towards those above, and last towards both.
    for links in [below, above] * 3 + [None]:
        order = range(len(rows)) if links is not above else range(len(rows) - 1, -1, -1)
        for r in order:
            wanted, weights = [], []
            for node in rows[r]:
                others = links[node] if links is not None else below[node] + above[node]
                near = [x[other] for other in others]
                wanted.append(sum(near) / len(near) if near else x[node])
                # A move passing through weighs most, so that it runs straight up.
                weights.append((4.0 if isinstance(node, tuple) else 1.0) if near else 0.1)
            x.update(zip(rows[r], _slide(wanted, weights, gaps[r]), strict=True))
    return x


def layout(graph: PromotionGraph, titles: dict[int, str]) -> MapLayout:
    """Roles as boxes in rows by level, entry level at the bottom, and the moves between
    them as arrows that pass between boxes, never behind one."""
    levels = {role_id: level for role_id, level in graph.levels().items() if role_id in titles}
    for role_id in titles:
        levels.setdefault(role_id, 0)
    directions: dict[tuple[int, int], list[bool]] = {}
    for edge in graph.edges:
        if edge.from_id in levels and edge.to_id in levels:
            directions.setdefault((edge.from_id, edge.to_id), []).append(edge.sideways)
    leads_on = {from_id for from_id, _ in directions}

    # Levels as rows from the bottom up. A crowded level wraps, roles that lead nowhere on
    # its lower rows, so that arrows out of the level do not have to climb past them.
    by_level: dict[int, list[int]] = {}
    for role_id in sorted(levels, key=lambda role_id: titles[role_id].lower()):
        by_level.setdefault(levels[role_id], []).append(role_id)
    rows: list[list[Node]] = []
    row_of: dict[int, int] = {}
    for level in sorted(by_level):
        members = by_level[level]
        chunks = [members]
        if len(members) > PER_ROW:
            chunks = [
                *_chunks([m for m in members if m not in leads_on]),
                *_chunks([m for m in members if m in leads_on]),
            ]
        for chunk in chunks:
            row_of.update((role_id, len(rows)) for role_id in chunk)
            rows.append(list(chunk))

    # Every move as a chain of nodes, one per row from start to end. levels() puts the two
    # ends of every move on different levels, so never on the same row.
    chains: list[list[Node]] = []
    below: dict[Node, list[Node]] = {node: [] for row in rows for node in row}
    above: dict[Node, list[Node]] = {node: [] for row in rows for node in row}
    for number, (from_id, to_id) in enumerate(directions):
        step = 1 if row_of[to_id] > row_of[from_id] else -1
        chain: list[Node] = [from_id]
        for r in range(row_of[from_id] + step, row_of[to_id], step):
            rows[r].append((number, r))
            below[(number, r)], above[(number, r)] = [], []
            chain.append((number, r))
        chain.append(to_id)
        for lower, upper in pairwise(chain):
            if step < 0:
                lower, upper = upper, lower
            above[lower].append(upper)
            below[upper].append(lower)
        chains.append(chain)
    if not rows:
        return MapLayout([], [], MARGIN * 2, MARGIN * 2)
    rows = _order(rows, below, above)
    x = _positions(rows, below, above)

    def extent(node: Node) -> tuple[float, float]:
        half = BOX_WIDTH / 2 if isinstance(node, int) else 0
        return x[node] - half, x[node] + half

    left = min(extent(node)[0] for row in rows for node in row)
    right = max(extent(node)[1] for row in rows for node in row)
    shift = MARGIN - left
    width = round(right - left) + MARGIN * 2
    count = len(rows)
    height = MARGIN * 2 + count * BOX_HEIGHT + (count - 1) * GAP_Y

    def top(r: int) -> int:
        return MARGIN + (count - 1 - r) * (BOX_HEIGHT + GAP_Y)

    def at(node: Node) -> int:
        return round(x[node] + shift)

    boxes: dict[int, Box] = {}
    for r, row in enumerate(rows):
        for node in row:
            if isinstance(node, int):
                corner = at(node) - BOX_WIDTH // 2
                boxes[node] = Box(
                    node, titles[node], corner, top(r), levels[node], wrap(titles[node])
                )

    # Where arrows meet a box's edge: spread along it, in the order of where they go.
    ports: dict[tuple[int, str], list[tuple[int, int, int]]] = {}
    for number, chain in enumerate(chains):
        up = row_of[chain[-1]] > row_of[chain[0]]
        ports.setdefault((chain[0], "top" if up else "bottom"), []).append(
            (at(chain[1]), number, 0)
        )
        ports.setdefault((chain[-1], "bottom" if up else "top"), []).append(
            (at(chain[-2]), number, -1)
        )
    port_x: dict[tuple[int, int], int] = {}
    for (role_id, _), users in ports.items():
        for index, (_, number, end) in enumerate(sorted(users)):
            port_x[(number, end)] = boxes[role_id].x + BOX_WIDTH * (index + 1) // (len(users) + 1)

    arrows = []
    for number, ((from_id, to_id), sideways) in enumerate(directions.items()):
        chain = chains[number]
        up = row_of[to_id] > row_of[from_id]
        start, end = boxes[from_id], boxes[to_id]
        # Straight up (or down) out of the box, through each channel and into the box, so
        # the slanted parts all run at least STUB clear of every box.
        lift = -STUB if up else STUB
        first = (port_x[(number, 0)], start.y if up else start.y + BOX_HEIGHT)
        last = (port_x[(number, -1)], end.y + BOX_HEIGHT if up else end.y)
        points = [first, (first[0], first[1] + lift)]
        for node in chain[1:-1]:
            r = node[1]
            near, far = (top(r) + BOX_HEIGHT, top(r)) if up else (top(r), top(r) + BOX_HEIGHT)
            points += [(at(node), near - lift), (at(node), far + lift)]
        points += [(last[0], last[1] - lift), last]
        arrows.append(Arrow(from_id, to_id, points, all(sideways), mixed=len(set(sideways)) > 1))
    ordered = sorted(boxes.values(), key=lambda box: (box.y, box.x))
    return MapLayout(ordered, arrows, width, height)
