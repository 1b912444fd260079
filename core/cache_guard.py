"""The shared cache is an accelerator, never a dependency: when Redis is unreachable, slow
or full, pages are rendered as if nothing were cached, and /healthz says the cache is
degraded. A process that finds it unreachable leaves it alone for a few seconds rather than
paying the socket timeout on every request."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

try:
    from redis.exceptions import ConnectionError as RedisConnectionError
    from redis.exceptions import RedisError
    from redis.exceptions import TimeoutError as RedisTimeoutError
except ImportError:  # the Redis client is only needed with REDIS_URL set

    class RedisError(Exception):
        pass

    RedisConnectionError = RedisTimeoutError = RedisError

logger = logging.getLogger(__name__)

# Unreachable: refused, reset, or no answer within the socket timeout (settings.CACHES).
UNREACHABLE = (RedisConnectionError, RedisTimeoutError, OSError)
# Anything else the server can answer instead of doing it, such as "OOM command not
# allowed" from a Redis at its memory limit without an eviction policy.
FAILED = (RedisError,)
RETRY_AFTER = 5.0  # seconds a process leaves an unreachable cache alone

_down_until = 0.0


def cache_call[T](operation: Callable[[], T], default: T) -> T:
    """operation() on the cache, or default when the cache cannot do it."""
    global _down_until
    if time.monotonic() < _down_until:
        return default
    try:
        return operation()
    except UNREACHABLE as error:
        _down_until = time.monotonic() + RETRY_AFTER
        logger.warning("cache unreachable, pages are served uncached: %s", error)
    except FAILED as error:
        logger.warning("cache refused an operation: %s", error)
    return default


def cache_answers(probe: Callable[[], object]) -> bool:
    """Whether probe() runs on the cache without an error (and the cache is not being
    left alone after one)."""
    return cache_call(lambda: probe() or True, False)


def forget_failures() -> None:
    """Try the cache again at once (for tests)."""
    global _down_until
    _down_until = 0.0
