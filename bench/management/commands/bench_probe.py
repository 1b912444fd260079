"""In-process measurements the load generator cannot see: SQL queries per request
(cold cache and warm), response bytes, and how long the path finder's graph search takes."""

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
from ladders.graph_store import current_graph
from ladders.models import Ladder, Promotion


def busiest_role() -> Role:
    """The role with the most ways out: the longest Next steps, the start of most routes."""
    busiest = (
        Promotion.objects.values("from_role")
        .order_by()
        .annotate(n=Count("pk"))
        .order_by("-n", "from_role")
        .first()
    )
    return Role.objects.get(pk=busiest["from_role"])


def farthest_from(start: Role) -> Role:
    """The role farthest from start: the path finder's hardest ordinary question in this
    data (at catalogue size, a route across synthetic ladders rather than inside the seed's
    small island)."""
    reach = current_graph().reachable_from(start.pk)
    return Role.objects.get(pk=min(reach, key=lambda role: (-reach[role], role)))


def pages() -> dict[str, dict]:
    """The pages the benchmark drives, chosen from the data in this database: the busiest
    role, the longest ladders, the longest route from that role."""
    role = busiest_role()
    goal = farthest_from(role)
    ladders = list(Ladder.objects.annotate(n=Count("rungs")).order_by("-n", "pk")[:2])
    ladder = ladders[0]
    rungs = list(ladder.rungs.order_by("position").values_list("role__slug", flat=True))
    return {
        "role list, filtered": {"url": "/roles/?education=1&min_pay=30000", "fragment": True},
        "role profile": {"url": f"/roles/{role.slug}/"},
        "ladder page": {"url": f"/ladders/{ladder.slug}/?at={rungs[0]}"},
        "ladder-walk step": {
            "url": f"/ladders/{ladder.slug}/?at={rungs[len(rungs) // 2]}",
            "fragment_only": True,
        },
        "path finder": {
            "url": f"/paths/?from={role.slug}&to={goal.slug}",
            "fragment": True,
            "route": (role.pk, goal.pk),
        },
        "comparison": {
            "url": f"/compare/ladders/?ladder={ladders[0].slug}&ladder={ladders[1].slug}"
        },
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


def graph_search_ms(start: int, goal: int, runs: int = 50) -> float:
    graph = current_graph()
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
        start, goal = chosen["path finder"]["route"]
        report["_route_moves"] = len(current_graph().shortest_path(start, goal))
        report["_graph_search_ms"] = graph_search_ms(start, goal)
        report["_roles"] = Role.objects.count()
        report["_promotions"] = Promotion.objects.count()
        self.stdout.write(json.dumps(report))
