"""The career map: every role as a box and every move the sources name as an arrow, with
a text list that says what the drawing says, arrow for arrow."""

from __future__ import annotations

from dataclasses import dataclass, field

from careers.models import Role
from ladders.graph_store import current_graph
from ladders.layout import Arrow, MapLayout, layout

MAP_LIMIT = 300  # roles; past this a drawing is unreadable, and the ladders serve better


@dataclass
class CareerMap:
    role_count: int
    too_many: bool = False
    map: MapLayout | None = None
    # (role, [(role it leads to, arrow), ...]) for every box, entry level first.
    outline: list[tuple[Role, list[tuple[Role, Arrow]]]] = field(default_factory=list)
    move_count: int = 0

    @classmethod
    def current(cls) -> CareerMap:
        role_count = Role.objects.count()
        if role_count > MAP_LIMIT:
            return cls(role_count=role_count, too_many=True)
        roles = {role.pk: role for role in Role.objects.all()}
        drawing = layout(current_graph(), {pk: role.title for pk, role in roles.items()})
        for box in drawing.boxes:
            box.role = roles[box.role_id]
        moves: dict[int, list] = {}
        for arrow in drawing.arrows:
            moves.setdefault(arrow.from_id, []).append((roles[arrow.to_id], arrow))
        outline = [
            (box.role, sorted(moves.get(box.role_id, []), key=lambda move: move[0].title))
            for box in sorted(drawing.boxes, key=lambda b: (b.level, b.title.lower()))
        ]
        return cls(len(roles), map=drawing, outline=outline, move_count=len(drawing.arrows))
