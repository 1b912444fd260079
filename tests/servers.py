"""Real servers for the outage and scale-out tests: a PostgreSQL database of their own,
gunicorn processes in production settings, and a TCP proxy that can cut the database."""

from __future__ import annotations

import contextlib
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from http.cookiejar import CookieJar
from pathlib import Path

import pytest

from tests.conftest import in_ci

ROOT = Path(__file__).resolve().parent.parent
PG_HOST, PG_PORT = "127.0.0.1", 5432


def postgres_or_skip() -> None:
    try:
        socket.create_connection((PG_HOST, PG_PORT), timeout=2).close()
    except OSError:
        if in_ci():
            pytest.fail("PostgreSQL at 127.0.0.1:5432 is not answering")
        pytest.skip("PostgreSQL at 127.0.0.1:5432 is not answering")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(database_url: str, **extra: str) -> dict[str, str]:
    unset = {"DEBUG", "DJANGO_SETTINGS_MODULE", "DJANGO_ALLOW_ASYNC_UNSAFE"}
    env = {k: v for k, v in os.environ.items() if k not in unset}
    env.update(
        DATABASE_URL=database_url,
        SECRET_KEY="servers-test-secret-key-" + "x" * 30,
        ALLOWED_HOSTS="127.0.0.1,localhost",
        HTTPS="0",
        DJANGO_SETTINGS_MODULE="config.settings",
        **extra,
    )
    return env


def fresh_database(name: str) -> str:
    """An empty, migrated PostgreSQL database with the seed data; returns its URL."""
    import psycopg

    with psycopg.connect(
        f"postgres://postgres@{PG_HOST}:{PG_PORT}/postgres", autocommit=True
    ) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    url = f"postgres://postgres@{PG_HOST}:{PG_PORT}/{name}"
    env = server_env(url)
    for args in (["migrate", "--no-input"], ["load_fixtures"], ["collectstatic", "--no-input"]):
        subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=env,
            check=True,
            capture_output=True,
            timeout=300,
        )
    return url


class Gunicorn:
    def __init__(self, env: dict[str, str], workers: int = 1):
        self.port = free_port()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi",
                "-w",
                str(workers),
                "-b",
                f"127.0.0.1:{self.port}",
                "--timeout",
                "30",
            ],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.base = f"http://127.0.0.1:{self.port}"
        for _ in range(200):
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("gunicorn did not start")

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


def get(url: str, opener=None, timeout: float = 10) -> tuple[int, str]:
    opener = opener or urllib.request.build_opener()
    try:
        with opener.open(url, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")


class AdminSession:
    """A logged-in admin user driving change forms over real HTTP."""

    def __init__(self, base: str, username: str, password: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(CookieJar()))
        _, html = get(f"{base}/admin/login/", self.opener)
        self.post("/admin/login/?next=/admin/", {"username": username, "password": password}, html)

    def post(self, path: str, fields: dict, page_html: str) -> tuple[int, str]:
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page_html).group(1)
        data = urllib.parse.urlencode({**fields, "csrfmiddlewaretoken": token}).encode()
        request = urllib.request.Request(
            self.base + path, data=data, headers={"Referer": self.base + path}
        )
        try:
            with self.opener.open(request, timeout=15) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def change(self, path: str, fields: dict) -> tuple[int, str]:
        _, html = get(self.base + path, self.opener)
        version = re.search(r'name="expected_version" value="(\d+)"', html).group(1)
        return self.post(path, {**fields, "expected_version": version}, html)


class Proxy:
    """Forwards a local port to PostgreSQL; `cut()` drops every connection and refuses
    new ones, `restore()` lets them through again: a real network fault. `hang()` keeps
    every connection open and accepts new ones but passes nothing on either way: a server
    that has stopped answering, while its host still acknowledges every packet."""

    def __init__(self):
        self.port = free_port()
        self.sockets: list[socket.socket] = []
        self.listener = None
        self.hung = threading.Event()
        self.restore()

    def hang(self) -> None:
        self.hung.set()

    def restore(self) -> None:
        self.hung.clear()
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(32)
        threading.Thread(target=self._accept, args=(self.listener,), daemon=True).start()

    def cut(self) -> None:
        # shutdown() wakes the thread blocked in accept(); close() alone would not.
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for sock in self.sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        self.sockets.clear()

    def _accept(self, listener: socket.socket) -> None:
        while True:
            try:
                client, _ = listener.accept()
            except OSError:
                return
            if self.hung.is_set():
                self.sockets.append(client)
                continue
            upstream = socket.create_connection((PG_HOST, PG_PORT))
            self.sockets += [client, upstream]
            for a, b in ((client, upstream), (upstream, client)):
                threading.Thread(target=self._pump, args=(a, b), daemon=True).start()

    def _pump(self, source: socket.socket, target: socket.socket) -> None:
        try:
            while data := source.recv(65536):
                if not self.hung.is_set():
                    target.sendall(data)
        except OSError:
            pass
        finally:
            for sock in (source, target):
                with contextlib.suppress(OSError):
                    sock.close()


class Silent:
    """A port that accepts connections and never says a word: a hung server (PostgreSQL
    stopped mid-flight, Redis wedged), as opposed to a closed port that refuses at once."""

    def __init__(self):
        self.port = free_port()
        self.sockets: list[socket.socket] = []
        self.listener = socket.socket()
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", self.port))
        self.listener.listen(64)
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self) -> None:
        while True:
            try:
                client, _ = self.listener.accept()
            except OSError:
                return
            self.sockets.append(client)  # held open, never read from or written to

    def stop(self) -> None:
        with contextlib.suppress(OSError):
            self.listener.shutdown(socket.SHUT_RDWR)
        self.listener.close()
        for sock in self.sockets:
            sock.close()


def timed_get(url: str, **kwargs) -> tuple[int, str, float]:
    """get(), and how many seconds the answer took."""
    began = time.monotonic()
    status, body = get(url, **kwargs)
    return status, body, time.monotonic() - began
