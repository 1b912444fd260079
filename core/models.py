"""The data version: one number that every cached page and in-memory graph is checked
against, moved on by any saved change to the content apps (see core.cache)."""

from __future__ import annotations

import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection, models, transaction

from core.cache_guard import cache_answers, cache_call

# Each change moves the number on by a random step of up to this, and a new row starts at a
# random number: a database made anew or restored from a backup never walks the numbers
# again that pages still in the cache were rendered at.
STEP = 2**20
# The cache copy of the number expires this soon: a change whose copy could not be written
# (the cache was away when it committed) is hidden from other processes this long at most.
VERSION_TTL = 30  # seconds
UNAVAILABLE = object()


class DataVersion(models.Model):
    """One row whose number goes up whenever any content changes, so cached pages and
    the in-memory promotion graph know, in every process, when they are stale.

    With a shared cache (Redis, settings.DATA_VERSION_IN_CACHE) the number every request
    reads is copied into the cache, beside the pages, so a cached page costs no database
    round trip. The row is the record: the copy is written when a change commits, expires
    after VERSION_TTL seconds, and is read back from the row when missing (expired, evicted,
    Redis restarted), which leaves the pages cached under it good."""

    CACHE_KEY = "data-version"
    # Set when this process committed a change but could not write the cache copy: until
    # it can drop that copy, it trusts nothing in the cache.
    unpublished = False
    # The last number this process saw, for when the copy expires while the database
    # cannot be reached (no change can commit then): cached pages are still served.
    last_seen: int | None = None

    value = models.BigIntegerField(default=0)

    class Meta:
        verbose_name = "data version"
        # Created by the careers app before this one existed; the table kept its name.
        db_table = "careers_dataversion"

    def __str__(self) -> str:
        return str(self.value)

    @classmethod
    def current(cls) -> int:
        if settings.DATA_VERSION_IN_CACHE and cls.trusted():
            version = cache_call(lambda: cache.get(cls.CACHE_KEY), UNAVAILABLE)
            if version is UNAVAILABLE:
                return cls.stored()  # nothing is cached under it while the cache is away
            return version if version is not None else cls.read_back()
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
    def read_back(cls) -> int:
        """The row's number, copied into the cache (unless a change has just written a
        newer copy: `add` never overwrites)."""
        try:
            version = cls.stored()
        except DatabaseError:
            if cls.last_seen is None:
                raise
            version = cls.last_seen
        cache_call(lambda: cache.add(cls.CACHE_KEY, version, VERSION_TTL), None)
        cls.last_seen = version
        return version

    @classmethod
    def bump(cls) -> None:
        step = 1 + secrets.randbelow(STEP)
        updated = cls.objects.filter(pk=1).update(value=models.F("value") + step)
        if not updated:
            cls.objects.get_or_create(pk=1, defaults={"value": secrets.randbelow(2**52)})
        if settings.DATA_VERSION_IN_CACHE:
            version = cls.stored()
            # Only once the change is visible to other processes: a reader that saw the
            # new number before the commit would cache the old data under it.
            transaction.on_commit(lambda: cls.publish(version))

    @classmethod
    def publish(cls, version: int) -> None:
        """Write the cache copy of a committed number. When the cache is away the change
        is still saved; this process then trusts the cache again only once it has dropped
        the old copy (see trusted), and every other process within VERSION_TTL."""
        if not cache_answers(lambda: cache.set(cls.CACHE_KEY, version, VERSION_TTL)):
            cls.unpublished = True

    @classmethod
    def trusted(cls) -> bool:
        """Whether the cache copy can be believed: always, unless this process failed to
        write one, until it manages to delete it (the next reader then reads the row)."""
        if cls.unpublished and cache_answers(lambda: cache.delete(cls.CACHE_KEY)):
            cls.unpublished = False
        return not cls.unpublished
