"""The benchmark's report: the machine it ran on, the table of figures, and the verdicts
against the targets, each computed from the run's own figures."""

from __future__ import annotations

import os
import platform
import re
from pathlib import Path

# The targets of issue 6.
SEED_RATIO, LARGE_RATIO, PATH_FINDER_MS, FIRST_LOAD_KB, FRAGMENT_SHARE, RSS_MB = (
    1.5,
    2.0,
    20.0,
    60.0,
    0.25,
    150.0,
)


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
