"""The promotion graph: every move of every ladder, as plain data.

Pure Python on plain tuples, so it can be tested without a request or a database. It
imports nothing from Django or the project: ladders.graph_store builds it from the
database and keeps it per data version, and ladders.layout draws it as the career map.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Edge:
    promotion_id: int
    from_id: int
    to_id: int
    months_min: int | None = None
    months_max: int | None = None
    sideways: bool = False
    stated: bool = True  # the sentence states this move; off when it is inferred


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
        if not known:
            if self.unknown_steps == 1:
                return "no source says how long the one move takes"
            return f"no source says how long any of the {self.unknown_steps} moves takes"
        moves = "move" if self.unknown_steps == 1 else "moves"
        return f"{known}, plus {self.unknown_steps} {moves} no source gives a time for"


class PromotionGraph:
    """Every move, indexed both by the role it leaves and by the role it enters."""

    def __init__(self, edges: Iterable[Edge]):
        self.edges = list(edges)
        self.out: dict[int, list[Edge]] = {}
        self.into: dict[int, list[Edge]] = {}
        for edge in self.edges:
            self.out.setdefault(edge.from_id, []).append(edge)
            self.into.setdefault(edge.to_id, []).append(edge)

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
        start is goal.

        Searches from both ends, a whole level at a time from the smaller side, so a long
        route in a big catalogue visits a few hundred roles rather than every role
        reachable from start."""
        if start == goal:
            return []
        ahead: dict[int, Edge | None] = {start: None}  # role -> the move that reached it
        behind: dict[int, Edge | None] = {goal: None}  # role -> the move it leaves by
        front, back = [start], [goal]
        while front and back:
            forward = len(front) <= len(back)
            if forward:
                front, meeting = self._grow(front, ahead, behind, forward=True)
            else:
                back, meeting = self._grow(back, behind, ahead, forward=False)
            if meeting is not None:
                return self._join(meeting, ahead, behind)
        return None

    def _grow(
        self, level: list[int], seen: dict, other_side: dict, forward: bool
    ) -> tuple[list[int], int | None]:
        """The next level out from one side, and the first role it shares with the other
        side. The first level to touch the other side gives the shortest route: a shorter
        one would have touched it a level earlier."""
        neighbours = self.out if forward else self.into
        following: list[int] = []
        for node in level:
            for edge in neighbours.get(node, []):
                other = edge.to_id if forward else edge.from_id
                if other in seen:
                    continue
                seen[other] = edge
                if other in other_side:
                    return following, other
                following.append(other)
        return following, None

    @staticmethod
    def _join(meeting: int, ahead: dict, behind: dict) -> list[Edge]:
        path: list[Edge] = []
        node = meeting
        while (edge := ahead[node]) is not None:
            path.append(edge)
            node = edge.from_id
        path.reverse()
        node = meeting
        while (edge := behind[node]) is not None:
            path.append(edge)
            node = edge.to_id
        return path

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
