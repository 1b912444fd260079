"""Optimistic locking for content rows: an edit says which version it started from, and a
save over a newer version is refused, saying who saved since and what they changed (the
admin's forms live in core.admin)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.db import DatabaseError, models, transaction
from django.utils import timezone
from django.utils.text import capfirst

# Longer values are named as changed, not quoted: a conflict message stays readable.
SHORT_VALUE = 60


class EditConflict(Exception):
    """Somebody else saved the row since this edit began."""

    def __init__(self, model: type[models.Model], pk, expected: int, current: int):
        super().__init__(f"{model._meta.label} {pk}: version {current}, edit began at {expected}")
        self.model, self.pk, self.expected, self.current = model, pk, expected, current

    def report(self) -> ConflictReport:
        return changes_since(self.model, self.pk, self.expected)


class Versioned(models.Model):
    """Optimistic locking: every save through `save_if_unchanged` bumps `version`, and
    refuses to overwrite a row whose version moved on since the edit began."""

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save_if_unchanged(self, expected_version: int, **kwargs) -> None:
        with transaction.atomic():
            current = (
                type(self)
                .objects.select_for_update()
                .filter(pk=self.pk)
                .order_by()  # Meta.ordering may join other tables, which FOR UPDATE refuses
                .values_list("version", flat=True)
                .first()
            )
            if current is not None and current != expected_version:
                raise EditConflict(type(self), self.pk, expected_version, current)
            self.version = (current or 0) + 1
            self.save(**kwargs)


def is_lock_timeout(error: DatabaseError) -> bool:
    """Whether a save gave up waiting for another's lock: SQLite's busy timeout ran out
    ("database is locked"), or PostgreSQL's lock_timeout did (SQLSTATE 55P03)."""
    cause = error.__cause__
    return "database is locked" in str(error) or getattr(cause, "sqlstate", None) == "55P03"


@dataclass(frozen=True)
class FieldChange:
    name: str
    label: str
    old: str
    new: str

    def __str__(self) -> str:
        if len(self.old) > SHORT_VALUE or len(self.new) > SHORT_VALUE:
            return f"{self.label} (changed)"
        return f"{self.label}: {self.old} → {self.new}"


@dataclass(frozen=True)
class Save:
    by: str
    at: datetime

    def __str__(self) -> str:
        return f"{self.by} on {timezone.localtime(self.at):%d %b %Y at %H:%M %Z}"


@dataclass(frozen=True)
class ConflictReport:
    """What happened to a row since an edit began: the saves since (who, when) and the
    fields they changed, old → new. `known` is False when the history does not hold the
    version the edit began from, so only the current row can be compared."""

    saves: list[Save]
    changes: list[FieldChange]
    known: bool


def display_value(field: models.Field, value) -> str:
    """A field's value as an editor reads it: choices by label, yes/no, “blank”."""
    if value is None or value == "":
        return "blank"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if field.choices:
        return f"“{dict(field.flatchoices).get(value, value)}”"
    return f"“{value}”"


def _who(record) -> str:
    if record.history_user is not None:
        return record.history_user.get_username()
    return record.history_change_reason or "somebody (not recorded)"


def changes_since(model: type[models.Model], pk, version: int) -> ConflictReport:
    """Who saved the row since `version` and what they changed, from its history."""
    attribute = getattr(model._meta, "simple_history_manager_attribute", None)
    if attribute is None:
        return ConflictReport(saves=[], changes=[], known=False)
    records = (
        getattr(model, attribute)
        .filter(**{model._meta.pk.attname: pk})
        .select_related("history_user")
    )
    started = records.filter(version=version).order_by("-history_date").first()
    if started is None:
        latest = records.order_by("-history_date").first()
        saves = [Save(_who(latest), latest.history_date)] if latest else []
        return ConflictReport(saves=saves, changes=[], known=False)
    since = list(records.filter(history_date__gt=started.history_date).order_by("history_date"))
    if not since:
        return ConflictReport(saves=[], changes=[], known=True)
    delta = since[-1].diff_against(started, foreign_keys_are_objs=True)
    changes = []
    for change in delta.changes:
        field = model._meta.get_field(change.field)
        label = capfirst(field.verbose_name)
        changes.append(
            FieldChange(
                change.field,
                label,
                display_value(field, change.old),
                display_value(field, change.new),
            )
        )
    return ConflictReport(
        saves=[Save(_who(record), record.history_date) for record in since],
        changes=changes,
        known=True,
    )
