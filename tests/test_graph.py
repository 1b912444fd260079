"""The promotion graph as plain data: paths, reach, levels and the map's layout."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ladders.graph import Edge, PromotionGraph, path_time
from ladders.layout import layout, wrap

# 1 -> 2 -> 3 -> 4, 1 -> 5 (sideways), 6 isolated-ish: 6 -> 5
EDGES = [
    Edge(10, 1, 2),
    Edge(11, 2, 3, 12, 18),
    Edge(12, 3, 4),
    Edge(13, 1, 5, sideways=True),
    Edge(14, 6, 5),
]


@pytest.fixture
def graph():
    return PromotionGraph(EDGES)


def test_shortest_path_follows_the_moves(graph):
    assert [edge.promotion_id for edge in graph.shortest_path(1, 4)] == [10, 11, 12]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 11), st.integers(0, 11)), max_size=40),
    st.integers(0, 11),
    st.integers(0, 11),
)
def test_the_two_ended_search_finds_a_route_exactly_when_one_exists_and_none_shorter(
    pairs, start, goal
):
    graph = PromotionGraph(Edge(n, a, b) for n, (a, b) in enumerate(pairs) if a != b)
    # One-ended breadth-first search: the plain answer to check against.
    distances, _ = graph._bfs(start)
    path = graph.shortest_path(start, goal)
    if goal not in distances:
        assert path is None
        return
    assert len(path) == distances[goal]
    node = start
    for edge in path:  # a connected chain of real moves from start to goal
        assert edge.from_id == node and edge in graph.out[node]
        node = edge.to_id
    assert node == goal


def test_shortest_path_prefers_fewer_moves():
    graph = PromotionGraph([*EDGES, Edge(15, 1, 4)])
    assert [edge.promotion_id for edge in graph.shortest_path(1, 4)] == [15]


def test_no_path_downwards(graph):
    assert graph.shortest_path(4, 1) is None
    assert graph.shortest_path(1, 6) is None


def test_path_to_itself_is_empty(graph):
    assert graph.shortest_path(2, 2) == []


def test_reach_and_lead(graph):
    assert graph.reachable_from(1) == {2: 1, 3: 2, 4: 3, 5: 1}
    assert graph.leading_to(5) == {1: 1, 6: 1}


def test_levels_use_the_longest_climb(graph):
    assert graph.levels() == {1: 0, 2: 1, 3: 2, 4: 3, 5: 1, 6: 0}


def test_levels_survive_a_loop():
    graph = PromotionGraph([Edge(1, 1, 2), Edge(2, 2, 3), Edge(3, 3, 2)])
    levels = graph.levels()
    assert levels[1] == 0 and set(levels) == {1, 2, 3}


def test_path_time_is_honest_about_unknown_steps(graph):
    assert path_time(graph.shortest_path(1, 4)).display == (
        "12–18 months, plus 2 moves no source gives a time for"
    )
    assert path_time([EDGES[0]]).display == "no source says how long the one move takes"
    assert path_time([EDGES[1]]).display == "12–18 months"


def test_layout_puts_entry_level_at_the_bottom(graph):
    titles = {n: f"Role {n}" for n in range(1, 7)}
    drawing = layout(graph, titles)
    y = {box.role_id: box.y for box in drawing.boxes}
    assert y[1] > y[2] > y[3] > y[4]
    assert y[1] == y[6]
    assert len(drawing.arrows) == len(EDGES)
    for box in drawing.boxes:
        assert box.x >= 0 and box.x + drawing.box_width <= drawing.width
        assert box.y >= 0 and box.y + drawing.box_height <= drawing.height


def test_layout_arrows_join_the_boxes_they_connect(graph):
    drawing = layout(graph, {n: f"Role {n}" for n in range(1, 7)})
    boxes = {box.role_id: box for box in drawing.boxes}
    arrow = next(a for a in drawing.arrows if (a.from_id, a.to_id) == (1, 2))
    (x1, y1), (x2, y2) = arrow.points[0], arrow.points[-1]
    # Box 1 has two moves out, so they leave its top edge side by side; box 2 has one in.
    assert boxes[1].x < x1 < boxes[1].x + drawing.box_width and y1 == boxes[1].y
    assert x2 == boxes[2].centre_x and y2 == boxes[2].y + drawing.box_height


def test_layout_wraps_a_crowded_level_and_keeps_boxes_apart():
    edges = [Edge(n, 0, n) for n in range(1, 9)] + [Edge(100 + n, n, 50 + n) for n in range(1, 4)]
    titles = {n: f"Role {n}" for n in [0, *range(1, 9), 51, 52, 53]}
    drawing = layout(PromotionGraph(edges), titles)
    spots = {(box.x, box.y) for box in drawing.boxes}
    assert len(spots) == len(drawing.boxes)  # no two boxes on the same spot
    assert drawing.width < 1000


def test_titles_wrap_into_short_lines():
    assert wrap("Development support representative (DSR)") == [
        "Development support",
        "representative (DSR)",
    ]
