"""The benchmark: serve the app with gunicorn in production settings on SQLite and on
PostgreSQL, at seed size and with a synthetic catalogue, and drive each main page with
wrk in the same run as two references: the framework floor (a trivial view through the
same server and middleware) and the page's own bytes served as a static file.

Run with `make bench`; prints a table and writes bench/RESULTS.md.
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from report import machine, table, verdicts  # run as a script: bench/ is on the path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
VAR = ROOT / "var" / "bench"
STATIC_ROOT = VAR / "static"
DURATION = os.environ.get("BENCH_SECONDS", "4")
CONNECTIONS = os.environ.get("BENCH_CONNECTIONS", "2")
SIZES = {
    "seed": None,
    "10k": ["--roles", "10000", "--promotions", "50000", "--ladders", "500", "--seed", "1"],
}
PG_ADMIN = os.environ.get("BENCH_PG", "postgres://postgres@127.0.0.1:5432")
# Each database in the setup it is run in: SQLite on one machine with each process's own
# memory as the cache (the embedded default; the data version is read from the file), and
# PostgreSQL as several servers run it, with Redis sharing pages and the data version (in a
# Redis database of its own). BENCH_REDIS_URL= (empty) measures PostgreSQL with local memory.
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
COLD_RUNS = 15


def env_for(database_url: str, shared_cache: bool = False) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}}
    env.update(
        DATABASE_URL=database_url,
        SECRET_KEY="benchmark-only-secret-key",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        BENCHMARK="1",
        HTTPS="0",
        STATIC_ROOT=str(STATIC_ROOT),
    )
    if shared_cache and redis_answers():
        env.update(REDIS_URL=REDIS_URL, CACHE_KEY_PREFIX="bench")
    return env


@functools.cache
def redis_answers() -> bool:
    if not REDIS_URL:
        return False
    try:
        import redis

        return redis.Redis.from_url(REDIS_URL).ping()
    except Exception as error:  # any failure means: measure without it
        print(f"Redis at {REDIS_URL} is not answering ({error}); using local memory.")
        return False


def flush_redis() -> None:
    import redis

    redis.Redis.from_url(REDIS_URL).flushdb()


def manage(env: dict, *args: str) -> str:
    result = subprocess.run(
        [PY, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def fresh_database(kind: str, size: str) -> str:
    if kind == "sqlite":
        VAR.mkdir(parents=True, exist_ok=True)
        path = VAR / f"{size}.sqlite3"
        path.unlink(missing_ok=True)
        return f"sqlite:///{path}"
    import psycopg

    name = f"careers_bench_{size}"
    with psycopg.connect(f"{PG_ADMIN}/postgres", autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}"')
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{PG_ADMIN}/{name}"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for(port: int) -> None:
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    sys.exit("gunicorn did not start")


def wrk(url: str, *headers: str, seconds: str | int = DURATION) -> dict:
    """Median and p99 latency (ms), requests per second and non-2xx count for a URL."""
    header_args = [arg for header in headers for arg in ("-H", header)]
    run = subprocess.run(
        ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", *header_args, url],
        capture_output=True,
        text=True,
    )
    return parse_wrk(run.stdout)


def cold_ms(url: str, fragment: bool) -> float:
    """Median time for this page when nothing is cached: each request asks for the page
    with an extra parameter no one has asked for, so every one is rendered afresh."""
    times = []
    for n in range(COLD_RUNS + 1):
        request = urllib.request.Request(
            f"{url}{'&' if '?' in url else '?'}uncached={n}",
            headers={"HX-Request": "true"} if fragment else {},
        )
        began = time.perf_counter()
        with urllib.request.urlopen(request) as response:
            response.read()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times[1:])  # the first pays for opening connections


def worker_rss_mb(master_pid: int) -> float:
    children = Path(f"/proc/{master_pid}/task/{master_pid}/children")
    total = 0.0
    for pid in children.read_text().split():
        status = Path(f"/proc/{pid}/status").read_text()
        total = max(total, int(re.search(r"VmRSS:\s+(\d+)", status).group(1)) / 1024)
    return total


def first_load_kb(html: str) -> float:
    """HTML plus the CSS and JS it loads, gzip-compressed, in KB."""
    total = len(gzip.compress(html.encode()))
    for asset in re.findall(r'(?:href|src)="/static/([^"]+\.(?:css|js))"', html):
        path = STATIC_ROOT / asset
        if path.exists():
            total += len(gzip.compress(path.read_bytes()))
    return total / 1024


def bench_one(kind: str, size: str) -> dict:
    database = fresh_database(kind, size)
    env = env_for(database, shared_cache=kind == "postgresql")
    if "REDIS_URL" in env:
        flush_redis()  # nothing cached from the last configuration
    manage(env, "migrate", "--no-input")
    manage(env, "load_fixtures")
    if SIZES[size]:
        manage(env, "generate_catalogue", *SIZES[size])
    probe = json.loads(manage(env, "bench_probe"))
    pages = {name: value for name, value in probe.items() if not name.startswith("_")}
    reference_dir = STATIC_ROOT / "bench-reference"
    reference_dir.mkdir(parents=True, exist_ok=True)
    first_load = first_load_kb(pages["role list, filtered"]["_content"])
    for number, page in enumerate(pages.values()):
        (reference_dir / f"page-{number}.html").write_text(page.pop("_content"), "utf-8")
    port = free_port()
    server = subprocess.Popen(
        [
            PY,
            "-m",
            "gunicorn",
            "config.wsgi",
            "-w",
            "1",
            "-b",
            f"127.0.0.1:{port}",
            "--access-logfile",
            "/dev/null",
            "--error-logfile",
            str(VAR / "gunicorn.log"),
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        wait_for(port)
        base = f"http://127.0.0.1:{port}"
        wrk(base + "/__floor__/")  # warm up
        floor = wrk(base + "/__floor__/")
        for number, page in enumerate(pages.values()):
            headers = ["HX-Request: true"] if page["fragment_only"] else []
            page["cold_ms"] = cold_ms(base + page["url"], page["fragment_only"])
            wrk(base + page["url"], *headers, seconds=1)  # cached once, connections warm
            page["load"] = wrk(base + page["url"], *headers)
            page["static"] = wrk(f"{base}/static/bench-reference/page-{number}.html")
            page["ratio"] = page["load"]["p50"] / floor["p50"] if floor["p50"] else None
        rss = worker_rss_mb(server.pid)
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    return {
        "kind": kind,
        "size": size,
        "roles": probe["_roles"],
        "promotions": probe["_promotions"],
        "floor": floor,
        "pages": pages,
        "rss_mb": rss,
        "path_finder_ms": pages["path finder"]["cold_ms"],
        "route_moves": probe["_route_moves"],
        "graph_search_ms": probe["_graph_search_ms"],
        "first_load_kb": first_load,
        "cache": "Redis" if "REDIS_URL" in env else "local memory",
    }


def parse_wrk(text: str) -> dict:
    def ms(label: str) -> float:
        match = re.search(rf"^\s+{label}%\s+([\d.]+)(us|ms|s)", text, re.M)
        value, unit = float(match.group(1)), match.group(2)
        return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    return {
        "p50": ms("50"),
        "p99": ms("99"),
        "rps": rps,
        "non2xx": int(errors.group(1)) if errors else 0,
    }


def main() -> None:
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install -y wrk (make bench does this)")
    if STATIC_ROOT.exists():
        shutil.rmtree(STATIC_ROOT)
    manage(env_for(f"sqlite:///{VAR / 'seed.sqlite3'}"), "collectstatic", "--no-input", "-v0")
    kinds = os.environ.get("BENCH_DATABASES", "sqlite,postgresql").split(",")
    results = []
    for kind in kinds:
        for size in SIZES:
            print(f"== {kind}, {size}", flush=True)
            results.append(bench_one(kind, size))
            print(table(results[-1:]), flush=True)
    report = [
        "# Benchmark results",
        "",
        f"Machine: {machine()}.",
        f"Run: `make bench`, gunicorn with 1 sync worker, DEBUG off, wrk with {CONNECTIONS} "
        f"connections for {DURATION} s per URL, on {time.strftime('%Y-%m-%d %H:%M UTC')}.",
        "",
        "Each page is measured in the same run as the framework floor (`/__floor__/`, a view "
        "that returns two bytes through the same middleware and server) and as a static file "
        "holding that page's own bytes. wrk repeats one address, so its figures are for a "
        "page that is cached, as popular pages are; the uncached column is the median of "
        f"{COLD_RUNS} requests for addresses no one had asked for, each rendered afresh. "
        "Queries are counted in-process on a cold cache and again with the page cached.",
        table(results),
        *verdicts(results),
        "",
    ]
    print("\n".join(verdicts(results)))
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(report), "utf-8")
    print(f"\nWrote {ROOT / 'bench' / 'RESULTS.md'}")


if __name__ == "__main__":
    main()
