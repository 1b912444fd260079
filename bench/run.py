"""The benchmark: serve the app with gunicorn in production settings on SQLite and on
PostgreSQL, at seed size and with a synthetic catalogue, and drive each main page with
wrk in the same run as two references: the framework floor (a trivial view through the
same server and middleware) and the page's own bytes served as a static file.

Run with `make bench`; prints a table and writes bench/RESULTS.md.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
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


def env_for(database_url: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DEBUG", "DATABASE_URL"}}
    env.update(
        DATABASE_URL=database_url,
        SECRET_KEY="benchmark-only-secret-key",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        BENCHMARK="1",
        HTTPS="0",
        STATIC_ROOT=str(STATIC_ROOT),
    )
    return env


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


def wrk(url: str, *headers: str) -> dict:
    """Median and p99 latency (ms), requests per second and non-2xx count for a URL."""
    header_args = [arg for header in headers for arg in ("-H", header)]
    run = subprocess.run(
        ["wrk", "-t1", f"-c{CONNECTIONS}", f"-d{DURATION}s", "--latency", *header_args, url],
        capture_output=True,
        text=True,
    )
    return parse_wrk(run.stdout)


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
    env = env_for(database)
    manage(env, "migrate", "--no-input")
    manage(env, "load_fixtures")
    if SIZES[size]:
        manage(env, "generate_catalogue", *SIZES[size])
    probe = json.loads(manage(env, "bench_probe"))
    pages = {name: value for name, value in probe.items() if not name.startswith("_")}
    reference_dir = STATIC_ROOT / "bench-reference"
    reference_dir.mkdir(parents=True, exist_ok=True)
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
        "path_finder_server_ms": probe["_path_finder_server_ms"],
        "graph_search_ms": probe["_graph_search_ms"],
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
            f"{result['promotions']:,} promotions)",
            "",
            f"Framework floor: median {floor['p50']:.2f} ms, p99 {floor['p99']:.2f} ms, "
            f"{floor['rps']:,.0f} req/s. Worker memory after the run: {result['rss_mb']:.0f} MB. "
            f"Path finder server time (page rendered, graph in memory): "
            f"{result['path_finder_server_ms']:.1f} ms; the graph search alone: "
            f"{result['graph_search_ms'] * 1000:.0f} µs.",
            "",
            "| page | median ms | p99 ms | req/s | × floor | static copy median ms | "
            "queries cold / cached | bytes page / fragment | errors |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        ]
        for name, page in result["pages"].items():
            load = page["load"]
            fragment = page.get("fragment_bytes")
            size = f"{page['bytes']:,}" + (f" / {fragment:,}" if fragment else "")
            if page["fragment_only"]:
                size = f"fragment {fragment:,}"
            lines.append(
                f"| {name} | {load['p50']:.2f} | {load['p99']:.2f} | {load['rps']:,.0f} | "
                f"{page['ratio']:.2f} | {page['static']['p50']:.2f} | "
                f"{page['queries_cold']} / {page['queries_warm']} | {size} | {load['non2xx']} |"
            )
    return "\n".join(lines)


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
    seed_page = results[0]["pages"]["role list, filtered"]
    first_load = first_load_kb((STATIC_ROOT / "bench-reference" / "page-0.html").read_text())
    report = [
        "# Benchmark results",
        "",
        f"Machine: {machine()}.",
        f"Run: `make bench`, gunicorn with 1 sync worker, DEBUG off, wrk with {CONNECTIONS} "
        f"connections for {DURATION} s per URL, on {time.strftime('%Y-%m-%d %H:%M UTC')}.",
        "",
        "Each page is measured in the same run as the framework floor (`/__floor__/`, a view "
        "that returns two bytes through the same middleware and server) and as a static file "
        "holding that page's own bytes. Queries are counted in-process on a cold cache and "
        "again with the page cached; anonymous pages are served from a cache keyed by the data "
        "version, so repeat visits cost one query.",
        "",
        f"First load of the role list (HTML, CSS and JS, gzip): {first_load:.1f} KB; the "
        f"role list page is {seed_page['bytes']:,} bytes, its results fragment "
        f"{seed_page.get('fragment_bytes', 0):,} bytes.",
        table(results),
        "",
    ]
    (ROOT / "bench" / "RESULTS.md").write_text("\n".join(report), "utf-8")
    print(f"\nWrote {ROOT / 'bench' / 'RESULTS.md'}")


if __name__ == "__main__":
    main()
