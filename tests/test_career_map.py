"""The career map: an SVG drawn on the server, with the same content as a list."""

import io
import re
from itertools import pairwise

import pytest
from django.core.management import call_command
from django.urls import reverse

from careers.models import Role
from ladders.models import Promotion

pytestmark = pytest.mark.django_db


def test_every_role_is_a_linked_box_and_every_move_an_arrow(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(6):  # one for what inferred moves come from
        response = client.get(reverse("ladders:career-map"))
    html = response.content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    for role in Role.objects.all():
        assert f'<a href="{role.get_absolute_url()}" class="role-box">' in svg
    pairs = set(Promotion.objects.values_list("from_role", "to_role"))
    assert svg.count("<polyline ") == len(pairs)
    sideways = set(
        Promotion.objects.filter(direction="sideways").values_list("from_role", "to_role")
    )
    assert svg.count('class="arrow sideways"') == len(sideways)
    # A pair is drawn dotted only when no sentence states any of its moves.
    stated = set(Promotion.objects.filter(order_is_stated=True).values_list("from_role", "to_role"))
    assert svg.count(' inferred"') == len(pairs - stated) > 0


def test_a_sideways_move_is_drawn_dashed(client, move_off_ladder):
    # No article states a sideways move, so an editor's row stands in for one.
    promotion = move_off_ladder
    assert (
        'class="arrow sideways"' not in client.get(reverse("ladders:career-map")).content.decode()
    )
    promotion.direction = Promotion.Direction.SIDEWAYS
    promotion.save()
    html = client.get(reverse("ladders:career-map")).content.decode()
    assert html.count('class="arrow sideways inferred"') == 1


def test_the_list_says_whether_each_move_is_a_step_up_or_sideways(client, move_off_ladder):
    outline = client.get(reverse("ladders:career-map")).content.decode()
    outline = outline[outline.index('id="map-as-text"') :]
    assert (
        'leads to <a href="/roles/help-desk-representative/">Help desk representative</a>: '
        "a step up, typically</li>"
    ) in outline
    assert "sideways move</li>" not in outline
    training = move_off_ladder
    training.direction = Promotion.Direction.SIDEWAYS
    training.save()
    # Two ladders name CSR → supervisor; if they disagree, the list gives both.
    supervisor = Promotion.objects.filter(to_role__slug="supervisor").first()
    supervisor.direction = Promotion.Direction.SIDEWAYS
    supervisor.save()
    html = client.get(reverse("ladders:career-map")).content.decode()
    outline = html[html.index('id="map-as-text"') :]
    assert (
        'leads to <a href="/roles/customer-service-training-manager/">'
        "Customer service training manager</a>: a sideways move, inferred (order not stated): "
        "A row an editor added for a test: the sentence names no role before.</li>"
    ) in outline
    assert (
        'leads to <a href="/roles/supervisor/">Supervisor</a>: '
        "a step up on one ladder, a sideways move on another, for a motivated CSR</li>"
    ) in outline
    assert html.count('class="arrow sideways inferred"') == 1


def test_entry_level_is_drawn_at_the_bottom(client):
    html = client.get(reverse("ladders:career-map")).content.decode()

    def box_y(slug):
        match = re.search(
            rf'href="/roles/{slug}/" class="role-box">\s*<rect x="\d+" y="(\d+)"', html
        )
        return int(match.group(1))

    assert box_y("customer-service-representative") > box_y("help-desk-representative")
    assert box_y("help-desk-representative") > box_y("call-center-team-manager")
    assert box_y("quality-assurance-representative") > box_y("call-center-general-manager")


def test_map_has_a_title_description_and_text_version(client):
    html = client.get(reverse("ladders:career-map")).content.decode()
    assert '<title id="map-title">' in html and '<desc id="map-desc">' in html
    outline = html[html.index('id="map-as-text"') :]
    assert 'leads to <a href="/roles/help-desk-representative/">' in outline
    for role in Role.objects.all():
        assert role.get_absolute_url() in outline


def test_no_script_is_needed_for_the_map(client):
    html = client.get(reverse("ladders:career-map")).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    assert "<script" not in svg


def test_too_many_roles_to_draw_says_so_and_offers_other_ways(client):
    Role.objects.bulk_create(Role(title=f"Role {n}", slug=f"role-{n}") for n in range(300))
    html = client.get(reverse("ladders:career-map")).content.decode()
    assert "The map draws up to 300 roles, and there are 316." in html
    assert "<svg" not in html


def drawn_moves(svg: str) -> tuple[dict[str, tuple[float, ...]], list[list[tuple[float, float]]]]:
    """Each box's rectangle by its role's address, and each arrow as its list of points, read
    from the SVG itself (a line, a polyline or a path of straight moves)."""
    boxes = {
        href: tuple(float(n) for n in numbers)
        for href, *numbers in re.findall(
            r'<a href="([^"]+)" class="role-box">\s*'
            r'<rect x="([\d.]+)" y="([\d.]+)" width="([\d.]+)" height="([\d.]+)"',
            svg,
        )
    }
    arrows = []
    for tag, attributes in re.findall(r"<(line|polyline|path) ([^>]*)>", svg):
        if not re.search(r'class="arrow[ "]', attributes):
            continue
        if tag == "line":
            x1, y1, x2, y2 = (
                float(re.search(rf'\b{name}="([\d.-]+)"', attributes).group(1))
                for name in ("x1", "y1", "x2", "y2")
            )
            arrows.append([(x1, y1), (x2, y2)])
        else:
            data = re.search(r'\b(?:points|d)="([^"]+)"', attributes).group(1)
            numbers = [float(n) for n in re.findall(r"-?[\d.]+", data)]
            arrows.append(list(zip(numbers[::2], numbers[1::2], strict=True)))
    return boxes, arrows


def box_at(boxes, point) -> str:
    """The one box whose edge the point lies on: where an arrow starts or ends."""
    x, y = point
    touching = [
        href
        for href, (left, top, width, height) in boxes.items()
        if left - 1 <= x <= left + width + 1
        and top - 1 <= y <= top + height + 1
        and min(abs(y - top), abs(y - top - height), abs(x - left), abs(x - left - width)) <= 1
    ]
    assert len(touching) == 1, f"{point} touches {touching}"
    return touching[0]


def meets(start, end, rectangle, margin: float = 2) -> bool:
    """Whether the segment touches the rectangle grown by the margin (Liang–Barsky)."""
    left, top, width, height = rectangle
    (x1, y1), (x2, y2) = start, end
    dx, dy = x2 - x1, y2 - y1
    low, high = 0.0, 1.0
    for step, room in (
        (-dx, x1 - (left - margin)),
        (dx, left + width + margin - x1),
        (-dy, y1 - (top - margin)),
        (dy, top + height + margin - y1),
    ):
        if step == 0:
            if room < 0:
                return False
        elif step < 0:
            low = max(low, room / step)
        else:
            high = min(high, room / step)
    return low <= high


def assert_arrows_pass_only_their_own_boxes(client):
    html = client.get(reverse("ladders:career-map")).content.decode()
    svg = html[html.index("<svg") : html.index("</svg>")]
    boxes, arrows = drawn_moves(svg)
    seen = set()
    for points in arrows:
        ends = (box_at(boxes, points[0]), box_at(boxes, points[-1]))
        seen.add(ends)
        for href, rectangle in boxes.items():
            if href in ends:
                continue
            for start, end in pairwise(points):
                assert not meets(start, end, rectangle), (
                    f"the arrow {ends[0]} → {ends[1]} passes behind {href}"
                )
    # Read by where they start and end, the arrows are exactly the moves the sources name.
    named = {
        (f"/roles/{a}/", f"/roles/{b}/")
        for a, b in Promotion.objects.values_list("from_role__slug", "to_role__slug")
    }
    assert seen == named


def test_no_arrow_passes_behind_a_box_other_than_its_two_ends(client):
    assert_arrows_pass_only_their_own_boxes(client)


def test_no_arrow_passes_behind_a_box_at_catalogue_size(client):
    call_command(
        "generate_catalogue",
        "--roles=80",
        "--promotions=200",
        "--ladders=6",
        "--seed=5",
        stdout=io.StringIO(),
    )
    assert_arrows_pass_only_their_own_boxes(client)


def test_a_move_back_down_is_drawn_around_the_boxes_too(client):
    # No source names a move down; an editor's row (closing a loop) stands in for one.
    top = Promotion.objects.get(to_role__slug="call-center-general-manager")
    Promotion.objects.create(
        ladder=top.ladder,
        source=top.source,
        quote=top.quote,
        from_role=top.to_role,
        to_role=Role.objects.get(slug="help-desk-representative"),
    )
    assert_arrows_pass_only_their_own_boxes(client)
