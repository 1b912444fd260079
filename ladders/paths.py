"""The path finder: the fewest moves from one role to another across every ladder, with
what each step pays and asks for; or, where no route is known, where each end leads."""

from __future__ import annotations

from dataclasses import dataclass, field

from careers.models import Role
from ladders.graph import PathTime, path_time
from ladders.graph_store import current_graph
from ladders.models import Promotion
from ladders.steps import Step, describe_steps

NEAREST = 6  # roles offered on each side when no route joins the two


@dataclass
class Route:
    start: Role
    goal: Role
    path_found: bool = False
    steps: list[Step] = field(default_factory=list)
    total_time: PathTime | None = None
    # Where no route is known: the closest roles the start leads to, and that lead to the goal.
    nearest_from_start: list[tuple[Role, int]] = field(default_factory=list)
    nearest_to_goal: list[tuple[Role, int]] = field(default_factory=list)


def find_route(start: Role, goal: Role) -> Route:
    graph = current_graph()
    path = graph.shortest_path(start.pk, goal.pk)
    if path is None:
        return Route(
            start,
            goal,
            nearest_from_start=nearest(graph.reachable_from(start.pk)),
            nearest_to_goal=nearest(graph.leading_to(goal.pk)),
        )
    promotions = Promotion.objects.select_related("ladder", "source").in_bulk(
        [edge.promotion_id for edge in path]
    )
    steps = describe_steps(promotions[edge.promotion_id] for edge in path)
    return Route(start, goal, path_found=True, steps=steps, total_time=path_time(path))


def nearest(distances: dict[int, int], limit: int = NEAREST) -> list[tuple[Role, int]]:
    """The closest roles first (fewest moves, then title), without loading every role."""
    closest = sorted(distances.items(), key=lambda item: (item[1], item[0]))[: limit * 8]
    roles = Role.objects.in_bulk([pk for pk, _ in closest])
    ranked = sorted(closest, key=lambda item: (item[1], roles[item[0]].title.lower()))
    return [(roles[pk], moves) for pk, moves in ranked[:limit]]
