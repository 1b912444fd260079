"""The career map: every role as a box and every move the sources name as an arrow, with
a text list that says what the drawing says, arrow for arrow."""

from __future__ import annotations

from dataclasses import dataclass, field

from careers.models import Role
from ladders.graph_store import current_graph
from ladders.layout import Arrow, MapLayout, layout
from ladders.models import Promotion

MAP_LIMIT = 300  # roles; past this a drawing is unreadable, and the ladders serve better


@dataclass
class MapMove:
    """One arrow of the map as the list says it: the role led to, and, where no sentence
    states any move between the two roles, what the moves are inferred from."""

    role: Role
    arrow: Arrow
    inferred_from: list[str] = field(default_factory=list)
    hedges: list[str] = field(default_factory=list)  # the sentences' own ("typically")


@dataclass
class Legend:
    """What the drawing holds, so its legend names only what it draws."""

    stated: bool = False
    inferred: bool = False
    sideways: bool = False


@dataclass
class CareerMap:
    role_count: int
    too_many: bool = False
    map: MapLayout | None = None
    # (role, the moves out of it) for every box, bottom row first.
    outline: list[tuple[Role, list[MapMove]]] = field(default_factory=list)
    move_count: int = 0
    legend: Legend = field(default_factory=Legend)

    @classmethod
    def current(cls) -> CareerMap:
        role_count = Role.objects.count()
        if role_count > MAP_LIMIT:
            return cls(role_count=role_count, too_many=True)
        roles = {role.pk: role for role in Role.objects.all()}
        drawing = layout(current_graph(), {pk: role.title for pk, role in roles.items()})
        for box in drawing.boxes:
            box.role = roles[box.role_id]
        reasons: dict[tuple[int, int], list[str]] = {}
        hedges: dict[tuple[int, int], list[str]] = {}
        for a, b, stated, why, hedge in Promotion.objects.values_list(
            "from_role_id", "to_role_id", "order_is_stated", "inferred_from", "hedge"
        ):
            for found, text in ((reasons, "" if stated else why), (hedges, hedge)):
                if text and text not in found.setdefault((a, b), []):
                    found[a, b].append(text)
        moves: dict[int, list[MapMove]] = {}
        for arrow in drawing.arrows:
            pair = (arrow.from_id, arrow.to_id)
            why = [] if arrow.stated else reasons.get(pair, [])
            move = MapMove(roles[arrow.to_id], arrow, why, hedges.get(pair, []))
            moves.setdefault(arrow.from_id, []).append(move)
        outline = [
            (box.role, sorted(moves.get(box.role_id, []), key=lambda move: move.role.title))
            for box in sorted(drawing.boxes, key=lambda b: (b.level, b.title.lower()))
        ]
        arrows = drawing.arrows
        legend = Legend(
            stated=any(a.stated for a in arrows),
            inferred=not all(a.stated for a in arrows),
            sideways=any(a.sideways or a.mixed for a in arrows),
        )
        return cls(len(roles), map=drawing, outline=outline, move_count=len(arrows), legend=legend)
