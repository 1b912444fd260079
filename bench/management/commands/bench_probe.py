"""In-process measurements the load generator cannot see: SQL queries per request
(cold cache and warm), response bytes, and the path finder's server time."""

import json
import statistics
import time

from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext

from careers.models import Role
from ladders.graph import PromotionGraph
from ladders.models import Ladder, Promotion


def pages() -> dict[str, dict]:
    """The pages the benchmark drives, chosen from the data in this database."""
    busiest = (
        Promotion.objects.values("from_role__slug")
        .order_by()
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    role = busiest["from_role__slug"] if busiest else Role.objects.first().slug
    ladder = Ladder.objects.order_by("pk").first()
    rungs = list(ladder.rungs.order_by("position").values_list("role__slug", flat=True))
    goal = ladder.rungs.order_by("-position").values_list("role__slug", flat=True).first()
    start = rungs[0]
    ladders = list(Ladder.objects.order_by("pk").values_list("slug", flat=True)[:2])
    return {
        "role list, filtered": {"url": "/roles/?education=1&min_pay=30000", "fragment": True},
        "role profile": {"url": f"/roles/{role}/"},
        "ladder page": {"url": f"/ladders/{ladder.slug}/?at={rungs[0]}"},
        "ladder-walk step": {
            "url": f"/ladders/{ladder.slug}/?at={rungs[1]}",
            "fragment_only": True,
        },
        "path finder": {"url": f"/paths/?from={start}&to={goal}", "fragment": True},
        "comparison": {"url": f"/compare/ladders/?ladder={ladders[0]}&ladder={ladders[1]}"},
        "API listing": {"url": "/api/roles/"},
    }


def measure(client: Client, url: str, htmx: bool = False) -> dict:
    headers = {"HX-Request": "true"} if htmx else {}
    cache.clear()
    with CaptureQueriesContext(connection) as cold:
        response = client.get(url, headers=headers)
    with CaptureQueriesContext(connection) as warm:
        client.get(url, headers=headers)
    return {
        "status": response.status_code,
        "bytes": len(response.content),
        "queries_cold": len(cold),
        "queries_warm": len(warm),
        "content": response.content.decode("utf-8", "replace"),
    }


def path_finder_server_ms(client: Client, url: str, runs: int = 30) -> float:
    PromotionGraph.current()  # built once per data version
    times = []
    for _ in range(runs):
        cache.clear()
        began = time.perf_counter()
        client.get(url)
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def graph_search_ms(url: str, runs: int = 50) -> float:
    from urllib.parse import parse_qs, urlparse

    query = parse_qs(urlparse(url).query)
    start = Role.objects.get(slug=query["from"][0]).pk
    goal = Role.objects.get(slug=query["to"][0]).pk
    graph = PromotionGraph.current()
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        graph.shortest_path(start, goal)
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


class Command(BaseCommand):
    help = "Print JSON: per page, queries (cold and warm cache), bytes, and fragment bytes."

    def handle(self, *args, **options):
        client = Client()
        chosen = pages()
        report = {}
        for name, page in chosen.items():
            full = measure(client, page["url"])
            entry = {"url": page["url"], **{k: v for k, v in full.items() if k != "content"}}
            if page.get("fragment") or page.get("fragment_only"):
                fragment = measure(client, page["url"], htmx=True)
                entry["fragment_bytes"] = fragment["bytes"]
                entry["fragment_queries_cold"] = fragment["queries_cold"]
            entry["fragment_only"] = bool(page.get("fragment_only"))
            report[name] = entry
            report[name]["_content"] = full["content"]
        report["_path_finder_server_ms"] = path_finder_server_ms(
            client, chosen["path finder"]["url"]
        )
        report["_graph_search_ms"] = graph_search_ms(chosen["path finder"]["url"])
        report["_roles"] = Role.objects.count()
        report["_promotions"] = Promotion.objects.count()
        self.stdout.write(json.dumps(report))
