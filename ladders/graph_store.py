"""The promotion graph of the data in the database, kept per data version.

Building it reads every promotion, so a process builds it once and keeps it until the
data version (core.models.DataVersion) moves on, rather than on every path search.
"""

from __future__ import annotations

from core.models import DataVersion
from ladders.graph import Edge, PromotionGraph
from ladders.models import Promotion


def load_graph() -> PromotionGraph:
    """Every promotion in the database as one graph, in one query."""
    rows = Promotion.objects.order_by("pk").values_list(
        "pk",
        "from_role_id",
        "to_role_id",
        "months_min",
        "months_max",
        "direction",
        "order_is_stated",
    )
    return PromotionGraph(
        Edge(pk, a, b, low, high, direction == Promotion.Direction.SIDEWAYS, stated)
        for pk, a, b, low, high, direction, stated in rows
    )


class GraphCache:
    """The graph for the current data, built at most once per data version per process."""

    def __init__(self) -> None:
        # One tuple rather than two attributes, so a reader never pairs a version with
        # the graph of another.
        self._built: tuple[int, PromotionGraph] | None = None

    def get(self) -> PromotionGraph:
        """The graph for the current data version, built again if the version has moved
        on since it was last built. Costs one query (the version) when it has not."""
        version = DataVersion.current()
        built = self._built
        if built is None or built[0] != version:
            built = (version, load_graph())
            self._built = built
        return built[1]

    def clear(self) -> None:
        """Forget the kept graph, so the next get() builds it afresh whatever the version.

        For tests: rolling the database back rolls the data version back too, so a later
        test can meet the same version number with different data."""
        self._built = None


graph_cache = GraphCache()


def current_graph() -> PromotionGraph:
    """The graph for the current data, from this process's graph_cache."""
    return graph_cache.get()
