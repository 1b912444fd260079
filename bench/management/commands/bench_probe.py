"""In-process measurements the load generator cannot see: SQL queries per request
(cold cache and warm), response bytes, and how long the path finder's graph search takes."""

import json
import statistics
import time
from urllib.parse import parse_qs, urlparse

from django.core.cache import cache
from django.core.management.base import BaseCommand
from django.db import connection
from django.db.models import Count
from django.test import Client
from django.test.utils import CaptureQueriesContext

from careers.models import Role
from ladders.graph import PromotionGraph
from ladders.models import Ladder, Promotion


def longest_route() -> tuple[str, str]:
    """From the role with the most ways out to the role farthest from it: the path finder's
    hardest ordinary question in this data (at catalogue size, a route across synthetic
    ladders rather than inside the seed's small island)."""
    busiest = (
        Promotion.objects.values("from_role")
        .order_by()
        .annotate(n=Count("pk"))
        .order_by("-n", "from_role")
        .first()
    )
    graph = PromotionGraph.current()
    reach = graph.reachable_from(busiest["from_role"])
    goal = min(reach, key=lambda role: (-reach[role], role))
    slugs = dict(Role.objects.filter(pk__in=[busiest["from_role"], goal]).values_list("pk", "slug"))
    return slugs[busiest["from_role"]], slugs[goal]


def pages() -> dict[str, dict]:
    """The pages the benchmark drives, chosen from the data in this database: the busiest
    role, the longest ladder, the longest route."""
    busiest = (
        Promotion.objects.values("from_role__slug")
        .order_by()
        .annotate(n=Count("pk"))
        .order_by("-n", "from_role__slug")
        .first()
    )
    role = busiest["from_role__slug"] if busiest else Role.objects.first().slug
    ladder = Ladder.objects.annotate(n=Count("rungs")).order_by("-n", "pk").first()
    rungs = list(ladder.rungs.order_by("position").values_list("role__slug", flat=True))
    start, goal = longest_route()
    ladders = list(
        Ladder.objects.annotate(n=Count("rungs"))
        .order_by("-n", "pk")
        .values_list("slug", flat=True)[:2]
    )
    return {
        "role list, filtered": {"url": "/roles/?education=1&min_pay=30000", "fragment": True},
        "role profile": {"url": f"/roles/{role}/"},
        "ladder page": {"url": f"/ladders/{ladder.slug}/?at={rungs[0]}"},
        "ladder-walk step": {
            "url": f"/ladders/{ladder.slug}/?at={rungs[len(rungs) // 2]}",
            "fragment_only": True,
        },
        "path finder": {"url": f"/paths/?from={start}&to={goal}", "fragment": True},
        "comparison": {"url": f"/compare/ladders/?ladder={ladders[0]}&ladder={ladders[1]}"},
        "API listing": {"url": "/api/roles/"},
    }


def measure(url: str, htmx: bool = False) -> dict:
    headers = {"HX-Request": "true"} if htmx else {}
    cache.clear()
    # A new visitor each time, as wrk is: no cookie from the first answer (a comparison
    # remembers itself in one) makes the second a different page.
    with CaptureQueriesContext(connection) as cold:
        response = Client().get(url, headers=headers)
    with CaptureQueriesContext(connection) as warm:
        Client().get(url, headers=headers)
    return {
        "status": response.status_code,
        "bytes": len(response.content),
        "queries_cold": len(cold),
        "queries_warm": len(warm),
        "content": response.content.decode("utf-8", "replace"),
    }


def route(url: str) -> list:
    query = parse_qs(urlparse(url).query)
    start = Role.objects.get(slug=query["from"][0]).pk
    goal = Role.objects.get(slug=query["to"][0]).pk
    return PromotionGraph.current().shortest_path(start, goal)


def graph_search_ms(url: str, runs: int = 50) -> float:
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
        chosen = pages()
        report = {}
        for name, page in chosen.items():
            full = measure(page["url"])
            entry = {"url": page["url"], **{k: v for k, v in full.items() if k != "content"}}
            if page.get("fragment") or page.get("fragment_only"):
                fragment = measure(page["url"], htmx=True)
                entry["fragment_bytes"] = fragment["bytes"]
                entry["fragment_queries_cold"] = fragment["queries_cold"]
            entry["fragment_only"] = bool(page.get("fragment_only"))
            report[name] = entry
            report[name]["_content"] = full["content"]
        report["_route_moves"] = len(route(chosen["path finder"]["url"]))
        report["_graph_search_ms"] = graph_search_ms(chosen["path finder"]["url"])
        report["_roles"] = Role.objects.count()
        report["_promotions"] = Promotion.objects.count()
        self.stdout.write(json.dumps(report))
