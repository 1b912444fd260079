import threading
import time

from django.core.cache import cache
from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

from core.cache_guard import cache_answers

# A load balancer gives up on a check after a few seconds, and so must the check: a
# database that accepts connections and never answers would otherwise hold it (and the
# worker) until gunicorn kills it.
DATABASE_CHECK_SECONDS = 1.5


def database_check(timeout: float = DATABASE_CHECK_SECONDS):
    """Start checking that a fresh connection answers `SELECT 1`; returns a function that
    waits for the answer until timeout seconds after the start. The check runs in a thread
    of its own (so on a connection of its own, closed after): a worker's kept connection may
    be the one that hangs, and a hung check is left behind, not waited on. The connection's
    own connect timeout ends that thread soon after."""
    answered = threading.Event()
    deadline = time.monotonic() + timeout

    def check() -> None:
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
                cursor.fetchone()
            answered.set()
        except DatabaseError:
            pass
        finally:
            connection.close()

    threading.Thread(target=check, name="healthz-database", daemon=True).start()
    return lambda: answered.wait(max(0.0, deadline - time.monotonic()))


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """For a load balancer: 200 when the database answers, 503 when it does not or is
    too slow to, always within about two seconds. The cache only speeds pages up, so with
    it away the site still serves (200) and says it is degraded."""
    database_answered = database_check()
    cache_state = "ok" if cache_answers(lambda: cache.get("healthz")) else "unreachable"
    if not database_answered():
        return JsonResponse(
            {"status": "unavailable", "database": "unreachable", "cache": cache_state},
            status=503,
        )
    status = "ok" if cache_state == "ok" else "degraded"
    return JsonResponse({"status": status, "database": "ok", "cache": cache_state})
