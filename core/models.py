"""The data version: one number that every cached page and in-memory graph is checked
against, moved on by any saved change to the content apps (see core.cache)."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import connection, models, transaction

from core.cache_guard import cache_call

# Random epochs start above this, so a version restarted by INCR on a missing key
# (1, 2, ...) is recognisably not one.
EPOCH_FLOOR = 2**20
UNAVAILABLE = object()


class DataVersion(models.Model):
    """One row whose number goes up whenever any content changes, so cached pages and
    the in-memory promotion graph know, in every process, when they are stale.

    With a shared cache (Redis, settings.DATA_VERSION_IN_CACHE) the number every request
    reads lives in the cache too, beside the pages, so a cached page costs no database
    round trip. The row stays the record; the cache copy moves on when a change commits."""

    CACHE_KEY = "data-version"

    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "data version"
        # Created by the careers app before this one existed; the table kept its name.
        db_table = "careers_dataversion"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def current(cls) -> int:
        if settings.DATA_VERSION_IN_CACHE:
            version = cache_call(lambda: cache.get(cls.CACHE_KEY), UNAVAILABLE)
            if version is UNAVAILABLE:
                # The row moves on with every change too; nothing is cached under it.
                return cls.stored()
            return version if version is not None else cls.new_epoch()
        return cls.stored()

    @classmethod
    def stored(cls) -> int:
        """The number in the database row."""
        # Read on every cached page view: plain SQL costs a fraction of a queryset.
        table = connection.ops.quote_name(cls._meta.db_table)
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT value FROM {table} WHERE id = 1")
            row = cursor.fetchone()
        return row[0] if row else 0

    @classmethod
    def bump(cls) -> None:
        updated = cls.objects.filter(pk=1).update(value=models.F("value") + 1)
        if not updated:
            cls.objects.get_or_create(pk=1, defaults={"value": 1})
        if settings.DATA_VERSION_IN_CACHE:
            # Only once the change is visible to other processes: a reader that saw the
            # new number before the commit would cache the old data under it.
            transaction.on_commit(cls.bump_cache_copy)

    @classmethod
    def bump_cache_copy(cls) -> None:
        try:
            if cache.incr(cls.CACHE_KEY) > EPOCH_FLOOR:
                return
        except ValueError:  # evicted or never set
            pass
        # The key was gone, so INCR (or nothing) would restart near zero, a number an
        # earlier epoch may have used for pages still cached. Start somewhere new.
        cache.set(cls.CACHE_KEY, cls.random_epoch(), timeout=None)

    @classmethod
    def new_epoch(cls) -> int:
        """A version no cached page can carry: the cache copy was evicted (or Redis was
        emptied), so whatever number it had is unknown."""
        cache_call(lambda: cache.add(cls.CACHE_KEY, cls.random_epoch(), timeout=None), None)
        # Another process may have added first.
        version = cache_call(lambda: cache.get(cls.CACHE_KEY), None)
        return version if version is not None else cls.random_epoch()

    @staticmethod
    def random_epoch() -> int:
        return EPOCH_FLOOR + secrets.randbelow(2**52)
