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
import platform
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
# The targets of issue 6.
SEED_RATIO, LARGE_RATIO, PATH_FINDER_MS, FIRST_LOAD_KB, FRAGMENT_SHARE, RSS_MB = (
    1.5,
    2.0,
    20.0,
    60.0,
    0.25,
    150.0,
)


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


def machine() -> str:
    cpu = ""
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        match = re.search(r"model name\s*:\s*(.+)", cpuinfo.read_text())
        cpu = match.group(1).strip() if match else ""
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        kb = int(re.search(r"MemTotal:\s+(\d+)", meminfo.read_text()).group(1))
        memory = f"{kb / 1024 / 1024:.0f} GiB"
    return (
        f"{platform.system()} {platform.release()}, {os.cpu_count()} cores ({cpu}), {memory}, "
        f"Python {platform.python_version()}"
    )


def table(results: list[dict]) -> str:
    lines = []
    for result in results:
        floor = result["floor"]
        lines += [
            "",
            f"### {result['kind']}, {result['size']} ({result['roles']:,} roles, "
            f"{result['promotions']:,} promotions; cache: {result['cache']})",
            "",
            f"Framework floor: median {floor['p50']:.2f} ms, p99 {floor['p99']:.2f} ms, "
            f"{floor['rps']:,.0f} req/s. Worker memory after the run: {result['rss_mb']:.0f} MB. "
            f"Path finder, uncached: {result['path_finder_ms']:.1f} ms for a route of "
            f"{result['route_moves']} moves (the graph search alone: "
            f"{result['graph_search_ms'] * 1000:.0f} µs).",
            "",
            "| page | median ms | p99 ms | req/s | × floor | uncached median ms | "
            "static copy median ms | queries cold / cached | bytes page / fragment | errors |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for name, page in result["pages"].items():
            load = page["load"]
            fragment = page.get("fragment_bytes")
            size = f"{page['bytes']:,}" + (f" / {fragment:,}" if fragment else "")
            if fragment:
                size += f" ({fragment / page['bytes']:.0%})"
            lines.append(
                f"| {name} | {load['p50']:.2f} | {load['p99']:.2f} | {load['rps']:,.0f} | "
                f"{page['ratio']:.2f} | {page['cold_ms']:.1f} | {page['static']['p50']:.2f} | "
                f"{page['queries_cold']} / {page['queries_warm']} | {size} | {load['non2xx']} |"
            )
    return "\n".join(lines)


def verdict(met: bool) -> str:
    return "**met**" if met else "**missed**"


def ratio_verdict(runs: list[dict], limit: float, where: str) -> str:
    parts, met = [], True
    for run in runs:
        ratios = {name: page["ratio"] for name, page in run["pages"].items()}
        over = [f"{name} {ratio:.2f}×" for name, ratio in ratios.items() if ratio > limit]
        met = met and not over
        parts.append(
            f"{run['kind']} {min(ratios.values()):.2f}–{max(ratios.values()):.2f}×"
            + (f" (over: {', '.join(over)})" if over else "")
        )
    return f"- Every page's median within {limit}× the floor {where}: {verdict(met)}; " + (
        "; ".join(parts) + "."
    )


def verdicts(results: list[dict]) -> list[str]:
    """The issue's targets, judged from this run's figures."""
    seed = [run for run in results if run["size"] == "seed"]
    large = [run for run in results if run["size"] != "seed"]
    lines = ["", "## Against the targets (computed from this run)", ""]
    if seed:
        lines.append(ratio_verdict(seed, SEED_RATIO, "at seed size"))
    if large:
        lines.append(ratio_verdict(large, LARGE_RATIO, "at 10,000 roles / 50,000 promotions"))
        times = [f"{run['kind']} {run['path_finder_ms']:.1f} ms" for run in large]
        met = all(run["path_finder_ms"] < PATH_FINDER_MS for run in large)
        lines.append(
            f"- Path finder under {PATH_FINDER_MS:.0f} ms at that size, uncached and measured "
            f"through the server (so a little over the server time): {verdict(met)}; "
            f"{', '.join(times)}, for a route of {large[0]['route_moves']} moves."
        )
    for run_seed in seed:
        same_db = [run for run in large if run["kind"] == run_seed["kind"]]
        if not same_db:
            continue
        pairs, differ = [], []
        for name, page in run_seed["pages"].items():
            other = same_db[0]["pages"][name]
            pair = (
                f"{name} {page['queries_cold']}/{page['queries_warm']} → "
                f"{other['queries_cold']}/{other['queries_warm']}"
            )
            pairs.append(pair)
            if (page["queries_cold"], page["queries_warm"]) != (
                other["queries_cold"],
                other["queries_warm"],
            ):
                differ.append(name)
        note = (
            "the same at both sizes"
            if not differ
            else f"different on {', '.join(differ)}: those pages show kinds of rows the seed "
            "page has none of, one query per kind and never per row (tests/test_bench.py "
            "asserts every page's bound at catalogue size)"
        )
        lines.append(
            f"- Queries per request ({run_seed['kind']}, cold/cached, seed → 10k): "
            f"{'; '.join(pairs)}; {note}."
        )
    if seed:
        first = max(run["first_load_kb"] for run in seed)
        lines.append(
            f"- First load under {FIRST_LOAD_KB:.0f} KB compressed (role list HTML, CSS, JS): "
            f"{verdict(first < FIRST_LOAD_KB)}; {first:.1f} KB."
        )
    shares = {}
    for run in results:
        for name, page in run["pages"].items():
            if page.get("fragment_bytes"):
                share = page["fragment_bytes"] / page["bytes"]
                shares.setdefault(name, {})[run["size"]] = share
    over = {name: by_size for name, by_size in shares.items() if max(by_size.values()) >= 0.25}
    described = "; ".join(
        f"{name} " + ", ".join(f"{share:.0%} at {size}" for size, share in by_size.items())
        for name, by_size in shares.items()
    )
    lines.append(
        f"- An htmx fragment under a quarter of its page: {verdict(not over)}; {described}."
    )
    if large:
        rss = max(run["rss_mb"] for run in large)
        lines.append(
            f"- A worker's memory at 10,000 roles under {RSS_MB:.0f} MB: "
            f"{verdict(rss < RSS_MB)}; at most {rss:.0f} MB."
        )
    return lines


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
