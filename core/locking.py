"""Optimistic locking for content rows: an edit says which version it started from, and a
save over a newer version is refused (the admin's forms live in core.admin)."""

from __future__ import annotations

from django.db import models, transaction


class EditConflict(Exception):
    """Somebody else saved the row since this edit began."""


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
                raise EditConflict(current)
            self.version = (current or 0) + 1
            self.save(**kwargs)
