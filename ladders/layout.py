"""The career map's layout: roles as boxes in rows by level, moves as arrows between them.

A layered drawing (after Sugiyama): roles in rows by level, entry level at the bottom. A
move that climbs past a row gets a slot of its own in that row, a channel between the
boxes, so no arrow is ever drawn behind a box it does not start or end at; a reader would
take such an arrow for a move from that box. Rows are ordered to cross as few arrows as
the sweeps find, then each row slides towards the boxes and channels it joins.

Pure Python like the graph it draws, so it can be tested without a request or a database.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import pairwise

from ladders.graph import PromotionGraph
from ladders.ordering import Node, order_rows, slide

BOX_WIDTH = 164
BOX_HEIGHT = 60
GAP_X = 16  # between two boxes
CHANNEL = 14  # from an arrow passing through a row to whatever is beside it
GAP_Y = 56
STUB = 12  # arrows leave and enter a box, and cross a row, straight up this far
MARGIN = 16
LINE_CHARS = 21
PER_ROW = 5  # a level with more roles wraps onto further rows, so the map stays narrow


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
    stated: bool = True  # some sentence states a move between the two; off when all inferred

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
        x.update(zip(row, slide([0.0] * len(row), [1.0] * len(row), row_gaps), strict=True))
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
            x.update(zip(rows[r], slide(wanted, weights, gaps[r]), strict=True))
    return x


# ---- the steps of layout(), in the order it takes them ------------------------------------

# (from role, to role) -> (sideways, stated) for each move the sources name between them.
Moves = dict[tuple[int, int], list[tuple[bool, bool]]]
# node -> the nodes it is joined to in the row below (or above).
Links = dict[Node, list[Node]]


def _levels(graph: PromotionGraph, titles: dict[int, str]) -> dict[int, int]:
    """The level of every role to be drawn: its level in the graph, or 0 for a role no
    move touches."""
    levels = {role_id: level for role_id, level in graph.levels().items() if role_id in titles}
    for role_id in titles:
        levels.setdefault(role_id, 0)
    return levels


def _moves(graph: PromotionGraph, levels: dict[int, int]) -> Moves:
    """The moves between drawn roles, one entry per pair of roles in the order the graph
    first names them, with whether each of the pair's moves is sideways and stated."""
    directions: Moves = {}
    for edge in graph.edges:
        if edge.from_id in levels and edge.to_id in levels:
            pair = (edge.from_id, edge.to_id)
            directions.setdefault(pair, []).append((edge.sideways, edge.stated))
    return directions


def _stack(
    levels: dict[int, int], titles: dict[int, str], leads_on: set[int]
) -> tuple[list[list[Node]], dict[int, int]]:
    """Levels as rows from the bottom up, each in title order, and the row of every role.

    A crowded level wraps, roles that lead nowhere on its lower rows, so that arrows out
    of the level do not have to climb past them."""
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
    return rows, row_of


def _thread(
    rows: list[list[Node]], row_of: dict[int, int], directions: Moves
) -> tuple[list[list[Node]], Links, Links]:
    """Every move as a chain of nodes, one per row from start to end, and each node's
    neighbours in the rows below and above it.

    Appends a channel node, (move number, row), to each row a move passes through; the
    rows are changed in place. levels() puts the two ends of every move on different
    levels, so never on the same row."""
    chains: list[list[Node]] = []
    below: Links = {node: [] for row in rows for node in row}
    above: Links = {node: [] for row in rows for node in row}
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
    return chains, below, above


@dataclass
class _Canvas:
    """Where the placed rows land on the drawing: x shifted so the leftmost box or
    channel is a margin in from the left edge, the first row (the entry level) at the
    bottom."""

    x: dict[Node, float]  # centre of every node, as _positions() placed it
    shift: float
    row_count: int
    width: int
    height: int

    def top(self, r: int) -> int:
        """The y of row r's top edge."""
        return MARGIN + (self.row_count - 1 - r) * (BOX_HEIGHT + GAP_Y)

    def at(self, node: Node) -> int:
        """The drawn x of a node's centre."""
        return round(self.x[node] + self.shift)


def _canvas(rows: list[list[Node]], x: dict[Node, float]) -> _Canvas:
    """The drawing's size and offset: wide enough for the outermost boxes and channels,
    tall enough for every row, with a margin all round."""

    def extent(node: Node) -> tuple[float, float]:
        half = BOX_WIDTH / 2 if isinstance(node, int) else 0
        return x[node] - half, x[node] + half

    left = min(extent(node)[0] for row in rows for node in row)
    right = max(extent(node)[1] for row in rows for node in row)
    count = len(rows)
    return _Canvas(
        x=x,
        shift=MARGIN - left,
        row_count=count,
        width=round(right - left) + MARGIN * 2,
        height=MARGIN * 2 + count * BOX_HEIGHT + (count - 1) * GAP_Y,
    )


