import threading

from django.db import DatabaseError, connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_safe

# A load balancer gives up on a check after a few seconds, and so must the check: a
# database that accepts connections and never answers would otherwise hold it (and the
# worker) until gunicorn kills it.
DATABASE_CHECK_SECONDS = 1.5


def database_answers(timeout: float = DATABASE_CHECK_SECONDS) -> bool:
    """Whether a fresh connection answers `SELECT 1` within timeout seconds. It runs in a
    thread of its own (so on a connection of its own, closed after): a worker's kept
    connection may be the one that hangs, and a hung check is left behind, not waited on.
    The connection's own connect timeout ends that thread soon after."""
    answered = threading.Event()

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
    return answered.wait(timeout)


@never_cache
@require_safe
def healthz(request: HttpRequest) -> JsonResponse:
    """For a load balancer: 200 when the database answers, 503 when it does not or is
    too slow to, always within about two seconds."""
    if not database_answers():
        return JsonResponse({"status": "unavailable", "database": "unreachable"}, status=503)
    return JsonResponse({"status": "ok", "database": "ok"})
