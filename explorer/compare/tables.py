"""What both comparison tables show beside the items: numbered sources, grouped moves."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from explorer.compare.memory import remembered_comparisons
from explorer.compare.pay import chart_rows
from explorer.compare.selection import chooser
from ladders.models import Promotion, Rung
from ladders.today import heading
from salaries.charts import pay_chart


def footnotes(rows) -> dict:
    """Number the articles these rows cite, in seed order, for the footnotes."""
    sources = sorted(
        {row.source.pk: row.source for row in rows}.values(), key=lambda s: s.seed_file
    )
    return {"sources": sources, "source_numbers": {s.pk: n for n, s in enumerate(sources, 1)}}


@dataclass
class MoveGroup:
    """Moves out of a role that share their direction, time in role and whether a sentence
    states them, e.g. "Step up, time in role not stated; inferred, order not stated": said
    once for the group rather than after every move."""

    label: str
    moves: list


def group_moves(moves) -> list[MoveGroup]:
    """Group a role's moves out; a move to a role reached on two ladders gets
    `names_ladder`, or it would read as a repeat."""
    targets = Counter(move.to_role_id for move in moves)
    groups: dict[str, MoveGroup] = {}
    for move in moves:
        move.names_ladder = targets[move.to_role_id] > 1
        if move.months_min is None and move.months_max is None:
            time = "time in role not stated"
        else:
            time = f"{move.time_in_role_display} in role"
        label = f"{move.get_direction_display()}, {time}"
        if not move.order_is_stated:
            label += "; inferred, order not stated"
        groups.setdefault(label, MoveGroup(label, [])).moves.append(move)
    return list(groups.values())


def attach_role_ladders(roles) -> None:
    """Each role's rungs (`compare_rungs`) and grouped moves out (`leads_to`), for the role
    comparison's last rows, in two queries."""
    ids = [role.pk for role in roles]
    rungs = Rung.objects.filter(role_id__in=ids).select_related("ladder")
    moves = Promotion.objects.filter(from_role_id__in=ids).select_related("to_role", "ladder")
    for role in roles:
        role.compare_rungs = [rung for rung in rungs if rung.role_id == role.pk]
        role.leads_to = group_moves([move for move in moves if move.from_role_id == role.pk])


def ladder_rows(columns) -> list[tuple[int, list]]:
    """(rung position, the cell of each column at it or None), from the entry rung up."""
    depth = max((len(column.cells) for column in columns), default=0)
    return [
        (
            position,
            [
                column.cells[position - 1] if position <= len(column.cells) else None
                for column in columns
            ],
        )
        for position in range(1, depth + 1)
    ]


def workbench_context(
    request,
    selection,
    pay,
    *,
    noun: str,
    everything,
    name_field: str,
    base_url: str,
    roles,
    cited,
    area=None,
) -> dict:
    """What both comparison pages show around their table: the chooser, the pay chart
    and dollars year, numbered sources, the remembered comparisons to go back to, and
    what the row of official medians is called (the roles carry theirs as `role.today`)."""
    pays = [getattr(role, "today", None) for role in roles]
    return {
        "today_heading": heading(pays, area),
        # The release the official medians are from, cited beside the articles.
        "today_release": next((pay.release for pay in pays if pay and pay.release), None),
        "selection": selection,
        "chart": pay_chart(chart_rows(roles)) if selection.ready else None,
        **chooser(selection, everything, name_field),
        **pay.context(roles),
        **footnotes(cited),
        "noun": noun,
        "base_url": base_url,
        "resume": remembered_comparisons(request, selection),
    }
