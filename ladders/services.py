"""Writes that touch several ladder rows at once."""

from __future__ import annotations

from collections.abc import Iterable

from django.db import transaction
from django.db.models import F

from ladders.models import Rung

# Rungs being renumbered park here first, so that swapping two positions in one save
# never trips the unique (ladder, position) constraint half-way.
PARKING_OFFSET = 10_000


@transaction.atomic
def park_rungs(*, rung_ids: Iterable[int]) -> None:
    """Move these rungs out of the numbering (the caller then saves their new positions,
    in the same transaction)."""
    Rung.objects.filter(pk__in=list(rung_ids)).update(position=F("position") + PARKING_OFFSET)


def park_renumbered_rungs(*, positions: dict[int, int]) -> None:
    """Park the stored rungs (by pk) whose position differs from the one wanted, so that
    a new numbering (as an admin edit and export can produce) never collides with the
    old one."""
    stored = Rung.objects.filter(pk__in=positions).values_list("pk", "position")
    park_rungs(rung_ids=[pk for pk, position in stored if position != positions[pk]])
