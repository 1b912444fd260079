"""The path finder: the fewest moves from one role to another across every ladder, with
what each step pays and asks for; where only one end is chosen, or no route joins the
two, every role each end leads to or is reached from, grouped by the number of moves."""

from __future__ import annotations

from dataclasses import dataclass, field

from careers.models import Role
from ladders.graph import PathTime, path_time
from ladders.graph_store import current_graph
from ladders.models import Promotion
from ladders.steps import Step, describe_steps
from ladders.today import StepToday, attach_to_steps, between
from salaries.official import Area
from salaries.today import PayToday, pay_today

REACH_LISTED = 100  # roles listed on each side; past that, "and N more"


@dataclass
class Reach:
    """Every role one end leads to (or is reached from), fewest moves first."""

    groups: list[tuple[int, list[Role]]] = field(default_factory=list)  # (moves, roles)
    total: int = 0
    listed: int = 0
    more: int = 0  # reachable but not listed (past REACH_LISTED)


@dataclass
class Route:
    start: Role | None
    goal: Role | None
    path_found: bool = False
    steps: list[Step] = field(default_factory=list)
    total_time: PathTime | None = None
    from_start: Reach | None = None  # where the start can lead (no goal, or no route)
    to_goal: Reach | None = None  # the roles that lead to the goal (no start, or no route)
    # A found route's official pay today: every role's PayToday (each step also carries its
    # change as `step.today`) and the change from start to goal, in one area and release.
    pay_today: dict[int, PayToday] = field(default_factory=dict)
    total_change: StepToday | None = None

    @property
    def inferred_moves(self) -> int:
        """How many of the route's moves no sentence states (read from a list or order):
        the route's summary says so, so "4 moves" never passes for four stated ones."""
        return sum(not step.promotion.order_is_stated for step in self.steps)


def explore(start: Role | None, goal: Role | None, area: Area | None = None) -> Route:
    """The route from start to goal; with one end only, where it leads or what leads to it.
    A route's official pay today is that of `area` (national figures when None)."""
    graph = current_graph()
    if start is not None and goal is not None:
        path = graph.shortest_path(start.pk, goal.pk)
        if path is not None:
            promotions = Promotion.objects.select_related("ladder", "source").in_bulk(
                [edge.promotion_id for edge in path]
            )
            steps = describe_steps(promotions[edge.promotion_id] for edge in path)
            pay = pay_today([start, *(step.to_role for step in steps)], area)
            attach_to_steps(steps, pay, area)
            return Route(
                start,
                goal,
                path_found=True,
                steps=steps,
                total_time=path_time(path),
                pay_today=pay,
                total_change=between(pay, start, goal, area),
            )
    return Route(
        start,
        goal,
        from_start=reach(graph.reachable_from(start.pk)) if start is not None else None,
        to_goal=reach(graph.leading_to(goal.pk)) if goal is not None else None,
    )


def reach(distances: dict[int, int], limit: int = REACH_LISTED) -> Reach:
    """Group role id -> moves by moves, titles in order, loading only the roles listed."""
    ordered = sorted(distances.items(), key=lambda item: (item[1], item[0]))
    listed = ordered[:limit]
    roles = Role.objects.in_bulk([pk for pk, _ in listed])
    groups: dict[int, list[Role]] = {}
    for pk, moves in listed:
        groups.setdefault(moves, []).append(roles[pk])
    return Reach(
        groups=[
            (moves, sorted(found, key=lambda role: role.title.lower()))
            for moves, found in sorted(groups.items())
        ],
        total=len(ordered),
        listed=len(listed),
        more=len(ordered) - len(listed),
    )
