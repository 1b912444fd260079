"""The promotion graph: every move of every ladder, as plain data.

Pure Python on plain tuples, so it can be tested without a request or a database
and built once per request with a single query.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Edge:
    promotion_id: int
    from_id: int
    to_id: int
    months_min: int | None = None
    months_max: int | None = None
    sideways: bool = False


@dataclass
class PathTime:
    """Total time in role along a path, honest about steps whose time is not stated."""

    months_min: int = 0
    months_max: int = 0
    unknown_steps: int = 0

    @property
    def display(self) -> str:
        if self.months_min == self.months_max == 0:
            known = ""
        elif self.months_min == self.months_max:
            known = f"{self.months_min} months"
        else:
            known = f"{self.months_min}–{self.months_max} months"
        if not self.unknown_steps:
            return known or "no time in role needed"
        steps = "step" if self.unknown_steps == 1 else "steps"
        if not known:
            return f"not stated for any step ({self.unknown_steps} {steps})"
        return f"{known}, plus {self.unknown_steps} {steps} whose time is not stated"


_CURRENT: dict[str, tuple[int, PromotionGraph]] = {}


class PromotionGraph:
    def __init__(self, edges: Iterable[Edge]):
        self.edges = list(edges)
        self.out: dict[int, list[Edge]] = {}
        self.into: dict[int, list[Edge]] = {}
        for edge in self.edges:
            self.out.setdefault(edge.from_id, []).append(edge)
            self.into.setdefault(edge.to_id, []).append(edge)

    @classmethod
    def from_database(cls) -> PromotionGraph:
        from ladders.models import Promotion

        rows = Promotion.objects.order_by("pk").values_list(
            "pk", "from_role_id", "to_role_id", "months_min", "months_max", "direction"
        )
        return cls(
            Edge(pk, a, b, low, high, direction == Promotion.Direction.SIDEWAYS)
            for pk, a, b, low, high, direction in rows
        )

    @classmethod
    def current(cls) -> PromotionGraph:
        """The graph for the current data, built once per data version per process, so
        a path search does not read every promotion on every request."""
        from careers.models import DataVersion

        version = DataVersion.current()
        cached = _CURRENT.get("graph")
        if cached is None or cached[0] != version:
            cached = (version, cls.from_database())
            _CURRENT["graph"] = cached
        return cached[1]

    @property
    def role_ids(self) -> set[int]:
        return set(self.out) | set(self.into)

    def _bfs(self, start: int, forward: bool = True) -> tuple[dict[int, int], dict[int, Edge]]:
        neighbours = self.out if forward else self.into
        distance = {start: 0}
        via: dict[int, Edge] = {}
        queue = deque([start])
        while queue:
            node = queue.popleft()
            for edge in neighbours.get(node, []):
                other = edge.to_id if forward else edge.from_id
                if other not in distance:
                    distance[other] = distance[node] + 1
                    via[other] = edge
                    queue.append(other)
        return distance, via

    def shortest_path(self, start: int, goal: int) -> list[Edge] | None:
        """Fewest moves from start to goal; None when goal cannot be reached; [] when
        start is goal."""
        distance, via = self._bfs(start)
        if goal not in distance:
            return None
        path = []
        node = goal
        while node != start:
            edge = via[node]
            path.append(edge)
            node = edge.from_id
        return path[::-1]

    def reachable_from(self, start: int) -> dict[int, int]:
        """Role id -> number of moves, for every role reachable from start (not itself)."""
        distance, _ = self._bfs(start)
        distance.pop(start)
        return distance

    def leading_to(self, goal: int) -> dict[int, int]:
        """Role id -> number of moves, for every role from which goal can be reached."""
        distance, _ = self._bfs(goal, forward=False)
        distance.pop(goal)
        return distance

    def levels(self) -> dict[int, int]:
        """Role id -> level: 0 for roles nothing leads to, else one more than the
        highest level leading in (longest path), ignoring any move that closes a loop."""
        level: dict[int, int] = {}
        on_stack: set[int] = set()

        def visit(node: int) -> int:
            if node in level:
                return level[node]
            on_stack.add(node)
            best = 0
            for edge in self.into.get(node, []):
                if edge.from_id not in on_stack:
                    best = max(best, visit(edge.from_id) + 1)
            on_stack.discard(node)
            level[node] = best
            return best

        for node in sorted(self.role_ids):
            visit(node)
        return level


def path_time(path: list[Edge]) -> PathTime:
    total = PathTime()
    for edge in path:
        if edge.months_min is None and edge.months_max is None:
            total.unknown_steps += 1
            continue
        low = edge.months_min if edge.months_min is not None else edge.months_max
        high = edge.months_max if edge.months_max is not None else edge.months_min
        total.months_min += low
        total.months_max += high
    return total


# ---- the career map's layout -------------------------------------------------

BOX_WIDTH = 164
BOX_HEIGHT = 60
GAP_X = 16
GAP_Y = 56
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
    from_id: int
    to_id: int
    x1: int
    y1: int
    x2: int
    y2: int
    sideways: bool


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


def layout(graph: PromotionGraph, titles: dict[int, str]) -> MapLayout:
    """Roles as boxes in rows by level, entry level at the bottom; each row ordered
    by the average position of the roles leading into it, to keep arrows short."""
    levels = graph.levels()
    for role_id in titles:
        levels.setdefault(role_id, 0)
    rows: dict[int, list[int]] = {}
    for role_id, level in levels.items():
        rows.setdefault(level, []).append(role_id)
    position: dict[int, float] = {}
    for level in sorted(rows):
        members = rows[level]

        def weight(role_id: int) -> tuple[float, str]:
            parents = [
                position[e.from_id] for e in graph.into.get(role_id, []) if e.from_id in position
            ]
            return (sum(parents) / len(parents) if parents else 0.0, titles[role_id].lower())

        members.sort(key=weight)
        for index, role_id in enumerate(members):
            position[role_id] = index
    # Lay the levels out as visual rows from the bottom up, wrapping wide levels.
    visual_rows: list[tuple[int, list[int | None]]] = []
    for level in sorted(rows):
        members = rows[level]
        if len(members) <= PER_ROW:
            visual_rows.append((level, list(members)))
            continue
        # Roles that lead nowhere go on the lower row, split to both sides with a gap in
        # the middle, so that arrows climbing to the roles that lead on pass between them.
        leaves = [m for m in members if not graph.out.get(m)]
        onward = [m for m in members if graph.out.get(m)]
        if len(onward) <= PER_ROW and len(leaves) < PER_ROW:
            half = (len(leaves) + 1) // 2
            visual_rows.append((level, [*leaves[:half], None, *leaves[half:]]))
            visual_rows.append((level, onward))
            continue
        for first in range(0, len(members), PER_ROW):
            visual_rows.append((level, members[first : first + PER_ROW]))
    widest = max((len(members) for _, members in visual_rows), default=1)
    width = MARGIN * 2 + widest * BOX_WIDTH + (widest - 1) * GAP_X
    count = len(visual_rows)
    height = MARGIN * 2 + count * BOX_HEIGHT + (count - 1) * GAP_Y
    boxes: dict[int, Box] = {}
    for row_index, (level, members) in enumerate(visual_rows):
        row_width = len(members) * BOX_WIDTH + (len(members) - 1) * GAP_X
        left = (width - row_width) // 2
        y = MARGIN + (count - 1 - row_index) * (BOX_HEIGHT + GAP_Y)
        for index, role_id in enumerate(members):
            if role_id is None:
                continue
            x = left + index * (BOX_WIDTH + GAP_X)
            boxes[role_id] = Box(role_id, titles[role_id], x, y, level, wrap(titles[role_id]))
    arrows = []
    seen = set()
    for edge in graph.edges:
        pair = (edge.from_id, edge.to_id)
        if pair in seen or edge.from_id not in boxes or edge.to_id not in boxes:
            continue
        seen.add(pair)
        a, b = boxes[edge.from_id], boxes[edge.to_id]
        going_up = b.y < a.y
        arrows.append(
            Arrow(
                edge.from_id,
                edge.to_id,
                a.centre_x,
                a.y if going_up else a.y + BOX_HEIGHT,
                b.centre_x,
                b.y + BOX_HEIGHT if going_up else b.y,
                edge.sideways,
            )
        )
    ordered = sorted(boxes.values(), key=lambda box: (-box.level, box.x))
    return MapLayout(ordered, arrows, width, height)