def _boxes(
    rows: list[list[Node]], canvas: _Canvas, titles: dict[int, str], levels: dict[int, int]
) -> dict[int, Box]:
    """A box for every role, by role id, centred where its node was placed."""
    boxes: dict[int, Box] = {}
    for r, row in enumerate(rows):
        for node in row:
            if isinstance(node, int):
                corner = canvas.at(node) - BOX_WIDTH // 2
                boxes[node] = Box(
                    node, titles[node], corner, canvas.top(r), levels[node], wrap(titles[node])
                )
    return boxes


def _ports(
    chains: list[list[Node]], row_of: dict[int, int], boxes: dict[int, Box], canvas: _Canvas
) -> dict[tuple[int, int], int]:
    """Where each arrow meets its boxes' edges, by (move number, 0 for its start or -1 for
    its end): spread evenly along the edge, in the order of where the arrows go next."""
    ports: dict[tuple[int, str], list[tuple[int, int, int]]] = {}
    for number, chain in enumerate(chains):
        up = row_of[chain[-1]] > row_of[chain[0]]
        ports.setdefault((chain[0], "top" if up else "bottom"), []).append(
            (canvas.at(chain[1]), number, 0)
        )
        ports.setdefault((chain[-1], "bottom" if up else "top"), []).append(
            (canvas.at(chain[-2]), number, -1)
        )
    port_x: dict[tuple[int, int], int] = {}
    for (role_id, _), users in ports.items():
        for index, (_, number, end) in enumerate(sorted(users)):
            port_x[(number, end)] = boxes[role_id].x + BOX_WIDTH * (index + 1) // (len(users) + 1)
    return port_x


def _route(
    number: int,
    chain: list[Node],
    up: bool,
    start: Box,
    end: Box,
    port_x: dict[tuple[int, int], int],
    canvas: _Canvas,
) -> list[tuple[int, int]]:
    """The points of one arrow: straight up (or down) out of the box, through each
    channel and into the box, so the slanted parts all run at least STUB clear of every
    box."""
    lift = -STUB if up else STUB
    first = (port_x[(number, 0)], start.y if up else start.y + BOX_HEIGHT)
    last = (port_x[(number, -1)], end.y + BOX_HEIGHT if up else end.y)
    points = [first, (first[0], first[1] + lift)]
    for node in chain[1:-1]:
        top = canvas.top(node[1])
        near, far = (top + BOX_HEIGHT, top) if up else (top, top + BOX_HEIGHT)
        points += [(canvas.at(node), near - lift), (canvas.at(node), far + lift)]
    points += [(last[0], last[1] - lift), last]
    return points


def _arrows(
    directions: Moves,
    chains: list[list[Node]],
    row_of: dict[int, int],
    boxes: dict[int, Box],
    port_x: dict[tuple[int, int], int],
    canvas: _Canvas,
) -> list[Arrow]:
    """An arrow for every pair of roles with a move between them, routed along its chain."""
    arrows = []
    for number, ((from_id, to_id), moves) in enumerate(directions.items()):
        up = row_of[to_id] > row_of[from_id]
        points = _route(number, chains[number], up, boxes[from_id], boxes[to_id], port_x, canvas)
        sideways = {side for side, _ in moves}
        stated = any(said for _, said in moves)
        arrows.append(Arrow(from_id, to_id, points, all(sideways), len(sideways) > 1, stated))
    return arrows


def layout(graph: PromotionGraph, titles: dict[int, str]) -> MapLayout:
    """Roles as boxes in rows by level, entry level at the bottom, and the moves between
    them as arrows that pass between boxes, never behind one."""
    levels = _levels(graph, titles)
    directions = _moves(graph, levels)
    rows, row_of = _stack(levels, titles, leads_on={from_id for from_id, _ in directions})
    chains, below, above = _thread(rows, row_of, directions)
    if not rows:
        return MapLayout([], [], MARGIN * 2, MARGIN * 2)
    rows = order_rows(rows, below, above)
    canvas = _canvas(rows, _positions(rows, below, above))
    boxes = _boxes(rows, canvas, titles, levels)
    port_x = _ports(chains, row_of, boxes, canvas)
    arrows = _arrows(directions, chains, row_of, boxes, port_x, canvas)
    ordered = sorted(boxes.values(), key=lambda box: (box.y, box.x))
    return MapLayout(ordered, arrows, canvas.width, canvas.height)
