"""Django's PostgreSQL backend with a watchdog: a query, commit, rollback or connection
health check that has not answered within QUERY_SECONDS has its socket shut down, so the
call fails (a 503 page) instead of waiting for ever.

PostgreSQL's own statement_timeout (config/settings.py) stops slow statements cleanly,
but a server that has stopped answering altogether (hung, stopped, a network path that
drops replies while the peer still acknowledges) enforces nothing; psycopg waits on the
socket without a limit, and a worker's kept connection would hold it until gunicorn kills
the worker. New connections are bounded by connect_timeout already."""

from __future__ import annotations

import contextlib
import itertools
import os
import socket
import threading
import time

from django.db.backends.postgresql import base

# Past the server's statement_timeout (5 s), which answers first when the server can.
QUERY_SECONDS = 7.0
POLL_SECONDS = 0.25


class Watchdog:
    """One thread per process, watching the calls under way in every thread."""

    def __init__(self) -> None:
        self.watched: dict[int, tuple[float, object]] = {}
        self.tokens = itertools.count()
        self.started_in: int | None = None
        self.lock = threading.Lock()

    @contextlib.contextmanager
    def bounded(self, psycopg_connection):
        self.start()
        token = next(self.tokens)
        self.watched[token] = (time.monotonic() + QUERY_SECONDS, psycopg_connection)
        try:
            yield
        finally:
            self.watched.pop(token, None)

    def start(self) -> None:
        # Threads do not survive a fork (gunicorn's workers): one per process.
        if self.started_in == os.getpid():
            return
        with self.lock:
            if self.started_in != os.getpid():
                threading.Thread(target=self.run, name="db-watchdog", daemon=True).start()
                self.started_in = os.getpid()

    def run(self) -> None:
        while True:
            time.sleep(POLL_SECONDS)
            now = time.monotonic()
            for token, (deadline, psycopg_connection) in list(self.watched.items()):
                if now > deadline and self.watched.pop(token, None) is not None:
                    cut(psycopg_connection)


def cut(psycopg_connection) -> None:
    """Shut the connection's socket down under the waiting call, which then fails with
    psycopg's OperationalError; Django closes the broken connection after it."""
    with contextlib.suppress(Exception):
        duplicate = socket.socket(fileno=os.dup(psycopg_connection.pgconn.socket))
        try:
            duplicate.shutdown(socket.SHUT_RDWR)
        finally:
            duplicate.close()


watchdog = Watchdog()


class DatabaseWrapper(base.DatabaseWrapper):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # First in the list: outermost, around any wrapper a caller adds.
        self.execute_wrappers.insert(0, self._bounded_execute)

    def _bounded_execute(self, execute, sql, params, many, context):
        with watchdog.bounded(self.connection):
            return execute(sql, params, many, context)

    def is_usable(self) -> bool:
        if self.connection is None:
            return False
        with watchdog.bounded(self.connection):
            return super().is_usable()

    def _commit(self):
        if self.connection is None:
            return None
        with watchdog.bounded(self.connection):
            return super()._commit()

    def _rollback(self):
        if self.connection is None:
            return None
        with watchdog.bounded(self.connection):
            return super()._rollback()
